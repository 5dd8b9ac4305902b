package main

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// sparkRow is one row of a Spark "Property Name | Default | Meaning |
// Since Version" table; the Meaning prose is not read.
type sparkRow struct {
	Name    string
	Default string
}

// sparkPages is the Spark pages feeding spark-defaults.conf, in order; the
// target names the first.
var sparkPages = []string{"spark/configuration.html", "spark/running-on-kubernetes.html", "spark/security.html"}

var (
	reSparkTable  = regexp.MustCompile(`(?s)<table[^>]*>(.*?)</table>`)
	reSparkHead   = regexp.MustCompile(`(?s)^\s*(?:<thead>)?\s*<tr>\s*<th>([^<]*)</th>`)
	reSparkRow    = regexp.MustCompile(`(?s)<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>(?:\s*<td>.*?</td>)?\s*</tr>`)
	reSparkName   = regexp.MustCompile(`^\s*<code>([^<]+)</code>\s*$`)
	reSparkNS     = regexp.MustCompile(`<td><code>(spark\.[A-Za-z.]+)</code></td>`)
	reTags        = regexp.MustCompile(`<[^>]+>`)
	reBlanks      = regexp.MustCompile(`\s+`)
	reSparkHolder = regexp.MustCompile(`\$\{[A-Za-z]+\}|\{[A-Za-z|]+\}|\[[A-Za-z]+\]|\*`)
)

// parseSparkHTML returns the rows of the property tables of a Spark page
// and the SSL configuration namespaces its "Config Namespace" table lists.
func parseSparkHTML(src string) (rows []sparkRow, namespaces []string) {
	for _, m := range reSparkTable.FindAllStringSubmatch(src, -1) {
		head := reSparkHead.FindStringSubmatch(m[1])
		switch {
		case head == nil:
		case head[1] == "Config Namespace":
			for _, ns := range reSparkNS.FindAllStringSubmatch(m[1], -1) {
				namespaces = append(namespaces, ns[1])
			}
		case head[1] == "Property Name":
			rows = append(rows, sparkTableRows(m[1])...)
		}
	}
	return rows, namespaces
}

// sparkTableRows reads the rows of one property table.
func sparkTableRows(table string) []sparkRow {
	var rows []sparkRow
	for _, r := range reSparkRow.FindAllStringSubmatch(table, -1) {
		name := reSparkName.FindStringSubmatch(r[1])
		if name == nil {
			continue
		}
		rows = append(rows, sparkRow{
			Name:    html.UnescapeString(name[1]),
			Default: cellText(r[2]),
		})
	}
	return rows
}

// cellText is the text of a table cell: tags dropped, entities decoded,
// blanks collapsed.
func cellText(cell string) string {
	s := html.UnescapeString(reTags.ReplaceAllString(cell, ""))
	return strings.TrimSpace(reBlanks.ReplaceAllString(s, " "))
}

// buildSpark builds the spark-defaults.conf catalog from the Spark pages.
func buildSpark(dir string, t target) (*Catalog, error) {
	var rows []sparkRow
	var namespaces []string
	for _, page := range sparkPages {
		src, err := os.ReadFile(filepath.Join(dir, page))
		if err != nil {
			return nil, err
		}
		r, ns := parseSparkHTML(string(src))
		if len(r) == 0 {
			return nil, fmt.Errorf("%s: no property rows found", page)
		}
		rows = append(rows, r...)
		namespaces = append(namespaces, ns...)
	}
	c := t.newCatalog()
	if err := addSparkRows(c, rows, namespaces); err != nil {
		return nil, fmt.Errorf("%s: %w", t.source, err)
	}
	sortCatalog(c)
	return c, nil
}

// addSparkRows turns rows into keys and, for placeholder names, patterns.
// Rows whose default names another key take that key's type.
func addSparkRows(c *Catalog, rows []sparkRow, namespaces []string) error {
	var keys keySet
	seen := map[string]bool{}
	var refs []sparkRow
	for _, r := range rows {
		if seen[r.Name] {
			continue // listed again in another table (same key)
		}
		seen[r.Name] = true
		d, err := sparkDefault(r)
		if err != nil {
			return fmt.Errorf("%s: %w", r.Name, err)
		}
		if d.ref != "" {
			refs = append(refs, r)
			continue
		}
		if err := addSparkKey(c, &keys, r, d, sparkType(r, d), namespaces); err != nil {
			return err
		}
	}
	for _, r := range refs {
		d, _ := sparkDefault(r)
		typ := sparkType(r, d)
		if k := keys.get(d.ref); k != nil {
			if _, ok := sparkTypeOverrides[r.Name]; !ok {
				typ = k.Type
			}
		}
		if err := addSparkKey(c, &keys, r, d, typ, namespaces); err != nil {
			return err
		}
	}
	c.Keys = keys.keys
	return nil
}

// addSparkKey adds a key, or a pattern when the name holds placeholders.
func addSparkKey(c *Catalog, keys *keySet, r sparkRow, d sparkDefaultValue, typ Type, namespaces []string) error {
	k := Key{Name: r.Name, Type: typ, Default: d.value, HasDefault: d.ok, Secret: sparkSecret(r.Name)}
	if o, ok := sparkTypeOverrides[r.Name]; ok {
		k.Unit = o.Unit
	}
	if !reSparkHolder.MatchString(r.Name) {
		return keys.add(k)
	}
	re, err := sparkPatternRegex(r.Name, namespaces)
	if err != nil {
		return err
	}
	c.Patterns = append(c.Patterns, Pattern{Key: k, Regex: re})
	return nil
}

// sparkPatternRegex turns a placeholder name into an anchored regular
// expression, each placeholder replaced by what it stands for.
func sparkPatternRegex(name string, namespaces []string) (string, error) {
	var b strings.Builder
	b.WriteString("^")
	last := 0
	for _, loc := range reSparkHolder.FindAllStringIndex(name, -1) {
		b.WriteString(regexp.QuoteMeta(name[last:loc[0]]))
		token := name[loc[0]:loc[1]]
		re, ok := sparkPlaceholders[token]
		if token == "${ns}" {
			re, ok = namespaceRegex(namespaces), len(namespaces) > 0
		}
		if !ok {
			return "", fmt.Errorf("%s: unreviewed placeholder %s", name, token)
		}
		b.WriteString(re)
		last = loc[1]
	}
	b.WriteString(regexp.QuoteMeta(name[last:]) + "$")
	return b.String(), nil
}

// namespaceRegex is an alternation of the SSL configuration namespaces.
func namespaceRegex(namespaces []string) string {
	quoted := make([]string, len(namespaces))
	for i, ns := range namespaces {
		quoted[i] = regexp.QuoteMeta(ns)
	}
	return "(" + strings.Join(quoted, "|") + ")"
}

// sparkDefaultValue is a normalised default: a literal value, or the name
// of the key whose value it defaults to.
type sparkDefaultValue struct {
	value string
	ok    bool
	ref   string
}

var (
	reSparkRef     = regexp.MustCompile(`^\(?(?:[Vv]alue of |The value of |Fall back on )?(spark\.[A-Za-z0-9_.]+)\)?$`)
	reSparkHint    = regexp.MustCompile(`^(-?[0-9]+) \([0-9.]+ [A-Za-z]+\)$`)
	reSparkProduct = regexp.MustCompile(`^[0-9]+( \* [0-9]+)+$`)
	reSparkQuoted  = regexp.MustCompile(`^"([^"]*)"$`)
)

// sparkDefault normalises the Default cell of a row.
func sparkDefault(r sparkRow) (sparkDefaultValue, error) {
	d := r.Default
	if v, ok := sparkDefaultRewrites[d]; ok {
		d = v
	}
	if m := reSparkQuoted.FindStringSubmatch(d); m != nil {
		d = m[1]
	}
	switch {
	case sparkNoDefault[d] || sparkProseDefaults[r.Name] != "":
		return sparkDefaultValue{}, nil
	case reSparkRef.MatchString(d):
		return sparkDefaultValue{ref: reSparkRef.FindStringSubmatch(d)[1]}, nil
	case reSparkHint.MatchString(d):
		return sparkDefaultValue{value: reSparkHint.FindStringSubmatch(d)[1], ok: true}, nil
	case reSparkProduct.MatchString(d):
		return sparkDefaultValue{value: product(d), ok: true}, nil
	case strings.Contains(d, " ") && !sparkSpacedDefaults[d]:
		return sparkDefaultValue{}, fmt.Errorf("unreviewed default %q", d)
	}
	return sparkDefaultValue{value: d, ok: true}, nil
}

// product evaluates "a * b * c".
func product(expr string) string {
	p := int64(1)
	for _, f := range strings.Split(expr, " * ") {
		var n int64
		fmt.Sscan(f, &n)
		p *= n
	}
	return fmt.Sprint(p)
}

var (
	reSparkDuration = regexp.MustCompile(`(?i)^-?[0-9]+(us|ms|s|m|min|h|d)$`)
	reSparkSize     = regexp.MustCompile(`(?i)^[0-9]+(b|k|kb|m|mb|g|gb|t|tb|p|pb)$`)
	reSparkSizeName = regexp.MustCompile(`(?i)(memory|size|bytes|buffer|overhead)`)
)

// sparkType infers a key's type: the reviewed override, else the default
// value's form, else the name.
func sparkType(r sparkRow, d sparkDefaultValue) Type {
	if o, ok := sparkTypeOverrides[r.Name]; ok {
		return o.Type
	}
	last := r.Name[strings.LastIndex(r.Name, ".")+1:]
	v := d.value
	switch {
	case !d.ok || v == "":
		return Type{Kind: kindBySuffix(last, sparkNameKinds)}
	case reSparkSize.MatchString(v) && (!reSparkDuration.MatchString(v) || reSparkSizeName.MatchString(r.Name)):
		return Type{Kind: KindSize}
	case reSparkDuration.MatchString(v):
		return Type{Kind: KindDuration}
	case reInt.MatchString(v):
		return Type{Kind: kindBySuffix(last, sparkIntNameKinds)}
	}
	switch k := kindFromValue(v); k {
	case KindDuration, KindSize:
		return Type{Kind: KindString}
	default:
		return Type{Kind: k}
	}
}

// sparkNameKinds maps the last name segment's suffix to the kind of a key
// without a literal default.
var sparkNameKinds = []suffixKind{
	{"enabled", KindBool}, {"Enabled", KindBool},
	{"Factor", KindNumber}, {"Fraction", KindNumber}, {"fraction", KindNumber}, {"Ratio", KindNumber},
	{"memory", KindSize}, {"Memory", KindSize}, {"memoryOverhead", KindSize}, {"Size", KindSize}, {"InBytes", KindSize},
	{"timeout", KindDuration}, {"Timeout", KindDuration}, {"Interval", KindDuration}, {"interval", KindDuration},
	{"port", KindInt}, {"Port", KindInt}, {"cores", KindInt}, {"Cores", KindInt}, {"Executors", KindInt},
	{"Threads", KindInt}, {"amount", KindNumber},
	{"classes", KindList}, {"Classes", KindList}, {"plugins", KindList}, {"filters", KindList},
	{"jars", KindList}, {"files", KindList}, {"archives", KindList}, {"packages", KindList}, {"repositories", KindList},
	{"class", KindClass}, {"Class", KindClass},
}

// sparkIntNameKinds widens an integer default to a duration or size when
// the name says the key takes one (timeConf and bytesConf accept plain
// numbers too).
var sparkIntNameKinds = []suffixKind{
	{"Timeout", KindDuration}, {"timeout", KindDuration}, {"Interval", KindDuration}, {"interval", KindDuration},
	{"memoryOverhead", KindSize}, {"Bytes", KindSize},
	{"Factor", KindNumber}, {"Fraction", KindNumber}, {"fraction", KindNumber},
	{"", KindInt},
}

var reSparkSecret = regexp.MustCompile(`(?i)(password|secret|token)$`)

// sparkSecret reports whether a key holds a secret: its name ends with
// password, secret or token (spark.authenticate.secret, ${ns}.keyPassword,
// spark.kubernetes.authenticate.*.oauthToken), and it is not a file.
func sparkSecret(name string) bool {
	return reSparkSecret.MatchString(name)
}
