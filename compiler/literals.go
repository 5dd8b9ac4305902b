package compiler

import (
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/ast"
	cueerrors "cuelang.org/go/cue/errors"
	"cuelang.org/go/cue/literal"
	"cuelang.org/go/cue/token"
)

// literals holds the text of every number a profile writes, by where it is
// written, so that a native file receives the number as the user wrote it:
// CUE keeps only its value (1.0 and 1 are the same float to it, 1e3 prints
// as 1.0e+3).
type literals map[literalPos]string

// literalPos is where a number literal starts: its file and byte offset.
type literalPos struct {
	file   string
	offset int
}

func literalAt(p token.Pos) literalPos {
	return literalPos{file: p.Filename(), offset: p.Offset()}
}

// record adds the number literals of f. A negative number is a unary minus
// over the literal; its value starts at the minus sign.
func (l literals) record(f *ast.File) {
	ast.Walk(f, func(n ast.Node) bool {
		if text, ok := numberText(n); ok {
			l[literalAt(n.Pos())] = text
			return false
		}
		return true
	}, nil)
}

// numberText is the source text of a number expression: a literal, or a
// literal under a sign.
func numberText(n ast.Node) (string, bool) {
	switch n := n.(type) {
	case *ast.BasicLit:
		return n.Value, n.Kind == token.INT || n.Kind == token.FLOAT
	case *ast.UnaryExpr:
		text, ok := numberText(n.X)
		return n.Op.String() + text, ok && (n.Op == token.SUB || n.Op == token.ADD)
	}
	return "", false
}

// javaDecimal matches the numbers every Java number parser the technologies
// use reads with the value CUE gives them: optional sign, decimal digits,
// optional fraction and exponent (Long.parseLong takes the integers among
// them, Double.parseDouble and Float.parseFloat all of them). Other CUE
// forms (0o17, 0b101, 0x10, 1_000, 1Ki) are written as their decimal value:
// Integer.parseInt, which Kafka's ConfigDef and ZooKeeper use, reads none of
// them, and Hadoop's getInt only the hexadecimal one.
var javaDecimal = regexp.MustCompile(`^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$`)

// numberString writes a number value: as written in the profile when it was
// written there in a form every reader takes, as its exact decimal value
// otherwise (a float with a positive exponent in E notation, which
// Double.parseDouble reads).
func (l literals) numberString(v cue.Value) (string, error) {
	mant := new(big.Int)
	exp, err := v.MantExp(mant)
	if err != nil {
		return "", err
	}
	if text, ok := l[literalAt(v.Pos())]; ok && javaDecimal.MatchString(text) && sameNumber(text, mant, exp) {
		return text, nil
	}
	if v.Kind() == cue.FloatKind && exp > 0 {
		return fmt.Sprintf("%sE%d", mant, exp), nil // 1E300, not 301 digits
	}
	return decimalString(mant, exp), nil
}

// sameNumber tells whether text denotes mant×10^exp: the value at a
// literal's position may be one the schema computed from it.
func sameNumber(text string, mant *big.Int, exp int) bool {
	written, ok := new(big.Rat).SetString(strings.TrimPrefix(text, "+"))
	return ok && written.Cmp(ratOf(mant, exp)) == 0
}

func ratOf(mant *big.Int, exp int) *big.Rat {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(exp))), nil)
	r := new(big.Rat).SetInt(mant)
	if exp < 0 {
		return r.Quo(r, new(big.Rat).SetInt(scale))
	}
	return r.Mul(r, new(big.Rat).SetInt(scale))
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

// decimalString writes mant×10^exp in plain decimal notation, exactly.
func decimalString(mant *big.Int, exp int) string {
	if exp >= 0 {
		return new(big.Int).Mul(mant, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(exp)), nil)).String()
	}
	digits := new(big.Int).Abs(mant).String()
	if pad := -exp + 1 - len(digits); pad > 0 {
		digits = strings.Repeat("0", pad) + digits
	}
	point := len(digits) + exp
	sign := ""
	if mant.Sign() < 0 {
		sign = "-"
	}
	return sign + digits[:point] + "." + digits[point:]
}

// settleYAMLNumbers repairs integers beyond 64 bits (see
// repairTaggedInteger) and resolves the unquoted YAML integers with a leading
// zero (022, 0750), which the YAML decoder reads as octal (022 is 18) and
// the Java programs as decimal or octal depending on the key. In a native
// file's keys (<component>[.<role>].config|unchecked.<file>.<key>) such a
// number becomes the string of its text, so that the program reads what
// was written and the key's type decides what it accepts (Hadoop reads
// permissions as octal strings, Integer.parseInt("0750") is 750). Anywhere
// else it is refused: the model reads numbers as YAML does.
func settleYAMLNumbers(f *ast.File, data []byte) error {
	var errs cueerrors.Error
	var walk func(n ast.Node, labels []string)
	walk = func(n ast.Node, labels []string) {
		switch n := n.(type) {
		case *ast.File:
			for _, d := range n.Decls {
				walk(d, labels)
			}
		case *ast.StructLit:
			for _, d := range n.Elts {
				walk(d, labels)
			}
		case *ast.ListLit:
			for i, e := range n.Elts {
				if text, ok := leadingZeroText(e, data); ok {
					n.Elts[i], errs = settleLeadingZero(e, text, labels, errs)
				} else {
					walk(e, labels)
				}
			}
		case *ast.BasicLit:
			repairTaggedInteger(n)
		case *ast.UnaryExpr:
			walk(n.X, labels)
		case *ast.Field:
			name, _, _ := ast.LabelName(n.Label)
			labels := append(labels[:len(labels):len(labels)], name)
			if text, ok := leadingZeroText(n.Value, data); ok {
				n.Value, errs = settleLeadingZero(n.Value, text, labels, errs)
			} else {
				walk(n.Value, labels)
			}
		}
	}
	walk(f, nil)
	return errs
}

// repairTaggedInteger turns the literal "number & 123", which the YAML
// decoder writes for an integer that yaml.v3 tags as a float (one beyond
// 64 bits) and which CUE then fails to parse, into the integer 123.
func repairTaggedInteger(lit *ast.BasicLit) {
	if digits, ok := strings.CutPrefix(lit.Value, "number & "); ok && lit.Kind == token.FLOAT {
		lit.Kind, lit.Value = token.INT, digits
	}
}

// leadingZeroText returns the source text of an integer the YAML decoder
// turned from 0NNN into the CUE octal 0oNNN.
func leadingZeroText(e ast.Expr, data []byte) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.INT || !strings.HasPrefix(lit.Value, "0o") {
		return "", false
	}
	text := "0" + lit.Value[2:]
	off := lit.Pos().Offset()
	return text, off+len(text) <= len(data) && string(data[off:off+len(text)]) == text
}

// settleLeadingZero replaces a leading-zero integer with its text in a
// native key, and reports it elsewhere.
func settleLeadingZero(e ast.Expr, text string, labels []string, errs cueerrors.Error) (ast.Expr, cueerrors.Error) {
	if isNativeKey(labels) {
		return &ast.BasicLit{ValuePos: e.Pos(), Kind: token.STRING, Value: literal.String.Quote(text)}, errs
	}
	value, _ := strconv.ParseInt(text, 8, 64)
	return e, cueerrors.Append(errs, cueerrors.Newf(e.Pos(),
		"%s: YAML reads %s, unquoted with a leading zero, as octal (%d): drop the zero, or quote it if a string is meant",
		labelPath(labels), text, value))
}

// labelPath spells field labels as a CUE path, as diagnostics show paths.
func labelPath(labels []string) string {
	selectors := make([]cue.Selector, len(labels))
	for i, l := range labels {
		selectors[i] = cue.Str(l)
	}
	return cue.MakePath(selectors...).String()
}

// isNativeKey tells the labels of a key of a native file:
// <component>[.<role>].config|unchecked.<file>.<key>.
func isNativeKey(labels []string) bool {
	n := len(labels)
	return (n == 4 || n == 5) && (labels[n-3] == "config" || labels[n-3] == "unchecked")
}
