package main

// Reviewed tables of the Hive catalogs (hive.go). HiveConf and MetastoreConf
// could not be read at a 4.0.x tag, so the reasons cite the documented
// validators and defaults of the "latest" configuration-properties page.

// hiveTypeOverrides corrects the type inferred from a key's default.
var hiveTypeOverrides = map[string]override{
	"hive.server2.authentication":          {Type: oneOf("NONE", "NOSASL", "KERBEROS", "LDAP", "PAM", "CUSTOM", "SAML", "JWT"), Why: "HiveAuthConstants.AuthTypes; the page lists NONE, NOSASL, KERBEROS, LDAP, PAM, CUSTOM; Hive 4 adds SAML and JWT"},
	"hive.server2.transport.mode":          {Type: oneOf("binary", "http", "all"), Why: "StringSet validator (binary, http, all in 4.x)"},
	"hive.server2.thrift.sasl.qop":         {Type: oneOf("auth", "auth-int", "auth-conf"), Why: "SASL quality of protection values listed on the page"},
	"hive.execution.engine":                {Type: oneOf("mr", "tez", "spark"), Why: "values listed on the page (spark was removed in 4.0 but the page still lists it)"},
	"hive.execution.mode":                  {Type: oneOf("container", "llap"), Why: "valid settings listed on the page"},
	"hive.support.quoted.identifiers":      {Type: oneOf("none", "column"), Why: "StringSet validator"},
	"hive.exec.copyfile.maxsize":           {Type: typ(KindLong), Unit: "B", Why: "a long number of bytes; the page states 32 megabytes in prose"},
	"hive.server2.session.check.interval":  {Type: typ(KindDuration), Unit: "ms", Why: "TimeValidator in milliseconds; the page's default is empty"},
	"hive.zookeeper.quorum":                {Type: typ(KindList), Why: "comma-separated host:port list"},
	"hive.metastore.uris":                  {Type: typ(KindList), Why: "comma-separated thrift:// URIs"},
	"metastore.thrift.uris":                {Type: typ(KindList), Why: "comma-separated thrift:// URIs"},
	"templeton.port":                       {Type: typ(KindInt), Why: "an HTTP port"},
	"templeton.exec.timeout":               {Type: typ(KindLong), Unit: "ms", Why: "the table says milliseconds"},
	"templeton.exec.max-procs":             {Type: typ(KindInt), Why: "a number of processes"},
	"templeton.exec.max-output-bytes":      {Type: typ(KindLong), Unit: "B", Why: "a number of bytes"},
	"templeton.zookeeper.session-timeout":  {Type: typ(KindInt), Unit: "ms", Why: "the table says milliseconds"},
	"templeton.callback.retry.interval":    {Type: typ(KindInt), Unit: "ms", Why: "the table says milliseconds"},
	"templeton.callback.retry.attempts":    {Type: typ(KindInt), Why: "a number of attempts"},
	"templeton.hdfs.cleanup.interval":      {Type: typ(KindLong), Unit: "ms", Why: "WebHCat reads it as milliseconds (HDFSCleanup)"},
	"templeton.hdfs.cleanup.maxage":        {Type: typ(KindLong), Unit: "ms", Why: "WebHCat reads it as milliseconds (HDFSCleanup)"},
	"templeton.zookeeper.cleanup.interval": {Type: typ(KindLong), Unit: "ms", Why: "WebHCat reads it as milliseconds (ZooKeeperCleanup)"},
	"templeton.zookeeper.cleanup.maxage":   {Type: typ(KindLong), Unit: "ms", Why: "WebHCat reads it as milliseconds (ZooKeeperCleanup)"},
	"templeton.zookeeper.hosts":            {Type: typ(KindList), Why: "comma-separated host:port pairs"},
	"templeton.mapper.memory.mb":           {Type: typ(KindInt), Unit: "MB", Why: "megabytes, as the name says"},
	"templeton.libjars":                    {Type: typ(KindList), Why: "comma-separated jars"},
	"templeton.override.jars":              {Type: typ(KindList), Why: "comma-separated jars"},
	"templeton.hive.properties":            {Type: typ(KindList), Why: "comma-separated key=value pairs"},
}

// hiveDefaultOverrides replaces "Default Value:" texts that are prose.
var hiveDefaultOverrides = map[string]struct{ def, why string }{
	"hive.exec.copyfile.maxsize":             {"33554432", "32 megabytes, stated in prose"},
	"hive.exec.local.scratchdir":             {"/tmp/${user.name}", "the page's code span is broken across a closing brace"},
	"hive.server2.global.init.file.location": {"$HIVE_CONF_DIR", "the page appends a prose remark"},
	"hive.spark.client.rpc.server.address":   {"", "the default is another key's value, not a literal"},
}

// hiveSecretOverrides corrects the "password" rule of hiveSecret.
var hiveSecretOverrides = map[string]secretOverride{
	"templeton.kerberos.secret":               secretIf(true, "signs the HTTP authentication cookie"),
	"hive.server2.authentication.ldap.bindpw": secretIf(true, "LDAP bind password"),
}
