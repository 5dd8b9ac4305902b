package compiler

import (
	"context"
	"encoding/xml"
	"math/big"
	"regexp"
	"strings"
	"testing"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/cuecontext"
	"cuelang.org/go/encoding/yaml"
)

// fuzzedKeys are keys of different types and formats that
// FuzzScalarsKeepTheirMeaning writes a scalar into.
var fuzzedKeys = []struct{ component, section, file, key string }{
	{"hdfs", "config", "hdfs-site.xml", "dfs.namenode.handler.count"},             // int
	{"hdfs", "config", "hdfs-site.xml", "dfs.namenode.safemode.threshold-pct"},    // number
	{"hdfs", "config", "hdfs-site.xml", "dfs.blocksize"},                          // size: int or text
	{"hdfs", "config", "hdfs-site.xml", "dfs.permissions.enabled"},                // bool
	{"hdfs", "config", "hdfs-site.xml", "dfs.datanode.data.dir.perm"},             // string
	{"hdfs", "unchecked", "hdfs-site.xml", "acme.anything"},                       // any scalar
	{"kafka", "config", "server.properties", "log.cleaner.io.buffer.load.factor"}, // double
	{"kafka", "config", "server.properties", "log.retention.bytes"},               // long
}

// FuzzScalarsKeepTheirMeaning writes a fuzzed YAML scalar into a key: when
// the profile compiles, the value in the native file is what YAML reads in
// the scalar (the same number, boolean or string), and a number in a form
// Java reads is there byte for byte as written. An unquoted number with a
// leading zero is its text (see settleYAMLNumbers).
func FuzzScalarsKeepTheirMeaning(f *testing.F) {
	for i, scalar := range []string{"1.0", "+5", ".5", "1e3", "0x10", "1_000", "022", "0750", "true", "TRUE",
		"1.7976931348623157E308", "9223372036854775807", "123456789012345678901234567890", "-0.25", "128m", `"0.999f"`, "no"} {
		f.Add(uint8(i%len(fuzzedKeys)), scalar)
	}
	f.Fuzz(func(t *testing.T, which uint8, scalar string) {
		if strings.ContainsAny(scalar, "\r\n") {
			return
		}
		k := fuzzedKeys[int(which)%len(fuzzedKeys)]
		profile := "name: x\n" + k.component + ":\n  " + k.section + ":\n    " + k.file + ":\n      " + k.key + ": " + scalar + "\n"
		meant, text, ok := yamlMeaning(profile, k.component, k.section, k.file, k.key)
		if !ok {
			return
		}
		if leadingZero.MatchString(strings.TrimSpace(scalar)) {
			text = strings.TrimSpace(scalar) // CUE's decoder spells it 0o...
		}
		res, err := Compile(context.Background(), Options{Sources: []Source{{Name: "p.yaml", Data: []byte(profile)}}})
		if err != nil {
			return // refused: never a different value
		}
		written, found := writtenValue(t, res, k.component, k.file, k.key)
		if !found {
			t.Fatalf("%s: %s = %s compiled but is not in the file", k.file, k.key, scalar)
		}
		if problem := differs(meant, text, written); problem != "" {
			t.Fatalf("%s: %s: %s written as %q: %s", k.file, k.key, scalar, written, problem)
		}
	})
}

// yamlMeaning decodes the profile as YAML alone and returns the value at
// the key and, for a number, its text.
func yamlMeaning(profile, component, section, file, key string) (cue.Value, string, bool) {
	f, err := yaml.Extract("p.yaml", []byte(profile))
	if err != nil {
		return cue.Value{}, "", false
	}
	var text string
	ast.Walk(f, func(n ast.Node) bool {
		if field, ok := n.(*ast.Field); ok {
			if name, _, _ := ast.LabelName(field.Label); name == key {
				text, _ = numberText(field.Value)
			}
		}
		return true
	}, nil)
	v := cuecontext.New().BuildFile(f).LookupPath(cue.MakePath(cue.Str(component), cue.Str(section), cue.Str(file), cue.Str(key)))
	switch v.Kind() {
	case cue.StringKind, cue.BoolKind, cue.IntKind, cue.FloatKind:
		return v, text, true
	}
	return cue.Value{}, "", false
}

// leadingZero matches the unquoted integers YAML reads as octal.
var leadingZero = regexp.MustCompile(`^0[0-9]+$`)

// differs says how written fails to be what the profile meant, or "".
func differs(meant cue.Value, text, written string) string {
	switch meant.Kind() {
	case cue.StringKind:
		if s, _ := meant.String(); s != written {
			return "the profile means the string " + s
		}
	case cue.BoolKind:
		if b, _ := meant.Bool(); (b && written != "true") || (!b && written != "false") {
			return "the profile means a boolean"
		}
	default:
		if leadingZero.MatchString(text) {
			if written != text {
				return "a number with a leading zero stays its text " + text
			}
			return ""
		}
		if javaDecimal.MatchString(text) && written != text {
			return "a number Java reads is written as written: " + text
		}
		mant := new(big.Int)
		exp, _ := meant.MantExp(mant)
		got, ok := new(big.Rat).SetString(strings.TrimPrefix(written, "+"))
		if !ok || got.Cmp(ratOf(mant, exp)) != 0 {
			return "the profile means the number " + decimalString(mant, exp)
		}
	}
	return ""
}

// writtenValue reads the key back from the component's native file:
// Hadoop XML with encoding/xml, Java properties by their key=value line
// (the fuzzed keys of those files hold numbers, which need no escape).
func writtenValue(t *testing.T, res *Result, component, file, key string) (string, bool) {
	for _, f := range res.Files {
		if !strings.HasSuffix(f.Path, "/"+file) || !strings.Contains(f.Path, "/native/"+component+"/") {
			continue
		}
		if strings.HasSuffix(file, ".xml") {
			var conf struct {
				Property []struct {
					Name  string `xml:"name"`
					Value string `xml:"value"`
				} `xml:"property"`
			}
			if err := xml.Unmarshal(f.Data, &conf); err != nil {
				t.Fatalf("%s: %v", f.Path, err)
			}
			for _, p := range conf.Property {
				if p.Name == key {
					return p.Value, true
				}
			}
			continue
		}
		for _, line := range strings.Split(string(f.Data), "\n") {
			if value, ok := strings.CutPrefix(line, key+"="); ok {
				return value, true
			}
		}
	}
	return "", false
}
