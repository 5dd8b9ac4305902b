package compiler

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"cuelang.org/go/cue/cuecontext"

	"github.com/bdconf/bdconf/compiler/catalog"
)

// A number given as text ("4", "0x10", "0.5f") passes a catalog's bounds
// in CUE: the bounds apply to the number half of the type, and the text
// half takes what the parser accepts. checkNumericText reads such a text
// as the program does and checks the number against the key's bounds, so
// that "0" is refused where 0 is.
func checkNumericText(files map[string]nativeFile, sources []Source) error {
	inProfile := sourceNames(sources)
	candidates := numericTexts(files, inProfile)
	if len(candidates) == 0 {
		return nil // most profiles: the catalogs need not be read
	}
	options, err := embeddedOptions()
	if err != nil {
		return err
	}
	byFile := map[string][]catalog.Option{}
	for _, o := range options {
		byFile[o.File] = append(byFile[o.File], o)
	}
	e := &Error{}
	for _, c := range candidates {
		o, ok := optionFor(byFile[c.file], c.setting.Key)
		if !ok {
			continue
		}
		if bounds := boundsOf(o.Type); bounds != "" && !withinBounds(bounds, c.number) {
			e.Diagnostics = append(e.Diagnostics, Diagnostic{
				Pos:     c.setting.Origin,
				Path:    strconv.Quote(c.setting.Key),
				Message: fmt.Sprintf("invalid value %q: it is read as %s, and the key takes %s", c.setting.Value, c.number, o.Type),
			})
		}
	}
	if len(e.Diagnostics) > 0 {
		return e
	}
	return nil
}

// numericText is a profile value given as the text of a number.
type numericText struct {
	file    string // native file name
	setting Setting
	number  string // the number the program reads, as CUE writes it
}

// numericTexts returns the catalogued values a profile gives as the text
// of a number, in native path order, each once (a component's value is in
// the file of each of its roles).
func numericTexts(files map[string]nativeFile, inProfile map[string]bool) []numericText {
	var out []numericText
	seen := map[Position]bool{}
	for _, nativePath := range sortedKeys(files) {
		for _, s := range files[nativePath].settings {
			if !s.Text || s.Unchecked || s.Secret || !inProfile[s.Origin.File] || seen[s.Origin] {
				continue
			}
			if n, ok := javaNumber(s.Value); ok {
				seen[s.Origin] = true
				out = append(out, numericText{file: path.Base(nativePath), setting: s, number: n})
			}
		}
	}
	return out
}

// javaNumber reads text as Integer.parseInt (or, after 0x, Hadoop's
// getHexDigits) or Double.parseDouble (f or d suffix allowed) would, after
// trimming; false for any other text.
func javaNumber(text string) (string, bool) {
	t := strings.TrimSpace(text)
	switch {
	case catalog.KafkaInt.Match(t):
		n, err := strconv.ParseInt(strings.TrimPrefix(t, "+"), 10, 64)
		return strconv.FormatInt(n, 10), err == nil
	case catalog.HadoopInt.Match(t):
		neg := strings.HasPrefix(t, "-")
		n, err := strconv.ParseInt(strings.TrimLeft(t, "-")[2:], 16, 64)
		if neg {
			n = -n
		}
		return strconv.FormatInt(n, 10), err == nil
	case catalog.KafkaNumber.Match(t) && !strings.Contains(t, "N") && !strings.Contains(t, "I"):
		f, err := strconv.ParseFloat(strings.TrimRight(t, "fFdD"), 64)
		return strconv.FormatFloat(f, 'g', -1, 64), err == nil
	}
	return "", false
}

// boundsOf returns the bounds of a type as catalog.Option spells it
// ("int & >=1 & <=32767" has ">=1 & <=32767"), or "".
func boundsOf(typ string) string {
	name, bounds, found := strings.Cut(typ, " & ")
	if !found || !numericTypes[name] {
		return ""
	}
	return bounds
}

// numericTypes are the catalog types, as catalog.Option spells them, whose
// bounds apply to a number.
var numericTypes = map[string]bool{"int": true, "short": true, "long": true, "number": true}

// withinBounds tells whether the number satisfies the CUE bounds.
func withinBounds(bounds, number string) bool {
	v := cuecontext.New().CompileString("(" + bounds + ") & " + number)
	return v.Validate() == nil
}
