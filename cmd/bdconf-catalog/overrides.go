package main

// override is a reviewed type for a key whose inference is wrong or
// ambiguous, with the reason it holds.
type override struct {
	Type Type
	Unit string
	Why  string
}

// secretOverride is a reviewed secret-ness decision.
type secretOverride struct {
	secret bool
	why    string
}

// hadoopPlaceholders are the placeholders upstream Hadoop names use, with
// the regular expression a concrete name segment must match.
var hadoopPlaceholders = []struct{ token, regex string }{
	{"EXAMPLENAMESERVICE", `[^.]+`},
	{"[port_number]", `[0-9]+`},
	{"EXAMPLECIPHERSUITE", `[^.]+(\.[^.]+)*`},
}

var hadoopTypeOverrides = map[string]override{}

var hadoopSecretOverrides = map[string]secretOverride{}

// hadoopDeprecationHomes scopes deprecations registered by a
// server-specific class to that server's file.
var hadoopDeprecationHomes = map[string]string{
	"HttpFSServerWebServer.java": "httpfs-site.xml",
}

// kafkaTypeOverrides replaces the type Kafka's "Valid Values" implies.
var kafkaTypeOverrides = map[string]override{
	"inter.broker.protocol.version": {Type: Type{Kind: KindVersion},
		Why: "MetadataVersion.fromVersionString also accepts short forms such as 3.9 or 3.9.0, which the listed values omit"},
	"log.message.format.version": {Type: Type{Kind: KindVersion},
		Why: "validated like inter.broker.protocol.version"},
}

// kafkaIgnoredValidValues are "Valid Values" texts that state no
// constraint the catalog can check, with the reason.
var kafkaIgnoredValidValues = map[string]string{
	"non-empty list": "ControllerQuorumVotersValidator/bootstrap-servers validator: the default \"\" passes it (ConfigDef validates defaults), so empty is valid",
	"non-null string": "any string; the catalog has no null",
	"The default value of -1 means that this will be set to the configured value of remote.log.manager.thread.pool.size, if available; otherwise, it defaults to 10.": "prose, no range",
}

var zkExplicitKeys = map[string]bool{}

var zkSourceOnlyKeys = map[string]string{}

var zkNotKeys = map[string]string{}

var zkSysPropFixes = map[string]struct{ sysProp, why string }{}

var zkPatternBullets = map[string]string{}

type zkFact struct {
	Type    Type
	Default string
	Unit    string
	Why     string
}

var zkFacts = map[string]zkFact{}

var zkSecrets = map[string]bool{}
