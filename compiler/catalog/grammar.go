package catalog

import "regexp"

// Grammar is the text form of one catalog value type: what the reading
// program's parser accepts in a native file, written once here and used by
// the catalog generator (which writes it into the types_gen.cue files) and
// by the compiler's Go checks (which match expanded values against it).
type Grammar struct {
	// Name is the CUE definition of the type, e.g. "#Int".
	Name string
	// Text is an RE2 expression matching a whole accepted value, anchored.
	Text string
	// Describe is what the type accepts, for error messages: "a size such
	// as 128m or 1g".
	Describe string

	re *regexp.Regexp
}

// newGrammar compiles a grammar.
func newGrammar(name, text, describe string) *Grammar {
	return &Grammar{Name: name, Text: text, Describe: describe, re: regexp.MustCompile(text)}
}

// Match reports whether s is a value of the grammar.
func (g *Grammar) Match(s string) bool { return g.re.MatchString(s) }

// javaTrim is what String.trim removes on both sides: every char <= U+0020.
const javaTrim = `[\x00-\x20]*`

// trimmed anchors body between optional trimmed blanks.
func trimmed(body string) string { return `^` + javaTrim + `(?:` + body + `)` + javaTrim + `$` }

// Java number texts.
const (
	// javaInt is Integer.parseInt / Long.parseLong: an optional sign, digits.
	javaInt = `[+-]?[0-9]+`
	// javaFloat is Float.parseFloat / Double.parseDouble
	// (FloatingDecimal.readJavaFormatString): NaN, Infinity, decimal with an
	// optional exponent, hexadecimal with a binary exponent, and an optional
	// f/F/d/D suffix.
	javaFloat = `[+-]?(?:NaN|Infinity|(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|0[xX](?:[0-9A-Fa-f]+\.?[0-9A-Fa-f]*|\.[0-9A-Fa-f]+)[pP][+-]?[0-9]+)[fFdD]?)`
)

// Hadoop's Configuration getters (Hadoop 3.4.1), every one reading the
// trimmed value (getTrimmed, or trim() in getTimeDurationHelper).
var (
	// HadoopInt is getInt/getLong: getHexDigits takes "0x"/"0X" after an
	// optional "-" (Integer.parseInt(hex, 16), so a sign may follow the
	// prefix when none precedes it), else Integer.parseInt/Long.parseLong.
	HadoopInt = newGrammar("#Int", trimmed(javaInt+`|-?0[xX][0-9A-Fa-f]+|0[xX][+-][0-9A-Fa-f]+`), "an integer such as 10, -1 or 0x10")
	// HadoopNumber is getFloat/getDouble: Float.parseFloat/Double.parseDouble.
	HadoopNumber = newGrammar("#Number", trimmed(javaFloat), "a number such as 0.5, 1e3 or 0.999f")
	// HadoopBool is getBoolean: "true" or "false" in any case
	// (StringUtils.equalsIgnoreCase); an empty value means the default.
	HadoopBool = newGrammar("#Bool", trimmed(`(?i:true|false)?`), "true or false, in any case")
	// HadoopDuration is getTimeDuration: lower-cased, then the first of the
	// suffixes ns, us, ms, s, m, h, d it ends with (ParsedTimeDuration.unitFor)
	// is cut and the rest read with Long.parseLong; without a suffix the
	// number is in the key's unit.
	HadoopDuration = newGrammar("#Duration", trimmed(javaInt+`(?i:ns|us|ms|s|m|h|d)?`), "a duration such as 30, 30s, 500ms or 2h: an integer with an optional unit ns, us, ms, s, m, h or d")
	// HadoopSize is getLongBytes: StringUtils.TraditionalBinaryPrefix.string2long,
	// Long.parseLong of the value less an optional last letter k, m, g, t,
	// p or e (any case).
	HadoopSize = newGrammar("#Size", trimmed(javaInt+`[kKmMgGtTpPeE]?`), "a size such as 1048576, 128m or 1g: an integer of bytes with an optional suffix k, m, g, t, p or e")
	// HadoopPermission is FsPermission(String) and the umask (RawParser,
	// UmaskParser: PermissionParser): three octal digits with an optional
	// leading 0 or 1 (sticky bit), or symbolic modes such as u=rwx,g=rx,o=.
	HadoopPermission = newGrammar("#Permission", trimmed(`\+?[01]?[0-7]{3}|(?:[ugoa]*[+=-]+[rwxXt]*[,\s]*)+`), `a permission such as "750", "0755" or "u=rwx,g=rx,o="`)
)

// Kafka's ConfigDef.parseType (Kafka 3.9) for a string value: trimmed, then
// parsed by the type.
var (
	// KafkaBool is BOOLEAN: equalsIgnoreCase "true" or "false".
	KafkaBool = newGrammar("#Bool", trimmed(`(?i:true|false)`), "true or false, in any case")
	// KafkaInt is INT, SHORT and LONG: Integer/Short/Long.parseLong.
	KafkaInt = newGrammar("#Int", trimmed(javaInt), "an integer such as 10 or -1")
	// KafkaNumber is DOUBLE: Double.parseDouble.
	KafkaNumber = newGrammar("#Number", trimmed(javaFloat), "a number such as 0.5 or 1e3")
)

// ZooKeeper's QuorumPeerConfig.parseProperties (ZooKeeper 3.9) reads each
// value of zoo.cfg trimmed.
var (
	// ZooKeeperNumber is Double.parseDouble.
	ZooKeeperNumber = newGrammar("#Number", trimmed(javaFloat), "a number such as 0.5")
	// ZooKeeperInt is Integer.parseInt / Long.parseLong.
	ZooKeeperInt = newGrammar("#Int", trimmed(javaInt), "an integer such as 2000")
	// ZooKeeperBool is Boolean.parseBoolean, which reads anything but "true"
	// (any case) as false: bdconf accepts only true and false, any case, so
	// that a typo such as "ture" is not silently false.
	ZooKeeperBool = newGrammar("#Bool", trimmed(`(?i:true|false)`), "true or false, in any case")
)

// HadoopExpansion matches a ${...} expansion anywhere in a value, as
// Configuration.findSubVariable finds it: "${", a name without '}', ' ' or
// '$', "}".
var HadoopExpansion = regexp.MustCompile(`\$\{([^}$ ]+)\}`)

// typeDescriptions maps a catalog package root and a type name to what the
// type accepts, for the messages of a value refused for its type.
var typeDescriptions = map[string][]*Grammar{
	"hadoop":    {HadoopInt, HadoopNumber, HadoopBool, HadoopDuration, HadoopSize, HadoopPermission},
	"hbase":     {HadoopInt, HadoopNumber, HadoopBool, HadoopDuration, HadoopSize, HadoopPermission},
	"ranger":    {HadoopInt, HadoopNumber, HadoopBool, HadoopDuration, HadoopSize, HadoopPermission},
	"kafka":     {KafkaBool, KafkaInt, KafkaNumber},
	"zookeeper": {ZooKeeperInt, ZooKeeperNumber, ZooKeeperBool},
}

// DescribeType returns what the type name (e.g. "#Size") of the catalog
// package root (e.g. "hadoop") accepts, in words, or false.
func DescribeType(root, name string) (string, bool) {
	for _, g := range typeDescriptions[root] {
		if g.Name == name {
			return g.Describe, true
		}
	}
	return "", false
}

// DescribePattern returns what a catalog type accepts, in words, given the
// regular expression a CUE error quotes ("out of bound =~<pattern>"): a
// grammar's text, or a Hadoop-family text that may also hold an expansion.
func DescribePattern(pattern string) (string, bool) {
	for _, grammars := range typeDescriptions {
		for _, g := range grammars {
			if pattern == g.Text || pattern == g.Text+"|"+HadoopExpansion.String() {
				return g.Describe, true
			}
		}
	}
	return "", false
}
