package main

import (
	"fmt"
	"slices"

	"github.com/bdconf/bdconf/compiler/catalog"
)

// The value types of the catalog packages, one typeSet per technology:
// each generated types_gen.cue is rendered from here (typesgen.go).

// typeSets lists the generated type files, one set per technology.
var typeSets = []typeSet{kafkaTypeSet, sparkTypeSet, hadoopTypeSet, hbaseTypeSet, rangerTypeSet, hiveTypeSet, trinoTypeSet, kerberosTypeSet, zookeeperTypeSet}

// classNameDecl and commaListDecl are declarations several type sets share.
var (
	classNameDecl = typeDecl{"#ClassName", "is a fully qualified Java class name ($ for nested classes).", reJavaClass}
	commaListDecl = typeDecl{"#List", "is a comma-separated list; the compiler joins a CUE list with \",\".", "string | [...string]"}
)

// secretDecls type every key the catalog marks secret: a reference to a
// key of a Kubernetes Secret, which the compiler injects into the pods
// without writing the value anywhere. A literal is an error.
var secretDecls = []typeDecl{
	{"#SecretRef", "is a reference to a key of a Kubernetes Secret.",
		`close({secretKeyRef!: {name!: =~"^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", key!: =~"^[-._a-zA-Z0-9]+$"}})`},
	{"#Secret", "is a secret: a #SecretRef, never a literal.",
		`#SecretRef | error("a secret may not be written in a profile: reference a key of a Kubernetes Secret, {secretKeyRef: {name: <secret>, key: <key>}}")`},
}

// secretDecl names the type of a secret key.
const secretDecl = "#Secret"

// reJavaClass is the constraint of a fully qualified Java class name.
const reJavaClass = `=~"^[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*$"`

// kafkaTypeSet types every Kafka properties file, after ConfigDef's types.
var kafkaTypeSet = typeSet{
	Root: "kafka",
	Intro: "Value types of the Kafka catalogs, after ConfigDef's types. They are\n" +
		"shared by all keys: a key refers to one of them instead of repeating a\n" +
		"constraint, which keeps evaluation cheap.",
	Decls: slices.Concat(
		[]typeDecl{{"#Bool", "is ConfigDef type BOOLEAN: a bool, or true or false in any case.", orGrammar("bool", catalog.KafkaBool)}},
		numericDecls("#Short", "is ConfigDef type SHORT (Short.parseShort of the text).", "int16", orGrammar("", catalog.KafkaInt)),
		numericDecls("#Int", "is ConfigDef type INT (Integer.parseInt of the text).", "int32", orGrammar("", catalog.KafkaInt)),
		numericDecls("#Long", "is ConfigDef type LONG (Long.parseLong of the text).", "int64", orGrammar("", catalog.KafkaInt)),
		numericDecls("#Number", "is ConfigDef type DOUBLE (Double.parseDouble of the text).", "number", orGrammar("", catalog.KafkaNumber)),
		[]typeDecl{
			{"#String", "is ConfigDef types STRING and PASSWORD (a password key carries\n@upstream(secret)).", "string"},
			{"#ClassName", "is ConfigDef type CLASS: a fully qualified Java class name.", reJavaClass},
			{"#List", "is ConfigDef type LIST; the compiler joins a CUE list with \",\".", "string | [...string]"},
			{"#JaasConfig", "is a JAAS configuration (ConfigDef type PASSWORD): a #SecretRef to\nthe whole text, or a literal without credentials (such as GSSAPI with a\nkeytab); the compiler refuses a literal holding a password.", "#SecretRef | string"},
			{"#Version", "is a metadata (inter-broker protocol) version: 3.9, 3.9.0 or\n3.9-IV0 (MetadataVersion.fromVersionString).", `=~"^[0-9]+\\.[0-9]+(\\.[0-9]+)?(-IV[0-9]+)?$"`},
			{"#Scalar", "is any properties value, for pass-through key families.", "bool | number | string"},
		},
		secretDecls,
	),
}

// orGrammar is a CUE scalar type or the text a parser accepts for it; an
// empty scalar gives the text alone.
func orGrammar(scalar string, g *catalog.Grammar) string {
	if scalar == "" {
		return "=~" + quote(g.Text)
	}
	return scalar + " | =~" + quote(g.Text)
}

// orHadoopText is orGrammar for a Hadoop-family type, whose text may also
// hold a ${...} expansion (Configuration.substituteVars), checked by the
// compiler once expanded: one expression, so that a refused value gets
// one message.
func orHadoopText(scalar string, g *catalog.Grammar) string {
	text := "=~" + quote(g.Text+"|"+catalog.HadoopExpansion.String())
	if scalar == "" {
		return text
	}
	return scalar + " | " + text
}

// numericDecls declares a numeric type that also takes its text: name is
// a CUE number (nameValue) or its text (nameText). A key with bounds
// refers to both halves, (nameValue & bounds) | nameText, which CUE
// evaluates with two disjuncts instead of the four of name & (bounds |
// string); the compiler checks the bounds of a text.
func numericDecls(name, doc, value, text string) []typeDecl {
	return []typeDecl{
		{name, doc, name + valueSuffix + " | " + name + textSuffix},
		{name + valueSuffix, "is a " + name + " given as a number.", value},
		{name + textSuffix, "is a " + name + " given as text.", text},
	}
}

// The suffixes of the halves of a numeric type (numericDecls).
const (
	valueSuffix = "Value"
	textSuffix  = "Text"
)

// zookeeperTypeSet types zoo.cfg, after QuorumPeerConfig.parseProperties
// (ZooKeeper 3.9), which trims every value: its own keys are read with
// Integer.parseInt, Long.parseLong and Boolean.parseBoolean, the others
// set as zookeeper.* system properties and read back the same way.
var zookeeperTypeSet = typeSet{
	Root: "zookeeper",
	Intro: "Value types of the ZooKeeper catalog (zoo_cfg_gen.cue). zoo.cfg keys are\n" +
		"parsed by QuorumPeerConfig or, for the others, read back as zookeeper.*\n" +
		"Java system properties, every value trimmed. The types are shared by all\n" +
		"keys, which keeps evaluation cheap.",
	Decls: []typeDecl{
		{"#Bool", "is read with Boolean.parseBoolean, which takes anything but true\n(any case) for false: only true and false (any case) are accepted, so\nthat a typo is not silently false.", orGrammar("bool", catalog.ZooKeeperBool)},
		{"#Int", "is read with Integer.parseInt or Long.parseLong.", orGrammar("int", catalog.ZooKeeperInt)},
		{"#Number", "is read with Double.parseDouble.", orGrammar("number", catalog.ZooKeeperNumber)},
		{"#String", "is used as is, trimmed.", "string"},
		classNameDecl,
		commaListDecl,
		secretDecls[0],
		{"#Secret", "is a secret: a #SecretRef, never a literal. zoo.cfg cannot read\none from the environment, so the compiler refuses the reference and asks\nfor the key's passwordPath twin instead.", secretDecls[1].Expr},
	},
}

// sparkTypeSet types spark-defaults.conf, after Spark's ConfigBuilder
// converters (JavaUtils.timeStringAs / byteStringAs: trimmed, lower-cased,
// an integer and an optional unit, no blank between them).
var sparkTypeSet = typeSet{
	Root: "spark",
	Intro: "Value types of the Spark catalog (spark_defaults_gen.cue). Spark reads\n" +
		"every value as a string and converts it when a key is read; these types\n" +
		"accept what the conversion accepts. They are shared by all keys, which\n" +
		"keeps evaluation cheap.",
	Decls: append([]typeDecl{
		{"#Bool", "is read with toBoolean.", "bool"},
		{"#Int", "is read with toInt or toLong.", "int"},
		{"#Number", "is read with toDouble.", "number"},
		{"#String", "is used as is.", "string"},
		{"#Duration", "is a timeConf value: a number in the unit of the key's\n@upstream(unit=...) attribute or of its default, or a number with a\ntime suffix (us, ms, s, m, min, h, d; any case).", `int | =~"^ *-?[0-9]+([uU][sS]|[mM][sS]|[sS]|[mM]|[mM][iI][nN]|[hH]|[dD])? *$"`},
		{"#Size", "is a bytesConf value: a number in the key's unit, or a number\nwith a suffix b, k, kb, m, mb, g, gb, t, tb, p, pb (any case).", `int | =~"^ *-?[0-9]+([bB]|[kKmMgGtTpP][bB]?)? *$"`},
		classNameDecl,
		commaListDecl,
		{"#Scalar", "is any value, for pass-through key families.", "bool | number | string"},
	}, secretDecls...),
}

// hadoopFamilyDecls are the value types of every catalog read through
// Hadoop's Configuration class: Hadoop's own files, HBase (HBaseConfiguration
// extends it) and the Ranger plugins (RangerPluginConfig extends it). Hadoop
// reads every value as a string and parses it when a key is read; these
// types accept what the parsing accepts, as YAML/CUE scalars.
var hadoopFamilyDecls = slices.Concat(
	[]typeDecl{{"#Bool", "is read with Configuration.getBoolean: true or false in any case.", orHadoopText("bool", catalog.HadoopBool)}},
	numericDecls("#Int", "is read with getInt or getLong: decimal, or hexadecimal after 0x.", "int", orHadoopText("", catalog.HadoopInt)),
	numericDecls("#Number", "is read with getFloat or getDouble: a Java float literal (1.0f,\n1e3, NaN).", "number", orHadoopText("", catalog.HadoopNumber)),
	numericDecls("#Duration", "is read with getTimeDuration: a number in the unit of the key's\n@upstream(unit=...) attribute, or a number with a time-unit suffix (any\ncase).", "int", orHadoopText("", catalog.HadoopDuration)),
	numericDecls("#Size", "is read with getLongBytes: a number of bytes, or a number with a\nbinary prefix (k, m, g, t, p, e; either case).", "int", orHadoopText("", catalog.HadoopSize)),
	[]typeDecl{
		{"#String", "is read with get or getTrimmed.", "string"},
		{"#Permission", "is read with new FsPermission(String) or as a umask: octal\ntext (\"750\", \"0755\"), symbolic text (u=rwx,g=rx,o=), or a YAML\ninteger written in octal digits.",
			orHadoopText("int & >=100 & <=1777", catalog.HadoopPermission)},
		{"#ClassName", "is read with getClass: a fully qualified Java class name ($ for\nnested classes).", reJavaClass + " | #Expansion"},
		commaListDecl,
		{"#Expansion", "is a text holding a ${name}, ${env.NAME}, ${env.NAME:-default} or\n${env.NAME-default} expansion (Configuration.substituteVars), which the\ncompiler checks once expanded.", "=~" + quote(catalog.HadoopExpansion.String())},
		{"#Scalar", "is any value, for pass-through key families (keys another component\nreads under a prefix), which may hold secrets, and for keys whose type is\ngiven as a bound.", "bool | number | string | #SecretRef"},
	},
	secretDecls,
)

// hadoopFamilyIntro is the comment of a Hadoop-family types file.
const hadoopFamilyIntro = "Value types of the %s catalogs. %s reads every value through Hadoop's\n" +
	"Configuration as a string and parses it when a key is read; these types\n" +
	"accept what the parsing accepts, as YAML/CUE scalars. They are shared by\n" +
	"all keys: a key refers to one of them instead of repeating a constraint,\n" +
	"which keeps evaluating the catalogs cheap."

// The type sets of Hadoop (hadoop and hadoop/*), HBase and Ranger (ranger
// and ranger/*): one declaration list, one generated file per package.
var (
	hadoopTypeSet = typeSet{Root: "hadoop", Intro: fmt.Sprintf(hadoopFamilyIntro, "Hadoop", "Hadoop"), Decls: hadoopFamilyDecls}
	hbaseTypeSet  = typeSet{Root: "hbase", Intro: fmt.Sprintf(hadoopFamilyIntro, "HBase", "HBase"), Decls: hadoopFamilyDecls}
	rangerTypeSet = typeSet{Root: "ranger", Intro: fmt.Sprintf(hadoopFamilyIntro, "Ranger", "Ranger"), Decls: hadoopFamilyDecls}
)

// hiveTypeSet types the Hive catalogs, after HiveConf's validators.
var hiveTypeSet = typeSet{
	Root: "hive",
	Intro: "Value types of the Hive catalogs (hive-site.xml, metastore-site.xml,\n" +
		"webhcat-site.xml). HiveConf and MetastoreConf read every value as a string\n" +
		"and convert it when a variable is read; these types accept what the\n" +
		"conversion accepts. They are shared by all keys, which keeps evaluation\n" +
		"cheap.",
	Decls: append([]typeDecl{
		{"#Bool", "is read with getBoolVar.", "bool"},
		{"#Int", "is read with getIntVar.", "int"},
		{"#Long", "is read with getLongVar.", "int"},
		{"#Number", "is read with getFloatVar.", "number"},
		{"#String", "is read with getVar.", "string"},
		{"#Duration", "is a TimeValidator value: a number in the variable's default\nunit, or a number with a unit (ns, us, ms, s, m, h, d or their long\nforms such as sec, min, hours; any case, blanks allowed).",
			`int | =~"^ *[0-9]+ *([nN][sS]|[uU][sS]|[mM][sS]|[sS]|[mM]|[hH]|[dD]|(?i:nsecs?|nanos(econds?)?|usecs?|micros(econds?)?|msecs?|millis(econds?)?|secs?|seconds?|mins?|minutes?|hours?|days?))? *$"`},
		{"#Size", "is a SizeValidator value: a number of bytes, or a number with a\nunit b, kb, mb, gb, tb, pb (any case).", `int | =~"^ *[0-9]+ *((?i)[kmgtp]?b)? *$"`},
		classNameDecl,
		commaListDecl,
	}, secretDecls...),
}

// trinoTypeSet types the Trino catalogs, after airlift's configuration
// types (Duration, DataSize) and Trino's heap size.
var trinoTypeSet = typeSet{
	Root: "trino",
	Intro: "Value types of the Trino catalogs (config.properties and\n" +
		"etc/catalog/<name>.properties), after admin/properties.md (\"Property value\n" +
		"types\"). They are shared by all keys, which keeps evaluation cheap.",
	Decls: append([]typeDecl{
		{"#Bool", "is a boolean property.", "bool"},
		{"#Int", "is an integer property.", "int"},
		{"#Number", "is a double property.", "number"},
		{"#String", "is a string property.", "string"},
		{"#Duration", "is an airlift Duration: a non-negative number, decimals allowed,\nand a unit (ns, us, ms, s, m, h, d), such as 10m or 1.5h.", `=~"^[0-9]+(\\.[0-9]+)? *(ns|us|ms|s|m|h|d)$"`},
		{"#Size", "is an airlift DataSize: a number and a unit (B, kB, MB, GB, TB, PB),\nsuch as 512MB or 1GB.", `=~"^[0-9]+(\\.[0-9]+)? *(B|kB|MB|GB|TB|PB)$"`},
		{"#HeapSize", "is a data size or a percentage of the maximum heap, such as 30%.", `#Size | =~"^[0-9]+(\\.[0-9]+)?%$"`},
		commaListDecl,
	}, secretDecls...),
}

// kerberosTypeSet types krb5.conf and kdc.conf relations, after the
// profile library's parsers.
var kerberosTypeSet = typeSet{
	Root: "kerberos",
	Intro: "Value types of the Kerberos catalogs (krb5.conf, kdc.conf), after the\n" +
		"profile library's parsers. A writer formats them; they are shared by all\n" +
		"relations, which keeps evaluation cheap.",
	Decls: []typeDecl{
		{"#Bool", "is read with profile_parse_boolean: y, yes, true, t, 1, on or n, no,\nfalse, nil, 0, off (any case).", `bool | =~"^(?i:y|yes|true|t|1|on|n|no|false|nil|0|off)$"`},
		{"#Int", "is read with profile_get_integer.", "int"},
		{"#String", "is used as is.", "string"},
		{"#Duration", "is read with krb5_string_to_deltat: seconds, NdNhNmNs (10h, 7d,\n1h30m, blanks allowed between parts) or [d-]hh:mm[:ss].", `int | =~"^-?(([0-9]+ *d)? *([0-9]+ *h)? *([0-9]+ *m)? *([0-9]+ *s)?|([0-9]+-)?[0-9]+:[0-9]{2}(:[0-9]{2})?)$" & !=""`},
		{"#List", "is a relation that may be repeated: one value or a list of values,\nwhich the writer repeats.", "string | [...string]"},
		{"#EnctypeList", "is a list of enctype names, families (aes, camellia, des3, rc4),\nDEFAULT, a - prefix to remove and, in key/salt lists, a :salt suffix;\nseparated by blanks or commas, or given as a list.", `=~"^ *-?[A-Za-z0-9_-]+(:[a-z0-9]+)?([ ,]+-?[A-Za-z0-9_-]+(:[a-z0-9]+)?)* *$" | [...=~"^-?[A-Za-z0-9_-]+(:[a-z0-9]+)?$"]`},
		{"#Scalar", "is any relation value, for sections whose relations applications define.", "bool | number | string"},
	},
}
