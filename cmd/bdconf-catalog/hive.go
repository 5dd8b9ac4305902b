package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// Hive publishes no machine-readable catalog at a 4.0.x tag (see the
// upstream README): the "latest" documentation of hive-site is the source,
// so the catalogs say "Apache Hive 4.x (latest docs, not pinned)".
//
// Which keys go where:
//   - hive-site.xml takes the HiveConf names: every property heading of
//     configuration-properties.md (except metastore.* names and removed
//     properties) and the hcat.* job properties of
//     hcatalog-configuration-properties.md.
//   - metastore-site.xml takes the MetastoreConf names of the standalone
//     metastore administration page (metastore.*, datanucleus.*,
//     javax.jdo.option.*), their "Hive 2 Parameter" names as deprecated
//     aliases (MetastoreConf still reads them), and the properties of the
//     MetaStore sections of configuration-properties.md and every
//     metastore.* heading (MetastoreConf reads a variable by its
//     metastore.* name, then by its hive.* name).
//   - webhcat-site.xml takes the templeton.* table of webhcat-configure.md.
//
// Removed properties ("Removed In:") are left out: HiveConf rejects unknown
// hive.* names (hive.conf.validation). A replacement named by a
// "Deprecated" bullet or a "Deprecated name:" alias is recorded with
// @upstream(deprecated=...).

const (
	hiveVersion         = "Apache Hive 4.x (latest docs, not pinned)"
	hiveMetastoreDoc    = "hive/adminmanual-metastore-3-0-administration.md"
	hiveHCatalogDoc     = "hive/hcatalog-configuration-properties.md"
	hivePropertiesDoc   = "hive/configuration-properties.md"
	hiveWebHCatDoc      = "hive/webhcat-configure.md"
	hiveMetastorePrefix = "metastore."
)

// hiveProp is one "##### name" property of configuration-properties.md.
type hiveProp struct {
	Name         string
	Default      string // raw "Default Value:" text
	Metastore    bool   // under a MetaStore heading
	Removed      bool
	ReplacedBy   []string // replacement named by a Deprecated bullet
	OldNames     []string // "Deprecated name:" aliases
	HasDefaultLn bool
}

var (
	reHiveHeading = regexp.MustCompile(`^(#{2,5})\s+(.*)$`)
	reHiveBullet  = regexp.MustCompile(`(?i)^\s*[*+]\s*(Default Value|Removed In|Deprecated In|Deprecated name|Deprecated)\s*:\s*(.*)$`)
	reHiveName    = regexp.MustCompile(`^[a-zA-Z][A-Za-z0-9._-]*[A-Za-z0-9]$`)
	reHiveReplace = regexp.MustCompile(`(?i)(?:replaced (?:with|by)|see|use)\s+\(?([a-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+)`)
)

// parseHiveProperties reads the property headings of
// configuration-properties.md with their bullets.
func parseHiveProperties(src string) []hiveProp {
	var props []hiveProp
	var cur []int // indexes of the properties of the current heading
	var h2, h3 string
	for _, line := range strings.Split(src, "\n") {
		if m := reHiveHeading.FindStringSubmatch(line); m != nil {
			cur = nil
			switch len(m[1]) {
			case 2:
				h2, h3 = m[2], ""
			case 3:
				h3 = m[2]
			case 5:
				ms := hiveIsMetastoreHeading(h2) || hiveIsMetastoreHeading(h3)
				for _, n := range hiveHeadingNames(m[2]) {
					cur = append(cur, len(props))
					props = append(props, hiveProp{Name: n, Metastore: ms})
				}
			}
			continue
		}
		if m := reHiveBullet.FindStringSubmatch(line); m != nil {
			for _, i := range cur {
				props[i].bullet(strings.ToLower(m[1]), m[2])
			}
		}
	}
	return props
}

// hiveIsMetastoreHeading reports whether a section heading is about the
// metastore.
func hiveIsMetastoreHeading(h string) bool {
	return strings.Contains(strings.ToLower(h), "metastore")
}

// hiveHeadingNames cleans a property heading ("hive.**a.b**",
// "x *or*y", "[hive.io](http://hive.io).z") into its property names.
func hiveHeadingNames(head string) []string {
	head = strings.ReplaceAll(head, "*or*", " or ")
	var names []string
	for _, part := range strings.Split(mdPlain(head), " or ") {
		n := strings.ReplaceAll(part, " ", "")
		if reHiveName.MatchString(n) {
			names = append(names, n)
		}
	}
	return names
}

// bullet records one bullet of a property.
func (p *hiveProp) bullet(label, text string) {
	switch label {
	case "default value":
		if !p.HasDefaultLn {
			p.Default, p.HasDefaultLn = text, true
		}
	case "removed in":
		p.Removed = true
	case "deprecated in", "deprecated":
		if m := reHiveReplace.FindStringSubmatch(mdPlain(text)); m != nil {
			p.ReplacedBy = append(p.ReplacedBy, m[1])
		}
	case "deprecated name":
		p.OldNames = append(p.OldNames, strings.TrimSpace(mdPlain(text)))
	}
}

var (
	reHiveTick     = regexp.MustCompile("`+([^`]*)`+")
	reHiveLaterVal = regexp.MustCompile("`+([^`]*)`+[^`]*and later")
	reHiveUnitWord = regexp.MustCompile(`^\s*(ms|milliseconds?|seconds?|sec|minutes?|hours?)\b`)
	reHiveProduct  = regexp.MustCompile(`^[0-9]+(\*[0-9]+)+L?$`)
	reHiveSpaced   = regexp.MustCompile(`^([0-9]+) *(ms|milliseconds?|seconds?|sec|minutes?|hours?)$`)
)

// hiveUnitWords maps the unit words of documented defaults to unit suffixes.
var hiveUnitWords = map[string]string{
	"ms": "ms", "millisecond": "ms", "milliseconds": "ms",
	"sec": "s", "second": "s", "seconds": "s",
	"minute": "m", "minutes": "m", "hour": "h", "hours": "h",
}

// hiveNoDefault are the texts that state there is no default.
var hiveNoDefault = map[string]bool{
	"": true, "(empty)": true, "empty": true, "blank": true, "null": true,
	"none": true, "not set": true,
}

// hiveDefault reads a "Default Value:" text: the value for the latest
// release when several are listed ("`a` in 0.13; `b` in 0.14 and later"),
// else the first code span, else the text before any parenthesis.
func hiveDefault(raw string) (string, bool) {
	raw = reMDLink.ReplaceAllString(strings.TrimSpace(raw), "$1")
	var v, rest string
	if m := reHiveLaterVal.FindAllStringSubmatchIndex(raw, -1); m != nil {
		last := m[len(m)-1]
		v, rest = raw[last[2]:last[3]], raw[last[1]:]
		// reHiveLaterVal is greedy up to "and later": take the last code span before it.
		if all := reHiveTick.FindAllStringSubmatch(raw[:strings.LastIndex(raw, "and later")], -1); len(all) > 0 {
			v, rest = all[len(all)-1][1], ""
		}
	} else if m := reHiveTick.FindStringSubmatchIndex(raw); m != nil {
		v, rest = raw[m[2]:m[3]], raw[m[1]:]
	} else {
		v = raw
		if i := strings.Index(v, " ("); i >= 0 {
			v = v[:i]
		}
	}
	return hiveNormalizeDefault(strings.Trim(strings.TrimSpace(v), `"`), rest)
}

// hiveNormalizeDefault turns a documented default into the value a
// hive-site.xml would hold.
func hiveNormalizeDefault(v, rest string) (string, bool) {
	if hiveNoDefault[strings.ToLower(v)] {
		return "", false
	}
	if m := reHiveSpaced.FindStringSubmatch(v); m != nil {
		return m[1] + hiveUnitWords[m[2]], true
	}
	if m := reHiveUnitWord.FindStringSubmatch(rest); m != nil && reInt.MatchString(v) {
		return v + hiveUnitWords[m[1]], true
	}
	if reHiveProduct.MatchString(v) {
		n := int64(1)
		for _, f := range strings.Split(strings.TrimSuffix(v, "L"), "*") {
			x, _ := strconv.ParseInt(f, 10, 64)
			n *= x
		}
		return strconv.FormatInt(n, 10), true
	}
	if c := strings.ReplaceAll(v, ",", ""); reInt.MatchString(c) && strings.Contains(v, ",") {
		return c, true
	}
	if strings.HasSuffix(v, "L") && reInt.MatchString(strings.TrimSuffix(v, "L")) {
		return strings.TrimSuffix(v, "L"), true
	}
	return v, true
}

var (
	reHiveSizeLit = regexp.MustCompile(`(?i)^[0-9]+ *[kmgtp]?b$`)
	reHiveTimeLit = regexp.MustCompile(`^[0-9]+ *(ns|us|ms|s|m|h|d|sec|min)$`)
)

// hiveKind infers a kind from a default, else from the name.
func hiveKind(name, def string, hasDef bool) Kind {
	switch {
	case !hasDef:
		return kindBySuffix(name, javaNameKinds)
	case reHiveSizeLit.MatchString(def):
		return KindSize
	case reHiveTimeLit.MatchString(def):
		return KindDuration
	}
	return kindFromValue(def)
}

// hiveKey types one key of a Hive catalog from its default, the reviewed
// tables and its name.
func hiveKey(name, def string, hasDef bool) Key {
	if o, ok := hiveDefaultOverrides[name]; ok {
		def, hasDef = o.def, o.def != ""
	}
	k := Key{Name: name, Default: def, HasDefault: hasDef, Secret: hiveSecret(name)}
	if o, ok := hiveTypeOverrides[name]; ok {
		k.Type, k.Unit = o.Type, o.Unit
	} else {
		k.Type = Type{Kind: hiveKind(name, def, hasDef)}
	}
	if k.Unit == "" && (k.Type.Kind == KindInt || k.Type.Kind == KindLong || k.Type.Kind == KindDuration) {
		k.Unit = unitFromName(name)
	}
	return k
}

// hiveSecret reports whether a Hive key holds a secret.
func hiveSecret(name string) bool {
	if s, ok := hiveSecretOverrides[name]; ok {
		return s.secret
	}
	return strings.Contains(strings.ToLower(name), "password")
}

// readHiveProperties parses configuration-properties.md below dir.
func readHiveProperties(dir string) ([]hiveProp, error) {
	src, err := os.ReadFile(filepath.Join(dir, hivePropertiesDoc))
	if err != nil {
		return nil, err
	}
	props := parseHiveProperties(string(src))
	if len(props) < 500 {
		return nil, fmt.Errorf("%s: only %d properties found", hivePropertiesDoc, len(props))
	}
	return props, nil
}

// hivePropKeys returns the keys of the properties keep selects: removed
// properties are left out, "Deprecated name:" aliases added.
func hivePropKeys(props []hiveProp, keep func(hiveProp) bool) []Key {
	var set keySet
	for _, p := range props {
		if p.Removed || !keep(p) {
			continue
		}
		def, ok := hiveDefault(p.Default)
		k := hiveKey(p.Name, def, ok)
		k.Deprecated = p.ReplacedBy
		set.addFirst(k)
		for _, old := range p.OldNames {
			set.addFirst(hiveAlias(k, old))
		}
	}
	return set.keys
}

// hiveAlias is k under an older name, deprecated in favour of k.
func hiveAlias(k Key, old string) Key {
	alias := k
	alias.Name, alias.Deprecated = old, []string{k.Name}
	return alias
}

// inHiveSite reports whether a property heading belongs to hive-site.xml.
func inHiveSite(p hiveProp) bool { return !strings.HasPrefix(p.Name, hiveMetastorePrefix) }

// inMetastoreSite reports whether a property heading belongs to
// metastore-site.xml.
func inMetastoreSite(p hiveProp) bool {
	return p.Metastore || strings.HasPrefix(p.Name, hiveMetastorePrefix)
}

// buildHiveSite builds the hive-site.xml catalog.
func buildHiveSite(dir string, t target) (*Catalog, error) {
	props, err := readHiveProperties(dir)
	if err != nil {
		return nil, err
	}
	hcat, err := readHCatalogKeys(dir)
	if err != nil {
		return nil, err
	}
	var set keySet
	for _, k := range append(hivePropKeys(props, inHiveSite), hcat...) {
		set.addFirst(k)
	}
	c := t.catalogOf(set.keys)
	c.Source = hivePropertiesDoc + " and " + hiveHCatalogDoc
	return c, nil
}

// readHCatalogKeys reads the property tables of the HCatalog page.
func readHCatalogKeys(dir string) ([]Key, error) {
	src, err := os.ReadFile(filepath.Join(dir, hiveHCatalogDoc))
	if err != nil {
		return nil, err
	}
	var keys []Key
	for _, tb := range parsePipeTables(string(src)) {
		name, def := tb.col(func(h string) bool { return h == "property" }), tb.col(func(h string) bool { return h == "default" })
		for _, row := range tb.Rows {
			n := hiveCellName(cell(row, name))
			if n == "" {
				continue
			}
			d, ok := hiveNormalizeDefault(mdPlain(cell(row, def)), "")
			keys = append(keys, hiveKey(n, d, ok))
		}
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("%s: no properties found", hiveHCatalogDoc)
	}
	return keys, nil
}

// hiveCellName returns the property name a table cell starts with
// ("hcat.append.limit(Hive 0.15.0 and later)", "**templeton.port**"), or "".
func hiveCellName(s string) string {
	s = mdPlain(s)
	if i := strings.IndexAny(s, "( "); i >= 0 {
		s = s[:i]
	}
	if !reHiveName.MatchString(s) || !strings.Contains(s, ".") {
		return ""
	}
	return s
}

// hiveMetastoreRow is one row of a MetastoreConf table.
type hiveMetastoreRow struct {
	Name, Alias, Default, Format string
	HasDefault                   bool
}

// parseHiveMetastoreTables reads the parameter tables of the standalone
// metastore page: the MetastoreConf name, its Hive 2 name, the default
// and the format when given. The "Set to for Standalone Mode" column holds
// recommendations, not defaults.
func parseHiveMetastoreTables(src string) []hiveMetastoreRow {
	var rows []hiveMetastoreRow
	for _, tb := range parsePipeTables(src) {
		name := tb.col(func(h string) bool { return h == "parameter" || h == "configuration parameter" })
		alias := tb.col(func(h string) bool { return h == "hive 2 parameter" })
		def := tb.col(func(h string) bool { return h == "default value" })
		format := tb.col(func(h string) bool { return h == "format" })
		if name < 0 {
			continue
		}
		for _, row := range tb.Rows {
			r := hiveMetastoreRow{Name: hiveCellName(cell(row, name)), Alias: hiveCellName(cell(row, alias)), Format: mdPlain(cell(row, format))}
			if r.Name == "" {
				continue
			}
			if def >= 0 {
				r.Default, r.HasDefault = hiveNormalizeDefault(mdPlain(cell(row, def)), "")
			}
			rows = append(rows, r)
		}
	}
	return rows
}

// buildMetastoreSite builds the metastore-site.xml catalog.
func buildMetastoreSite(dir string, t target) (*Catalog, error) {
	src, err := os.ReadFile(filepath.Join(dir, t.source))
	if err != nil {
		return nil, err
	}
	props, err := readHiveProperties(dir)
	if err != nil {
		return nil, err
	}
	var set keySet
	for _, r := range parseHiveMetastoreTables(string(src)) {
		k := hiveKey(r.Name, r.Default, r.HasDefault)
		if _, ok := hiveTypeOverrides[r.Name]; !ok && r.Format == "integer" {
			k.Type = typ(KindInt)
		}
		set.addFirst(k)
		if r.Alias != "" && r.Alias != r.Name {
			set.addFirst(hiveAlias(k, r.Alias))
		}
	}
	for _, k := range hivePropKeys(props, inMetastoreSite) {
		set.addFirst(k)
	}
	c := t.catalogOf(set.keys)
	c.Source = t.source + " and " + hivePropertiesDoc
	return c, nil
}

// parseWebHCatNames reads the names of the templeton.* table, leaving out
// the rows marked obsolete.
func parseWebHCatNames(src string) []string {
	var names []string
	for _, tb := range parsePipeTables(src) {
		col := tb.col(func(h string) bool { return h == "name" })
		for _, row := range tb.Rows {
			c := cell(row, col)
			if strings.Contains(strings.ToLower(c), "obsolete") {
				continue
			}
			if n := hiveCellName(c); n != "" {
				names = append(names, n)
			}
		}
	}
	return names
}

// buildWebHCatSite builds the webhcat-site.xml catalog: the page lists
// names only, so types come from the reviewed table and the names.
func buildWebHCatSite(dir string, t target) (*Catalog, error) {
	src, err := os.ReadFile(filepath.Join(dir, t.source))
	if err != nil {
		return nil, err
	}
	var set keySet
	for _, n := range parseWebHCatNames(string(src)) {
		set.addFirst(hiveKey(n, "", false))
	}
	if len(set.keys) == 0 {
		return nil, fmt.Errorf("%s: no properties found", t.source)
	}
	return t.catalogOf(set.keys), nil
}
