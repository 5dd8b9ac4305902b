package catalog

import (
	"regexp"
	"strings"
	"unicode"

	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/format"
	"cuelang.org/go/cue/literal"
	"cuelang.org/go/cue/token"
)

// parseAttribute reads key=value and flag arguments of an attribute such as
// @upstream(default="3", unit="s", secret); flags map to "".
func parseAttribute(a *ast.Attribute) map[string]string {
	_, body := a.Split()
	args := map[string]string{}
	for _, arg := range splitArgs(body) {
		key, value, hasValue := strings.Cut(strings.TrimSpace(arg), "=")
		if hasValue {
			if unquoted, err := literal.Unquote(strings.TrimSpace(value)); err == nil {
				value = unquoted
			}
		}
		args[strings.TrimSpace(key)] = value
	}
	return args
}

// splitArgs splits an attribute body at commas outside string literals.
func splitArgs(body string) []string {
	var args []string
	var cur strings.Builder
	inString, escaped := false, false
	for _, r := range body {
		switch {
		case escaped:
			escaped = false
		case r == '\\' && inString:
			escaped = true
		case r == '"':
			inString = !inString
		case r == ',' && !inString:
			args = append(args, cur.String())
			cur.Reset()
			continue
		}
		cur.WriteRune(r)
	}
	if strings.TrimSpace(cur.String()) != "" {
		args = append(args, cur.String())
	}
	return args
}

// typeRef matches a reference to a catalog value type, such as #Duration.
var typeRef = regexp.MustCompile(`#([A-Z])([A-Za-z0-9]*)`)

// typeText spells a field's type for people: #ClassName & >=1 reads
// className & >=1.
func typeText(n ast.Node) string {
	return typeRef.ReplaceAllStringFunc(joinHalves(nodeText(n)), func(ref string) string {
		r := []rune(ref[1:])
		r[0] = unicode.ToLower(r[0])
		return string(r)
	})
}

// boundedHalves matches a bounded numeric type written with the halves of
// its type, (#IntValue & (>=1)) | #IntText.
var boundedHalves = regexp.MustCompile(`^\(#([A-Za-z]+)Value & \((.*)\)\) \| #([A-Za-z]+)Text$`)

// joinHalves spells a bounded numeric type as one: #Int & >=1.
func joinHalves(text string) string {
	m := boundedHalves.FindStringSubmatch(text)
	if m == nil || m[1] != m[3] {
		return text
	}
	bounds := m[2]
	if strings.Contains(bounds, "|") {
		bounds = "(" + bounds + ")"
	}
	return "#" + m[1] + " & " + bounds
}

// nodeText formats a syntax node on one line.
func nodeText(n ast.Node) string {
	b, err := format.Node(n)
	if err != nil {
		return "?"
	}
	return strings.Join(strings.Fields(string(b)), " ")
}

// matcher holds the regular expressions of a pattern label:
// [=~"a" & !~"b"] matches what a matches and b does not.
type matcher struct {
	must, mustNot []*regexp.Regexp
}

func newMatcher(label *ast.ListLit) *matcher {
	m := &matcher{}
	for _, elt := range label.Elts {
		ast.Walk(elt, func(n ast.Node) bool {
			if u, ok := n.(*ast.UnaryExpr); ok {
				m.add(u)
			}
			return true
		}, nil)
	}
	return m
}

// add records one =~ or !~ operand.
func (m *matcher) add(u *ast.UnaryExpr) {
	lit, ok := u.X.(*ast.BasicLit)
	if !ok {
		return
	}
	s, err := literal.Unquote(lit.Value)
	if err != nil {
		return
	}
	re, err := regexp.Compile(s)
	if err != nil {
		return
	}
	switch u.Op {
	case token.MAT:
		m.must = append(m.must, re)
	case token.NMAT:
		m.mustNot = append(m.mustNot, re)
	}
}

func (m *matcher) matches(key string) bool {
	if m == nil || len(m.must) == 0 {
		return false
	}
	for _, re := range m.must {
		if !re.MatchString(key) {
			return false
		}
	}
	for _, re := range m.mustNot {
		if re.MatchString(key) {
			return false
		}
	}
	return true
}

// catchAll tells a pattern that names no family: its expressions have no
// literal prefix, so it matches keys of any shape.
func (m *matcher) catchAll() bool {
	for _, re := range m.must {
		// LiteralPrefix sees none past a leading ^ anchor.
		unanchored, err := regexp.Compile(strings.TrimPrefix(re.String(), "^"))
		if prefix, _ := unanchored.LiteralPrefix(); err == nil && prefix != "" {
			return false
		}
	}
	return true
}
