package main

import "fmt"

// hadoopFamilyDecls are the value types of every catalog read through
// Hadoop's Configuration class: Hadoop's own files, HBase (HBaseConfiguration
// extends it) and the Ranger plugins (RangerPluginConfig extends it). Hadoop
// reads every value as a string and parses it when a key is read; these
// types accept what the parsing accepts, as YAML/CUE scalars.
var hadoopFamilyDecls = []typeDecl{
	{"#Bool", "is read with Configuration.getBoolean.", "bool"},
	{"#Int", "is read with getInt or getLong.", "int"},
	{"#Number", "is read with getFloat or getDouble.", "number"},
	{"#String", "is read with get or getTrimmed.", "string"},
	{"#Duration", "is read with getTimeDuration: a number in the unit of the key's\n@upstream(unit=...) attribute, or a number with a time-unit suffix.",
		`int | =~"^[0-9]+(ns|us|ms|s|m|h|d)$"`},
	{"#Size", "is read with getLongBytes or getStorageSize: a number of bytes, or\na number with a binary prefix (k, m, g, t, p, e; either case).",
		`int | =~"^[0-9]+[kKmMgGtTpPeE]?$"`},
	{"#ClassName", "is a fully qualified Java class name ($ for nested classes).", reJavaClass},
	{"#List", "is a comma-separated list; the compiler joins a CUE list with \",\".", "string | [...string]"},
	{"#Scalar", "is any value, for pass-through key families (keys another component\nreads under a prefix) and for keys whose type is given as a bound.", "bool | number | string"},
}

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
