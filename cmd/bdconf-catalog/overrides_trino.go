package main

// Reviewed tables of the Trino catalogs (trino.go), checked against the
// Trino 482 documentation pages named in each reason.

// trinoOtherFileDocs are admin and security pages whose properties belong
// to files other than config.properties; they are not catalogued yet.
var trinoOtherFileDocs = map[string]string{
	"event-listeners-http.md":           "etc/event-listener.properties",
	"event-listeners-kafka.md":          "etc/event-listener.properties",
	"event-listeners-mysql.md":          "etc/event-listener.properties",
	"event-listeners-openlineage.md":    "etc/event-listener.properties",
	"resource-groups.md":                "etc/resource-groups.properties",
	"session-property-managers.md":      "etc/session-property-config.properties",
	"ldap.md":                           "etc/password-authenticator.properties",
	"password-file.md":                  "etc/password-authenticator.properties",
	"salesforce.md":                     "etc/password-authenticator.properties",
	"file-system-access-control.md":     "etc/access-control.properties",
	"opa-access-control.md":             "etc/access-control.properties",
	"ranger-access-control.md":          "etc/access-control.properties",
	"built-in-system-access-control.md": "etc/access-control.properties",
	"group-mapping.md":                  "etc/group-provider.properties",
}

// trinoOtherFilePrefixes route keys of config.properties pages that belong
// to another file.
var trinoOtherFilePrefixes = []struct{ prefix, file, why string }{
	{"exchange.", "etc/exchange-manager.properties", "fault-tolerant-execution.md: exchange manager settings"},
}

// trinoTypeOverrides corrects documented or inferred types.
var trinoTypeOverrides = map[string]override{
	"http-server.https.truststore.path": {Type: typ(KindString), Why: "properties-http-server.md types it boolean by mistake: it is a file path"},
	"http-server.https.truststore.key":  {Type: typ(KindString), Why: "properties-http-server.md types it boolean by mistake: it is the truststore password"},
	"http-server.authentication.type":   {Type: typ(KindList), Why: "an ordered comma-separated list of authentication types"},
	"kafka.nodes":                       {Type: typ(KindList), Why: "comma-separated host:port list"},
	"kafka.table-names":                 {Type: typ(KindList), Why: "comma-separated table names"},
	"kafka.buffer-size":                 {Type: typ(KindSize), Why: "a DataSize (default 64kB)"},
	"hive.fs.new-directory-permissions": {Type: typ(KindString), Why: "octal permissions (0777) or skip; as a YAML number 0777 would turn into 511"},
	"query.max-length":                  {Type: intIn(">=0"), Why: "a number of characters; the page writes the default with thousands separators"},
}

// trinoDefaultOverrides replace documented defaults that are not values.
var trinoDefaultOverrides = map[string]struct{ def, why string }{
	"http-server.log.max-size": {"", "\"unlimited\" means the property is unset"},
	"query.max-total-memory":   {"", "defaults to the value of query.max-memory"},
	"task.min-drivers":         {"", "defaults to twice task.max-worker-threads"},
	"query.max-length":         {"1000000", "written 1,000,000 on the page"},
	"query.max-cpu-time":       {"1000000000d", "written 1_000_000_000d on the page"},
}

// trinoSecretOverrides corrects the name rule of trinoSecret.
var trinoSecretOverrides = map[string]secretOverride{
	"http-server.https.truststore.key": secretIf(true, "the truststore password"),
	"http-server.https.keystore.key":   secretIf(true, "the keystore password"),
}
