package compiler

import (
	"fmt"
	"path"
	"strconv"
	"strings"
	"sync"

	"github.com/bdconf/bdconf/compiler/catalog"
	"github.com/bdconf/bdconf/compiler/internal/fuzzy"
	"github.com/bdconf/bdconf/compiler/native"
)

// Hadoop's Configuration expands ${name} in every value it returns
// (Configuration.substituteVars, Hadoop 3.4.1): ${env.NAME},
// ${env.NAME:-default} and ${env.NAME-default} from the environment, other
// names from the Java system properties, then from the configuration
// itself; an unbound name is left as written, which breaks any typed key.
// checkExpansions requires every name a profile writes to be bound, and a
// value whose expansion is known to fit the type of its key.

// systemProperties are the Java system properties the JVM defines
// (System.getProperties) and the ones Hadoop's launch scripts set
// (hadoop-functions.sh: hadoop_finalize_hadoop_opts), which a Hadoop
// configuration may name.
var systemProperties = []string{
	"java.home", "java.io.tmpdir", "java.library.path", "java.class.path", "java.version",
	"user.name", "user.home", "user.dir", "os.name", "os.arch", "os.version",
	"file.separator", "path.separator", "line.separator",
	"hadoop.log.dir", "hadoop.log.file", "hadoop.home.dir", "hadoop.id.str",
	"hadoop.root.logger", "hadoop.policy.file", "hadoop.security.logger",
}

// maxSubstitutions is Configuration.MAX_SUBST: the depth of nested
// expansions Hadoop follows.
const maxSubstitutions = 20

// hadoopGrammars are the grammars of the Hadoop-family types a value is
// checked against once expanded, by the type's name as catalog.Option
// spells it.
var hadoopGrammars = map[string]*catalog.Grammar{
	"int":        catalog.HadoopInt,
	"number":     catalog.HadoopNumber,
	"bool":       catalog.HadoopBool,
	"duration":   catalog.HadoopDuration,
	"size":       catalog.HadoopSize,
	"permission": catalog.HadoopPermission,
}

// hadoopCatalog is what the Hadoop-family catalogs say, read once.
type hadoopCatalog struct {
	defaults map[string]string           // key -> upstream default
	keys     map[string]bool             // every listed key, true
	options  map[string][]catalog.Option // native file -> its options
}

// loadHadoopCatalog gathers the Hadoop-family options of the embedded
// catalogs, the first time it is called.
var loadHadoopCatalog = sync.OnceValues(func() (hadoopCatalog, error) {
	options, err := embeddedOptions()
	if err != nil {
		return hadoopCatalog{}, err
	}
	c := hadoopCatalog{defaults: map[string]string{}, keys: map[string]bool{}, options: map[string][]catalog.Option{}}
	for _, o := range options {
		if !isHadoopFamily(o.Technology) {
			continue
		}
		c.options[o.File] = append(c.options[o.File], o)
		if !o.Pattern {
			c.keys[o.Key] = true
		}
		if !o.Pattern && o.Default != nil {
			c.defaults[o.Key] = *o.Default
		}
	}
	return c, nil
})

// isHadoopFamily tells the technologies whose files Configuration reads.
func isHadoopFamily(technology string) bool {
	return technology == "hadoop" || technology == "hbase" || technology == "ranger"
}

// typeOf returns the type name (e.g. "int") the catalog of file gives key.
func (c hadoopCatalog) typeOf(file, key string) string {
	o, ok := optionFor(c.options[file], key)
	if !ok {
		return ""
	}
	name, _, _ := strings.Cut(o.Type, " ")
	return name
}

// checkExpansions checks the ${...} expansions of every Hadoop-family
// value a profile sets: each name must be bound, and a value whose
// expansion is known must fit its key's type.
func checkExpansions(files map[string]nativeFile, sources []Source) error {
	inProfile := sourceNames(sources)
	if !hasExpansion(files, inProfile) {
		return nil // most profiles: the catalogs need not be read
	}
	c, err := loadHadoopCatalog()
	if err != nil {
		return err
	}
	known := componentValues(files)
	e := &Error{}
	for _, nativePath := range sortedKeys(files) {
		f := files[nativePath]
		if f.format != native.HadoopXML {
			continue
		}
		scope := expansionScope{catalog: c, set: known[component(nativePath)]}
		for _, s := range f.settings {
			if !isExpansionToCheck(s, inProfile) {
				continue
			}
			if msg := scope.check(path.Base(nativePath), s); msg != "" {
				e.Diagnostics = append(e.Diagnostics, Diagnostic{Pos: s.Origin, Path: strconv.Quote(s.Key), Message: msg})
			}
		}
	}
	if len(e.Diagnostics) > 0 {
		return e
	}
	return nil
}

// isExpansionToCheck tells a value a profile sets that holds an expansion.
func isExpansionToCheck(s Setting, inProfile map[string]bool) bool {
	return !s.Secret && inProfile[s.Origin.File] && strings.Contains(s.Value, "${")
}

// hasExpansion tells whether a profile sets a Hadoop-family value holding
// an expansion.
func hasExpansion(files map[string]nativeFile, inProfile map[string]bool) bool {
	for _, f := range files {
		if f.format != native.HadoopXML {
			continue
		}
		for _, s := range f.settings {
			if isExpansionToCheck(s, inProfile) {
				return true
			}
		}
	}
	return false
}

// component is the first segment of a native path: hdfs/namenode/hdfs-site.xml is hdfs's.
func component(nativePath string) string {
	first, _, _ := strings.Cut(nativePath, "/")
	return first
}

// componentValues maps each component to the keys its Hadoop-family files
// set and their values ("" for a secret, whose value is unknown).
func componentValues(files map[string]nativeFile) map[string]map[string]*string {
	known := map[string]map[string]*string{}
	for nativePath, f := range files {
		if f.format != native.HadoopXML {
			continue
		}
		c := component(nativePath)
		if known[c] == nil {
			known[c] = map[string]*string{}
		}
		for _, s := range f.settings {
			if s.Secret {
				known[c][s.Key] = nil
				continue
			}
			value := s.Value
			known[c][s.Key] = &value
		}
	}
	return known
}

// expansionScope is what a component's Hadoop values may name.
type expansionScope struct {
	catalog hadoopCatalog
	set     map[string]*string // keys the component sets; nil value: unknown
}

// check returns what is wrong with the expansions of s in file, or "".
func (x expansionScope) check(file string, s Setting) string {
	for _, m := range catalog.HadoopExpansion.FindAllStringSubmatch(s.Value, -1) {
		if !x.bound(m[1]) {
			return x.unbound(m[1])
		}
	}
	expanded, state := x.expand(s.Value)
	switch state {
	case expansionTooDeep:
		return fmt.Sprintf("expands more than %d levels deep (a loop?): Hadoop refuses it (Configuration.substituteVars)", maxSubstitutions)
	case expansionUnknown:
		return ""
	}
	g, typed := hadoopGrammars[x.catalog.typeOf(file, s.Key)]
	if typed && !g.Match(expanded) {
		return fmt.Sprintf("expands to %q, which is not %s", expanded, g.Describe)
	}
	return ""
}

// bound tells whether Configuration can resolve name.
func (x expansionScope) bound(name string) bool {
	if strings.HasPrefix(name, "env.") && len(name) > len("env.") {
		return true
	}
	if _, ok := x.set[name]; ok {
		return true
	}
	if x.catalog.keys[name] {
		return true
	}
	for _, p := range systemProperties {
		if p == name {
			return true
		}
	}
	return false
}

// unbound is the message for a name nothing binds, with close names.
func (x expansionScope) unbound(name string) string {
	candidates := append([]string{}, systemProperties...)
	for k := range x.set {
		candidates = append(candidates, k)
	}
	for k := range x.catalog.keys {
		if _, set := x.set[k]; !set {
			candidates = append(candidates, k)
		}
	}
	msg := fmt.Sprintf("${%s} names no key set in the component's Hadoop files, no key of the Hadoop catalogs, no Java system property and no environment variable (${env.NAME}): Hadoop would leave it unexpanded", name)
	if close := fuzzy.Closest(name, candidates, 3); len(close) > 0 {
		msg += "; did you mean " + quoteJoin(close, " or ") + "?"
	}
	return msg
}

// expansionState says how far expand got.
type expansionState int

const (
	expansionKnown   expansionState = iota // every name had a known value
	expansionUnknown                       // a value is known only at run time
	expansionTooDeep                       // deeper than Hadoop follows
)

// expand substitutes the names whose values are known, as
// Configuration.substituteVars does: unknown when a value is known only at
// run time (the environment, system properties, secrets), too deep when
// the nesting goes beyond what Hadoop follows.
func (x expansionScope) expand(value string) (string, expansionState) {
	for range maxSubstitutions {
		m := catalog.HadoopExpansion.FindStringSubmatchIndex(value)
		if m == nil {
			return value, expansionKnown
		}
		v, ok := x.valueOf(value[m[2]:m[3]])
		if !ok {
			return "", expansionUnknown
		}
		value = value[:m[0]] + v + value[m[1]:]
	}
	if catalog.HadoopExpansion.MatchString(value) {
		return "", expansionTooDeep
	}
	return value, expansionKnown
}

// valueOf returns the value of a key the component sets or the catalog
// defaults, when it is known.
func (x expansionScope) valueOf(name string) (string, bool) {
	if v, ok := x.set[name]; ok {
		if v == nil {
			return "", false
		}
		return *v, true
	}
	v, ok := x.catalog.defaults[name]
	return v, ok
}
