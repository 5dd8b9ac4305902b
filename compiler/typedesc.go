package compiler

import (
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/parser"
	"cuelang.org/go/cue/token"

	"github.com/bdconf/bdconf/compiler/catalog"
	"github.com/bdconf/bdconf/schema"
)

// typeDescriptions says in words what each schema type accepts, keyed by
// the folder of its package (see folderOf) and the definition's name: an
// error names the accepted forms instead of quoting a regular expression.
// The catalog types that model a parser's grammar are worded beside their
// grammar, in package catalog (see typeWords).
// The key is the name, not the definition's text, so that a type that
// gains forms keeps its entry (whose words must then follow).
// TestEveryPatternTypeIsDescribed requires an entry for every definition
// written with a regular expression.
var typeDescriptions = map[string]string{
	"common#DNSLabel":   "a DNS label: at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit",
	"common#Quantity":   "a Kubernetes quantity such as 500m, 2 or 4Gi",
	"common#JavaSize":   "a JVM memory size such as 512m or 2g",
	"common#Image":      "a container image such as zookeeper:3.9.3 or registry.example.com/kafka:3.9@sha256:<digest>",
	"common#PortNumber": "a port number from 1024 to 65535",

	"hdfs#FailoverProxyProvider": "a failover proxy provider class: ConfiguredFailoverProxyProvider (the default) or RequestHedgingProxyProvider",
	"hdfs#VolumeType":            "an HDFS storage type a persistent volume can back: DISK, SSD, ARCHIVE or NVDIMM (any case)",
	"kafka#ProviderList":         "a comma-separated list of config provider names, other than bdconf's env",

	"security#SecretName": "a Kubernetes Secret name: lower-case letters, digits, '-' and '.'",
	"security#Duration":   "a duration such as 2160h or 90m",
	"security#HostPort":   "a host name, or host:port",

	"catalog/hadoop#ClassName": className,
	"catalog/hadoop#Expansion": expansion,
	"catalog/hadoop#List":      list,

	"catalog/hbase#ClassName":  className,
	"catalog/hbase#Expansion":  expansion,
	"catalog/ranger#ClassName": className,
	"catalog/ranger#Expansion": expansion,

	"catalog/hive#Duration":  "a duration such as 30s, 5min or 10 seconds: an integer with an optional unit",
	"catalog/hive#Size":      "a size such as 128mb or 1gb: an integer of bytes with an optional unit b, kb, mb, gb, tb or pb",
	"catalog/hive#ClassName": className,

	"catalog/spark#Duration":  "a duration such as 30s, 5min or 1h: an integer with an optional unit us, ms, s, m, min, h or d",
	"catalog/spark#Size":      "a size such as 512m or 1g: an integer with an optional unit b, k, m, g, t or p",
	"catalog/spark#ClassName": className,

	"catalog/trino#Duration": "a duration such as 10s or 1.5h",
	"catalog/trino#Size":     "a data size such as 512MB or 1.5GB",
	"catalog/trino#HeapSize": "a data size such as 512MB, or a share of the heap such as 10%",

	"catalog/kafka#Short":     "an integer from -32768 to 32767",
	"catalog/kafka#Long":      "an integer from -9223372036854775808 to 9223372036854775807",
	"catalog/kafka#ClassName": className,
	"catalog/kafka#List":      list,
	"catalog/kafka#Version":   "a version such as 3.9 or 3.9-IV0",

	"catalog/zookeeper#ClassName": className,
	"catalog/zookeeper#List":      list,

	"catalog/kerberos#Bool":        "a boolean: true, false, yes, no, on, off, y, n, t, nil, 1 or 0",
	"catalog/kerberos#Int":         "an integer",
	"catalog/kerberos#Duration":    "a duration such as 10h, 1d 2h 30m or 10:00:00, or an integer of seconds",
	"catalog/kerberos#RealmName":   "a realm name without blanks, braces, brackets or '='",
	"catalog/kerberos#EnctypeList": "enctype names such as aes256-cts-hmac-sha1-96 or aes, separated by blanks or commas, or a list of them",
}

// Words shared by several technologies' types.
const (
	expansion = "an expansion of another key or an environment variable such as ${dfs.blocksize} or ${env.NAME}"
	className = "a Java class name such as org.example.Foo"
	list      = "a comma-separated string or a list of strings"
)

// typeWords says what the definition key (folder#Name) accepts: a catalog
// grammar's words (a value or text half, #IntValue or #IntText, is worded
// as its whole, #Int), else its typeDescriptions entry, else "".
func typeWords(key string) string {
	folder, name, _ := strings.Cut(key, "#")
	whole := strings.TrimSuffix(strings.TrimSuffix(name, "Text"), "Value")
	if rest, ok := strings.CutPrefix(folder, "catalog/"); ok {
		root, _, _ := strings.Cut(rest, "/")
		if words, ok := catalog.DescribeType(root, "#"+whole); ok {
			return words
		}
	}
	if words, ok := typeDescriptions[key]; ok {
		return words
	}
	return typeDescriptions[folder+"#"+whole]
}

// describeType says what the schema accepts for the key at path in the
// profile unified with the schema, from the definitions its declarations
// use; it returns "" when none has a description.
func describeType(platform cue.Value, keyPath []string, files map[string]bool) string {
	for _, d := range keyDeclarations(platform, keyPath, files) {
		for _, name := range definitionNames(d) {
			if desc := typeWords(name); desc != "" {
				return desc
			}
		}
	}
	return ""
}

// The shapes of the regular expressions the catalog generator writes for a
// key of its own: a case-insensitive enumeration (Kafka's
// ConfigDef.CaseInsensitiveValidString), and a comma-separated list of
// enumerated values (ConfigDef.ValidList).
var (
	anyCaseEnum = regexp.MustCompile(`^=~"\^\(\?i\)\(([A-Za-z0-9_|.-]+)\)\$"$`)
	enumList    = regexp.MustCompile(`^=~"\^ \*\(\(([A-Za-z0-9_|.-]+)\)\( \*, \*\(([A-Za-z0-9_|.-]+)\)\)\*\)\? \*\$"$`)
)

// patternDescriptions words the other regular expressions a catalog writes
// for keys of its own, keyed by the bound as CUE errors spell it.
var patternDescriptions = map[string]string{
	// YARN CapacitySchedulerConfiguration: a queue capacity as a weight
	// or an absolute resource vector, beside a percentage.
	`=~"^[0-9]+(\\.[0-9]+)?w$"`: "a percentage, a weight such as 2.5w, or resources such as [memory=4096,vcores=2]",
	`=~"^\\[.*\\]$"`:            "a percentage, a weight such as 2.5w, or resources such as [memory=4096,vcores=2]",
}

// describePattern words a regular expression bound of those shapes, one of
// patternDescriptions, or a catalog grammar's; it returns "" for another.
func describePattern(bound string) string {
	if desc, ok := patternDescriptions[bound]; ok {
		return desc
	}
	if re, err := strconv.Unquote(strings.TrimPrefix(bound, "=~")); err == nil {
		if desc, ok := catalog.DescribePattern(re); ok {
			return desc
		}
	}
	if m := anyCaseEnum.FindStringSubmatch(bound); m != nil {
		return "one of " + strings.Join(strings.Split(m[1], "|"), ", ") + " (in any case)"
	}
	if m := enumList.FindStringSubmatch(bound); m != nil && m[1] == m[2] {
		return "a comma-separated list of " + strings.Join(strings.Split(m[1], "|"), ", ")
	}
	return ""
}

// keyDeclarations lists the schema's declarations of the key at keyPath in
// platform, the profile unified with the schema: the key's conjuncts in
// each conjunct of its parent that no profile file wrote.
func keyDeclarations(platform cue.Value, keyPath []string, files map[string]bool) []cue.Value {
	if !platform.Exists() || len(keyPath) == 0 {
		return nil
	}
	parent := platform.LookupPath(cue.ParsePath(strings.Join(keyPath[:len(keyPath)-1], ".")))
	key := cue.Str(unquote(keyPath[len(keyPath)-1]))
	var found []cue.Value
	_, parents := parent.Expr()
	for _, p := range parents {
		if !files[position(p.Pos()).File] {
			_, declarations := declaration(p, key).Expr()
			found = append(found, declarations...)
		}
	}
	return found
}

// declaration looks key up in v whether v declares it regular, optional
// (key?) or required (key!).
func declaration(v cue.Value, key cue.Selector) cue.Value {
	for _, sel := range []cue.Selector{key, key.Optional(), key.Required()} {
		if d := v.LookupPath(cue.MakePath(sel)); d.Exists() {
			return d
		}
	}
	return cue.Value{}
}

// definitionNames lists the definitions a declaration uses, as
// "<folder>#Name": a reference the evaluator resolves, or the syntax of the
// declaration (a definition of its own package, or of an imported one,
// combined with & and |).
func definitionNames(v cue.Value) []string {
	if root, ref := v.ReferencePath(); len(ref.Selectors()) > 0 {
		sels := ref.Selectors()
		return []string{folderOf(position(root.LookupPath(ref).Pos()).File) + sels[len(sels)-1].String()}
	}
	folder := folderOf(position(v.Pos()).File)
	switch src := v.Source().(type) {
	case *ast.Field:
		return definitionsIn(src.Value, folder, nil)
	case *ast.Ident:
		if !strings.HasPrefix(src.Name, "#") {
			// The evaluator keeps only the package of an imported
			// definition (common of common.#DNSLabel): read the selector
			// from the schema's syntax.
			return selectorAt(src.Pos())
		}
		return definitionsIn(src, folder, nil)
	case ast.Expr:
		return definitionsIn(src, folder, nil)
	}
	return nil
}

// definitionsIn lists the definitions expr names, folder being the
// package the expression is written in, imports its imported packages'
// folders by name.
func definitionsIn(expr ast.Expr, folder string, imports map[string]string) []string {
	switch e := expr.(type) {
	case *ast.Ident:
		if strings.HasPrefix(e.Name, "#") {
			return []string{folder + e.Name}
		}
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok {
			name, _, _ := ast.LabelName(e.Sel)
			if imported, ok := imports[x.Name]; ok {
				return []string{imported + name}
			}
			return []string{x.Name + name}
		}
	case *ast.BinaryExpr:
		if e.Op == token.AND || e.Op == token.OR {
			return append(definitionsIn(e.X, folder, imports), definitionsIn(e.Y, folder, imports)...)
		}
	case *ast.UnaryExpr:
		if e.Op == token.MUL { // a default: *x
			return definitionsIn(e.X, folder, imports)
		}
	case *ast.ParenExpr:
		return definitionsIn(e.X, folder, imports)
	}
	return nil
}

// folderOf names the package of a schema file by its folder under
// schema/; a catalog by its technology's folder (catalog/kafka/topic is
// catalog/kafka): the generator gives every catalog package of one
// technology the same types.
func folderOf(file string) string {
	folder := strings.TrimPrefix(path.Dir(file), schemaDir+"/")
	if parts := strings.Split(folder, "/"); len(parts) > 2 && parts[0] == "catalog" {
		return path.Join(parts[:2]...)
	}
	return folder
}

// schemaModule is the CUE module path of the schema (cue.mod/module.cue).
const schemaModule = "bdconf.dev/schema"

// selectorAt reads the definition that the selector expression (pkg.#Name)
// starting at p names, in the embedded schema's syntax.
func selectorAt(p token.Pos) []string {
	pos := position(p)
	data, err := fs.ReadFile(schema.FS, strings.TrimPrefix(pos.File, schemaDir+"/"))
	if err != nil {
		return nil
	}
	f, err := parser.ParseFile(pos.File, data)
	if err != nil {
		return nil
	}
	imports := map[string]string{}
	for spec := range f.ImportSpecs() {
		importPath := strings.Trim(spec.Path.Value, `"`)
		name := path.Base(importPath)
		if spec.Name != nil {
			name = spec.Name.Name
		}
		imports[name] = strings.TrimPrefix(importPath, schemaModule+"/")
	}
	var found []string
	ast.Walk(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && found == nil && position(sel.Pos()) == pos {
			found = definitionsIn(sel, folderOf(pos.File), imports)
		}
		return found == nil
	}, nil)
	return found
}
