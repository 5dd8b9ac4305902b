package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// hadoopDeprecationsFile and hadoopCoreFile are read by the Hadoop
// catalogs: the first for deprecated keys, the second for Hadoop's own
// list of sensitive key patterns (hadoopSensitiveKey).
const (
	hadoopDeprecationsFile = "hadoop/deprecated-keys.derived.json"
	hadoopCoreFile         = "hadoop/core-default.xml"
	hadoopSensitiveKey     = "hadoop.security.sensitive-config-keys"
)

// hadoopProperty is one <property> of a Hadoop *-default.xml file.
type hadoopProperty struct {
	Name  string
	Value string
	Doc   string
}

// xmlProperty mirrors the XML; core-default.xml misspells <description>
// as <decription> twice.
type xmlProperty struct {
	Name       string `xml:"name"`
	Value      string `xml:"value"`
	Desc       string `xml:"description"`
	Decription string `xml:"decription"`
}

// parseHadoopXML reads the properties of a Hadoop configuration file.
// Names and values are trimmed, as Hadoop's Configuration trims them; an
// empty or missing <value> leaves the key unset.
func parseHadoopXML(r io.Reader) ([]hadoopProperty, error) {
	var doc struct {
		Properties []xmlProperty `xml:"property"`
	}
	if err := xml.NewDecoder(r).Decode(&doc); err != nil {
		return nil, err
	}
	props := make([]hadoopProperty, 0, len(doc.Properties))
	for _, p := range doc.Properties {
		hp := hadoopProperty{
			Name:  strings.TrimSpace(p.Name),
			Value: strings.TrimSpace(p.Value),
			Doc:   strings.Join(strings.Fields(p.Desc+" "+p.Decription), " "),
		}
		props = append(props, hp)
	}
	return props, nil
}

// hadoopDeprecation is one DeprecationDelta of the derived JSON table.
type hadoopDeprecation struct {
	Old        string   `json:"deprecated_key"`
	New        []string `json:"new_keys"`
	SourceFile string   `json:"source_file"`
}

// parseHadoopDeprecations reads deprecated-keys.derived.json.
func parseHadoopDeprecations(r io.Reader) ([]hadoopDeprecation, error) {
	var doc struct {
		Deprecations []hadoopDeprecation `json:"deprecations"`
	}
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return nil, err
	}
	return doc.Deprecations, nil
}

// readHadoopXML parses the Hadoop XML file at path file.
func readHadoopXML(file string) ([]hadoopProperty, error) {
	return parseFile(file, parseHadoopXML)
}

// readHadoopDeprecations parses the derived deprecation table at path file.
func readHadoopDeprecations(file string) ([]hadoopDeprecation, error) {
	return parseFile(file, parseHadoopDeprecations)
}

// parseFile opens file and parses it, naming the file in a parse error.
func parseFile[T any](file string, parse func(io.Reader) (T, error)) (T, error) {
	f, err := os.Open(file)
	if err != nil {
		var zero T
		return zero, err
	}
	defer f.Close()
	v, err := parse(f)
	if err != nil {
		return v, fmt.Errorf("%s: %w", file, err)
	}
	return v, nil
}

// addHadoopProperty adds p as a key, or as a pattern when its name holds a
// placeholder.
func addHadoopProperty(c *Catalog, keys *keySet, p hadoopProperty, secret func(string) bool) error {
	k := Key{
		Name:       p.Name,
		Type:       inferHadoop(p),
		Default:    p.Value,
		HasDefault: p.Value != "",
		Secret:     secret(p.Name),
	}
	k.Unit = hadoopUnit(p, k.Type.Kind)
	re, ok, err := placeholderRegex(p.Name)
	switch {
	case err != nil:
		return err
	case ok:
		c.Patterns = append(c.Patterns, Pattern{Key: k, Regex: re})
		return nil
	default:
		return keys.add(k)
	}
}

// placeholderRegex turns an upstream name holding a reviewed placeholder
// (see hadoopPlaceholders) into an anchored regular expression. A name that
// looks like a placeholder but is not in the table is an error, so that a
// new upstream placeholder gets reviewed.
func placeholderRegex(name string) (string, bool, error) {
	for _, ph := range allPlaceholders() {
		if before, after, found := strings.Cut(name, ph.token); found {
			return "^" + regexp.QuoteMeta(before) + ph.regex + regexp.QuoteMeta(after) + "$", true, nil
		}
	}
	if reSuspectPlaceholder.MatchString(name) && !literalNames[name] {
		return "", false, fmt.Errorf("key %q looks like a placeholder: review it in hadoopPlaceholders", name)
	}
	return "", false, nil
}

// reSuspectPlaceholder matches names that look like they hold a placeholder.
var reSuspectPlaceholder = regexp.MustCompile(`[\[\]<>{}$*]|EXAMPLE|(^|\.)[A-Z_]{4,}(\.|$)`)

// hadoopSecretMatcher returns a predicate for secret keys: Hadoop's own
// redaction patterns, read from core-default.xml, minus the reviewed
// exclusions, plus the reviewed additions (overrides.go).
func hadoopSecretMatcher(dir string) (func(string) bool, error) {
	props, err := readHadoopXML(filepath.Join(dir, hadoopCoreFile))
	if err != nil {
		return nil, err
	}
	var res []*regexp.Regexp
	for _, p := range props {
		if p.Name != hadoopSensitiveKey {
			continue
		}
		for _, expr := range strings.Fields(strings.ReplaceAll(p.Value, ",", " ")) {
			re, err := regexp.Compile(expr)
			if err != nil {
				return nil, fmt.Errorf("%s %s: %w", hadoopCoreFile, hadoopSensitiveKey, err)
			}
			res = append(res, re)
		}
	}
	if len(res) == 0 {
		return nil, fmt.Errorf("%s: %s not found", hadoopCoreFile, hadoopSensitiveKey)
	}
	return func(name string) bool { return isHadoopSecret(name, res) }, nil
}

// isHadoopSecret applies the redaction patterns (Java's Matcher.find, i.e.
// unanchored) and the reviewed tables.
func isHadoopSecret(name string, res []*regexp.Regexp) bool {
	if reason, ok := secretOverrideFor(name); ok {
		return reason.secret
	}
	for _, re := range res {
		if re.MatchString(name) {
			return true
		}
	}
	return false
}

// addDeprecationTable applies a derived deprecation table (Hadoop's or
// HBase's, same format) to keys: it marks the deprecated keys already
// listed, and adds each deprecated key whose replacement the file holds,
// typed like it. A deprecation registered by a server-specific class only
// applies to that server's file (hadoopDeprecationHomes).
func addDeprecationTable(dir, table string, t target, keys *keySet) error {
	deps, err := readHadoopDeprecations(filepath.Join(dir, table))
	if err != nil {
		return err
	}
	for _, d := range deps {
		if home, ok := hadoopDeprecationHomes[path.Base(d.SourceFile)]; ok && home != t.native {
			continue
		}
		if err := addHadoopDeprecation(keys, d); err != nil {
			return fmt.Errorf("%s: %w", table, err)
		}
	}
	return nil
}

// addHadoopDeprecation records one deprecation in keys.
func addHadoopDeprecation(keys *keySet, d hadoopDeprecation) error {
	if k := keys.get(d.Old); k != nil {
		k.Deprecated = d.New
		return nil
	}
	for _, n := range d.New {
		if repl := keys.get(n); repl != nil {
			return keys.add(Key{Name: d.Old, Type: repl.Type, Unit: repl.Unit, Secret: repl.Secret, Deprecated: d.New})
		}
	}
	return nil
}
