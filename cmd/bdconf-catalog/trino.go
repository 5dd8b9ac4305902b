package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Trino 482 documents its properties in MyST Markdown in three shapes:
// "## `name`" / "### `name`" sections with "- **Type:**" and
// "- **Default value:**" bullets, ":::{list-table}" tables and pipe tables
// whose first column is the property name. Types come from the Type bullet
// (prop-type-*), else from the default, else from the name; enumerations
// from "Allowed values" bullets or the values a table description lists.

// trinoVersion is the upstream product and version of the Trino catalogs.
const trinoVersion = "Trino 482"

// trinoProp is one documented Trino property.
type trinoProp struct {
	Name       string
	Type       string // prop-type-* suffix, "" in tables
	Default    string
	HasDefault bool
	Allowed    []string
	Min, Max   string
	Doc        string // the source file, relative to the upstream folder
}

var (
	reTrinoSection   = regexp.MustCompile("^#{2,4} `([^`]+)`\\s*$")
	reTrinoHeading   = regexp.MustCompile(`^#{1,6} `)
	reTrinoBullet    = regexp.MustCompile(`^- \*\*([A-Za-z ]+):?\*\*:?\s*(.*)$`)
	reTrinoPropTy    = regexp.MustCompile("prop-type-([a-z-]+)")
	reTrinoTicks     = regexp.MustCompile("`([^`]+)`")
	reTrinoName      = regexp.MustCompile(`^[a-z][a-z0-9_]*([.-][a-z0-9_]+)+$`)
	reTrinoDefault   = regexp.MustCompile("(?i)defaults? (?:value )?(?:to|is) `([^`]+)`")
	reTrinoNotConfig = regexp.MustCompile(`(?i)(session|table|column) properties|security mapping properties`)
	reTrinoSnake     = regexp.MustCompile(`^[a-z]+(_[a-z]+)+$`)
	reTrinoEnum      = regexp.MustCompile("(?i)(?:possible|valid|allowed|supported) values(?: are| include)?:?|one of the following:?|set to one of:?")
)

// parseTrinoDoc reads the properties of one Trino document.
func parseTrinoDoc(src, doc string) []trinoProp {
	props := parseTrinoSections(src)
	props = append(props, parseTrinoListTables(src)...)
	for _, tb := range parsePipeTables(src) {
		props = append(props, trinoTableProps(tb.Header, tb.Rows)...)
	}
	for i := range props {
		props[i].Doc = doc
	}
	return props
}

// parseTrinoSections reads "## `name`" sections and their bullets.
func parseTrinoSections(src string) []trinoProp {
	var props []trinoProp
	var cur *trinoProp
	for _, line := range strings.Split(src, "\n") {
		if m := reTrinoSection.FindStringSubmatch(line); m != nil && reTrinoName.MatchString(m[1]) {
			props = append(props, trinoProp{Name: m[1]})
			cur = &props[len(props)-1]
			continue
		}
		if reTrinoHeading.MatchString(line) {
			cur = nil
			continue
		}
		if m := reTrinoBullet.FindStringSubmatch(line); m != nil && cur != nil {
			cur.bullet(strings.ToLower(strings.TrimSpace(m[1])), m[2])
		}
	}
	return props
}

// bullet records one "- **Label:** value" bullet.
func (p *trinoProp) bullet(label, text string) {
	ticks := trinoTicks(text)
	switch label {
	case "type":
		if m := reTrinoPropTy.FindStringSubmatch(text); m != nil {
			p.Type = m[1]
		} else if len(ticks) > 0 {
			p.Type = strings.ReplaceAll(ticks[0], " ", "-")
		}
	case "default value":
		if len(ticks) > 0 {
			p.Default, p.HasDefault = ticks[0], true
		}
	case "allowed values":
		p.Allowed = ticks
	case "minimum value", "min allowed value":
		if len(ticks) > 0 {
			p.Min = ticks[0]
		}
	case "maximum value", "max allowed value":
		if len(ticks) > 0 {
			p.Max = ticks[0]
		}
	}
}

// trinoTicks returns the code spans of a text.
func trinoTicks(s string) []string {
	var out []string
	for _, m := range reTrinoTicks.FindAllStringSubmatch(s, -1) {
		out = append(out, strings.TrimSpace(m[1]))
	}
	return out
}

// parseTrinoListTables reads ":::{list-table}" blocks: rows start with
// "* - ", further cells with "  - ", continuation lines are indented.
func parseTrinoListTables(src string) []trinoProp {
	var props []trinoProp
	lines := strings.Split(src, "\n")
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], ":::{list-table}") || reTrinoNotConfig.MatchString(lines[i]) {
			continue
		}
		var rows [][]string
		j := i + 1
		for ; j < len(lines) && strings.TrimSpace(lines[j]) != ":::"; j++ {
			l := lines[j]
			switch {
			case strings.HasPrefix(l, "* - "):
				rows = append(rows, []string{strings.TrimPrefix(l, "* - ")})
			case strings.HasPrefix(l, "  - ") && len(rows) > 0:
				rows[len(rows)-1] = append(rows[len(rows)-1], strings.TrimPrefix(l, "  - "))
			case strings.HasPrefix(l, "    ") && len(rows) > 0:
				r := rows[len(rows)-1]
				r[len(r)-1] += " " + strings.TrimSpace(l)
			}
		}
		if len(rows) > 1 {
			props = append(props, trinoTableProps(rows[0], rows[1:])...)
		}
		i = j
	}
	return props
}

// trinoTableProps reads the rows of a table whose first column holds
// property names ("Property", "Property name"; not "Property value").
func trinoTableProps(header []string, rows [][]string) []trinoProp {
	if len(header) == 0 {
		return nil
	}
	if h := strings.ToLower(mdPlain(header[0])); h != "property" && h != "property name" {
		return nil
	}
	desc, def := -1, -1
	for i, h := range header {
		switch strings.ToLower(mdPlain(h)) {
		case "description":
			desc = i
		case "default", "default value":
			def = i
		}
	}
	var props []trinoProp
	for _, row := range rows {
		for _, name := range trinoTicks(cell(row, 0)) {
			if !reTrinoName.MatchString(name) {
				continue
			}
			p := trinoProp{Name: name}
			text := cell(row, desc)
			if d := trinoTicks(cell(row, def)); len(d) > 0 {
				p.Default, p.HasDefault = d[0], true
			} else if m := reTrinoDefault.FindStringSubmatch(text); m != nil {
				p.Default, p.HasDefault = m[1], true
			}
			p.Allowed = trinoEnumValues(text, p)
			props = append(props, p)
		}
	}
	return props
}

var reTrinoEnumValue = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// trinoEnumValues returns the values a description lists after "Possible
// values are" and the like, with the default; nil unless they are at
// least two plain words.
func trinoEnumValues(text string, p trinoProp) []string {
	loc := reTrinoEnum.FindStringIndex(text)
	if loc == nil {
		return nil
	}
	rest := text[loc[1]:]
	if i := strings.Index(rest, ". "); i >= 0 {
		rest = rest[:i]
	}
	values := trinoTicks(rest)
	if p.HasDefault {
		values = append(values, p.Default)
	}
	values = dropSessionNames(uniqueSorted(values))
	if len(values) < 2 {
		return nil
	}
	for _, v := range values {
		if !reTrinoEnumValue.MatchString(v) || reInt.MatchString(v) {
			return nil
		}
	}
	return values
}

// uniqueSorted returns the distinct strings of s in order.
func uniqueSorted(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range s {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return out
}

// dropSessionNames removes snake_case session property names that a
// description mentions among upper-case enumeration values.
func dropSessionNames(values []string) []string {
	upper := false
	for _, v := range values {
		upper = upper || v == strings.ToUpper(v)
	}
	if !upper {
		return values
	}
	var out []string
	for _, v := range values {
		if !reTrinoSnake.MatchString(v) {
			out = append(out, v)
		}
	}
	return out
}

var (
	reTrinoDuration = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?(ns|us|ms|s|m|h|d)$`)
	reTrinoDataSize = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?(B|kB|MB|GB|TB|PB)$`)
)

// trinoTypeKinds maps the documented prop-type names to kinds.
var trinoTypeKinds = map[string]Kind{
	"boolean":   KindBool,
	"integer":   KindInt,
	"double":    KindNumber,
	"string":    KindString,
	"duration":  KindDuration,
	"data-size": KindSize,
	"heap-size": KindHeapSize,
}

// trinoKey types one property: reviewed override, documented type,
// default, name.
func trinoKey(p trinoProp) (Key, error) {
	if d, ok := trinoDefaultOverrides[p.Name]; ok {
		p.Default, p.HasDefault = d.def, d.def != ""
	}
	k := Key{Name: p.Name, Default: p.Default, HasDefault: p.HasDefault, Secret: trinoSecret(p.Name)}
	if o, ok := trinoTypeOverrides[p.Name]; ok {
		k.Type, k.Unit = o.Type, o.Unit
		return k, nil
	}
	switch kind, ok := trinoTypeKinds[p.Type]; {
	case p.Type != "" && !ok:
		return k, fmt.Errorf("%s: unknown type %q", p.Name, p.Type)
	case len(p.Allowed) > 0:
		k.Type = oneOf(p.Allowed...)
	case ok:
		k.Type = Type{Kind: kind}
	default:
		k.Type = Type{Kind: trinoKindFromValue(p)}
	}
	if k.Type.Kind == KindInt || k.Type.Kind == KindNumber {
		k.Type.Bounds = trinoBounds(p.Min, p.Max)
	}
	return k, nil
}

// trinoKindFromValue infers a kind from a default, else the name.
func trinoKindFromValue(p trinoProp) Kind {
	v := p.Default
	switch {
	case !p.HasDefault:
		return kindBySuffix(p.Name, trinoNameKinds)
	case reBool.MatchString(v):
		return KindBool
	case reTrinoDuration.MatchString(v):
		return KindDuration
	case reTrinoDataSize.MatchString(v):
		return KindSize
	case reInt.MatchString(v):
		return KindInt
	case reFloat.MatchString(v):
		return KindNumber
	}
	return KindString
}

// trinoNameKinds maps name suffixes to kinds for undocumented types.
var trinoNameKinds = []suffixKind{
	{"-enabled", KindBool},
	{".enabled", KindBool},
	{"-timeout", KindDuration},
	{".port", KindInt},
}

// trinoBounds turns documented minimum and maximum values into CUE bounds.
func trinoBounds(lo, hi string) string {
	var b []string
	if reInt.MatchString(lo) || reFloat.MatchString(lo) {
		b = append(b, ">="+lo)
	}
	if reInt.MatchString(hi) || reFloat.MatchString(hi) {
		b = append(b, "<="+hi)
	}
	return strings.Join(b, " & ")
}

// trinoSecret reports whether a property holds a secret, by the last
// segment of its name: a segment earlier in the name names a feature
// (oauth2.refresh-tokens.issued-token.audience is not a token).
func trinoSecret(name string) bool {
	if s, ok := trinoSecretOverrides[name]; ok {
		return s.secret
	}
	last := strings.ToLower(name[strings.LastIndex(name, ".")+1:])
	if last == "token" || strings.HasSuffix(last, "-token") {
		return true
	}
	for _, w := range []string{"password", "secret", "access-key", "customer-key", "json-key", "credentials-key"} {
		if strings.Contains(last, w) {
			return true
		}
	}
	return false
}

// trinoDocs lists the Markdown files of an upstream folder (relative to
// the upstream root), sorted.
func trinoDocs(dir, folder string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(dir, folder))
	if err != nil {
		return nil, err
	}
	var docs []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".md") {
			docs = append(docs, folder+"/"+e.Name())
		}
	}
	return docs, nil
}

// readTrinoProps parses the given documents.
func readTrinoProps(dir string, docs []string) ([]trinoProp, error) {
	var props []trinoProp
	for _, d := range docs {
		src, err := os.ReadFile(filepath.Join(dir, d))
		if err != nil {
			return nil, err
		}
		props = append(props, parseTrinoDoc(string(src), d)...)
	}
	return props, nil
}

// readTrinoFolder parses the Markdown files of an upstream folder.
func readTrinoFolder(dir, folder string) ([]trinoProp, error) {
	docs, err := trinoDocs(dir, folder)
	if err != nil {
		return nil, err
	}
	return readTrinoProps(dir, docs)
}

// trinoConfigDocs are the documents of config.properties: the admin
// folder except the pages of other files (event listeners, resource
// groups, session property managers), and the security pages of the
// coordinator's HTTP server. trinoElsewhere routes the keys of these pages
// that belong to another file.
func trinoConfigDocs(dir string) ([]string, error) {
	admin, err := trinoDocs(dir, "trino/admin")
	if err != nil {
		return nil, err
	}
	security, err := trinoDocs(dir, "trino/security")
	if err != nil {
		return nil, err
	}
	var docs []string
	for _, d := range append(admin, security...) {
		if _, skip := trinoOtherFileDocs[filepath.Base(d)]; !skip {
			docs = append(docs, d)
		}
	}
	return docs, nil
}

// trinoConfigProps returns the config.properties properties.
func trinoConfigProps(dir string) ([]trinoProp, error) {
	docs, err := trinoConfigDocs(dir)
	if err != nil {
		return nil, err
	}
	props, err := readTrinoProps(dir, docs)
	if err != nil {
		return nil, err
	}
	var out []trinoProp
	for _, p := range props {
		if trinoElsewhere(p.Name) == "" {
			out = append(out, p)
		}
	}
	return out, nil
}

// trinoElsewhere returns the file a config-page key belongs to instead of
// config.properties, or "".
func trinoElsewhere(name string) string {
	for _, r := range trinoOtherFilePrefixes {
		if strings.HasPrefix(name, r.prefix) {
			return r.file
		}
	}
	return ""
}

// trinoKeys types and deduplicates properties.
func trinoKeys(props []trinoProp) ([]Key, error) {
	var set keySet
	for _, p := range props {
		k, err := trinoKey(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.Doc, err)
		}
		set.addFirst(k) // documented on several pages: the first page wins
	}
	return set.keys, nil
}

// trinoCatalog returns the target's catalog of the typed properties.
func trinoCatalog(t target, props []trinoProp) (*Catalog, error) {
	keys, err := trinoKeys(props)
	if err != nil {
		return nil, err
	}
	return t.catalogOf(keys), nil
}

// buildTrinoConfig builds the config.properties catalog.
func buildTrinoConfig(dir string, t target) (*Catalog, error) {
	props, err := trinoConfigProps(dir)
	if err != nil {
		return nil, err
	}
	return trinoCatalog(t, props)
}

// buildTrinoObjectStorage builds the definition of the file system,
// file format and metastore properties the lakehouse connectors share.
func buildTrinoObjectStorage(dir string, t target) (*Catalog, error) {
	props, err := readTrinoFolder(dir, t.source)
	if err != nil {
		return nil, err
	}
	c, err := trinoCatalog(t, props)
	if err != nil {
		return nil, err
	}
	c.Section = "object storage, file formats, metastores"
	return c, nil
}

// trinoConnector is a connector page: the connector.name value and
// whether the connector reads the shared object storage properties.
type trinoConnector struct {
	name      string
	lakehouse bool
}

// trinoConnectors maps connector pages to their connector.name.
var trinoConnectors = map[string]trinoConnector{
	"trino/connector/delta-lake.md": {"delta_lake", true},
	"trino/connector/hive.md":       {"hive", true},
	"trino/connector/hudi.md":       {"hudi", true},
	"trino/connector/iceberg.md":    {"iceberg", true},
	"trino/connector/kafka.md":      {"kafka", false},
}

// trinoObjectStorageDef is the shared definition lakehouse catalogs embed.
const trinoObjectStorageDef = "ObjectStorage"

// buildTrinoConnector builds the catalog of one connector: its
// properties, connector.name fixed, and the shared object storage
// definition embedded for the lakehouse connectors.
func buildTrinoConnector(dir string, t target) (*Catalog, error) {
	conn, ok := trinoConnectors[t.source]
	if !ok {
		return nil, fmt.Errorf("%s: not a reviewed connector page", t.source)
	}
	props, err := readTrinoProps(dir, []string{t.source})
	if err != nil {
		return nil, err
	}
	c, err := trinoCatalog(t, props)
	if err != nil {
		return nil, err
	}
	c.Section = "connector.name=" + conn.name
	c.Decls = append(c.Decls, fmt.Sprintf("%q: %q", "connector.name", conn.name))
	if conn.lakehouse {
		c.Decls = append(c.Decls, "#"+trinoObjectStorageDef)
	}
	return c, nil
}
