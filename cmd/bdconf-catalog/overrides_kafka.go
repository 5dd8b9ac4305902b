package main

import (
	"regexp"
	"strings"
)

// Reviewed "Valid Values" texts of the Kafka client, topic, Connect,
// Streams, MirrorMaker and connector pages (Kafka 3.9): validators whose
// text is not a range or a plain list. bounds is the CUE constraint the
// text implies ("" when it holds nothing checkable).
var kafkaValidValueTexts = map[string]struct{ bounds, why string }{
	"[partitionId]:[brokerId],[partitionId]:[brokerId],...":                                                         {"", "ThrottledReplicaListValidator also accepts \"*\"; kept a plain list"},
	"List of comma-separated URLs, ex: http://localhost:8080,https://localhost:8443.":                               {"", "Connect listeners: a list of URLs"},
	"Positive number not larger than the number of brokers in the Kafka cluster, or -1 to use the broker's default": {">=1 | -1", "replication factor or -1 (broker default)"},
	"Positive number, or -1 to use the broker's default":                                                            {">=1 | -1", "partition count or -1 (broker default)"},
	"Any KeyGenerator algorithm supported by the worker JVM":                                                        {"", "depends on the JVM"},
	"Any MAC algorithm supported by the worker JVM":                                                                 {"", "depends on the JVM"},
	"A list of one or more MAC algorithms, each supported by the worker JVM":                                        {"", "depends on the JVM"},
	"Comma-separated header rules, where each header rule is of the form '[action] [header name]:[header value]' and optionally surrounded by double quotes if any part of a header rule contains a comma": {"", "free-form header rules"},
	"List containing maximum of 5 elements":           {"", "a length bound on a comma-separated string is not checked"},
	"non-empty string without ISO control characters": {`!=""`, "connector name"},
	"A concrete subclass of org.apache.kafka.connect.storage.Converter, A class with a public, no-argument constructor":       {"", "a class name"},
	"A concrete subclass of org.apache.kafka.connect.storage.HeaderConverter, A class with a public, no-argument constructor": {"", "a class name"},
	"non-null string, unique transformation aliases":                                                                          {"", "comma-separated aliases"},
	"non-null string, unique predicate aliases":                                                                               {"", "comma-separated aliases"},
	"non-null string, unique topic creation groups":                                                                           {"", "comma-separated group names"},
	"valid regex": {"", "a Java regular expression"},
}

// reKafkaCaseInsensitive is ConfigDef.CaseInsensitiveValidString's text.
var reKafkaCaseInsensitive = regexp.MustCompile(`^\(case insensitive\) \[([^\]]+)\]$`)

// kafkaReviewedValidValues types the texts kafkaType does not parse: the
// reviewed texts above and case-insensitive enumerations, which become a
// case-insensitive regular expression on the string.
func kafkaReviewedValidValues(kind Kind, valid string) (Type, bool) {
	if r, ok := kafkaValidValueTexts[valid]; ok {
		return Type{Kind: kind, Bounds: r.bounds}, true
	}
	m := reKafkaCaseInsensitive.FindStringSubmatch(valid)
	if m == nil {
		return Type{}, false
	}
	values := strings.Split(m[1], ", ")
	for i, v := range values {
		values[i] = regexp.QuoteMeta(v)
	}
	return Type{Kind: kind, Bounds: "=~" + quote("^(?i)("+strings.Join(values, "|")+")$")}, true
}
