package main

import (
	"testing"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/cuecontext"
)

// TestHiveTrinoKerberosValidate checks, per new definition, that a good
// configuration passes and that a typo or a wrong type fails.
func TestHiveTrinoKerberosValidate(t *testing.T) {
	tests := []struct {
		pkg, def, config string
		ok               bool
	}{
		{"hive", "HiveSite", `{"hive.server2.transport.mode": "http", "hive.server2.authentication": "KERBEROS", "hive.exec.reducers.max": 1009, "hive.llap.io.cache.orc.size": "2Gb"}`, true},
		{"hive", "HiveSite", `{"hive.server2.transport.mod": "http"}`, false},
		{"hive", "HiveSite", `{"hive.exec.reducers.max": "many"}`, false},
		{"hive", "HiveSite", `{"hive.server2.authentication": "kerberos5"}`, false},
		{"hive", "HiveSite", `{"hive.server2.thrift.http.max.idle.time": "1800s", "javax.jdo.option.ConnectionPassword": "x"}`, true},
		{"hive", "HiveSite", `{"hive.server2.thrift.http.max.idle.time": "30 fortnights"}`, false},
		{"hive", "MetastoreSite", `{"metastore.thrift.port": 9083, "metastore.thrift.uris": ["thrift://hms-0:9083"], "hive.metastore.port": 9083}`, true},
		{"hive", "MetastoreSite", `{"metastore.thrift.prot": 9083}`, false},
		{"hive", "MetastoreSite", `{"metastore.thrift.port": "9083"}`, false},
		{"hive", "WebHCatSite", `{"templeton.port": 50111, "templeton.zookeeper.hosts": "zk-0:2181"}`, true},
		{"hive", "WebHCatSite", `{"templeton.prot": 50111}`, false},
		{"hive", "WebHCatSite", `{"templeton.port": "http"}`, false},
		{"trino", "ConfigProperties", `{"query.max-memory": "50GB", "query.max-memory-per-node": "30%", "join-distribution-type": "BROADCAST", "http-server.https.truststore.path": "/ts.pem"}`, true},
		{"trino", "ConfigProperties", `{"query.max-memroy": "50GB"}`, false},
		{"trino", "ConfigProperties", `{"query.max-memory": 50}`, false},
		{"trino", "ConfigProperties", `{"query.max-memory": "50gigs"}`, false},
		{"trino", "ConfigProperties", `{"join-distribution-type": "HASH"}`, false},
		{"trino", "ConfigProperties", `{"http-server.https.ssl-session-timeout": "1.5h"}`, true},
		{"trino", "ConfigProperties", `{"http-server.https.ssl-session-timeout": "90 minutes"}`, false},
		{"trino/catalogs", "ObjectStorage", `{"fs.s3.enabled": true, "s3.region": "eu-west-1", "s3.storage-class": "STANDARD"}`, true},
		{"trino/catalogs", "ObjectStorage", `{"s3.storage-class": "COLD"}`, false},
		{"trino/catalogs", "Hive", `{"connector.name": "hive", "hive.metastore.uri": "thrift://hms:9083", "fs.s3.enabled": true, "hive.compression-codec": "ZSTD"}`, true},
		{"trino/catalogs", "Hive", `{"connector.name": "iceberg"}`, false},
		{"trino/catalogs", "Hive", `{"hive.compresion-codec": "ZSTD"}`, false},
		{"trino/catalogs", "Hive", `{"hive.recursive-directories": "yes"}`, false},
		{"trino/catalogs", "Iceberg", `{"connector.name": "iceberg", "iceberg.catalog.type": "rest", "iceberg.file-format": "ORC"}`, true},
		{"trino/catalogs", "Iceberg", `{"iceberg.catalog.type": "hadoop"}`, false},
		{"trino/catalogs", "DeltaLake", `{"connector.name": "delta_lake", "delta.enable-non-concurrent-writes": true}`, true},
		{"trino/catalogs", "DeltaLake", `{"delta.enable-non-concurrent-writes": 1}`, false},
		{"trino/catalogs", "Hudi", `{"connector.name": "hudi", "hudi.size-based-split-weights-enabled": true}`, true},
		{"trino/catalogs", "Hudi", `{"hudi.size-based-split-weight-enabled": true}`, false},
		{"trino/catalogs", "Kafka", `{"connector.name": "kafka", "kafka.nodes": ["k-0:9092"], "kafka.buffer-size": "64kB"}`, true},
		{"trino/catalogs", "Kafka", `{"kafka.node": "k-0:9092"}`, false},
		{"trino/catalogs", "Kafka", `{"fs.s3.enabled": true}`, false},
		{"kerberos", "Krb5Conf", `{libdefaults: {default_realm: "EXAMPLE.COM", dns_lookup_kdc: "no", ticket_lifetime: "10h", renew_lifetime: "7d", clockskew: 300, permitted_enctypes: "aes256-cts-hmac-sha1-96 aes128-cts"}, realms: "EXAMPLE.COM": {kdc: ["kdc-0:88", "kdc-1:88"], admin_server: "kdc-0:749"}, domain_realm: {".example.com": "EXAMPLE.COM"}, capaths: "A.COM": "B.COM": "."}`, true},
		{"kerberos", "Krb5Conf", `{libdefaults: {default_relm: "EXAMPLE.COM"}}`, false},
		{"kerberos", "Krb5Conf", `{libdefaults: {ticket_lifetime: "10 hours"}}`, false},
		{"kerberos", "Krb5Conf", `{libdefaults: {rdns: "maybe"}}`, false},
		{"kerberos", "Krb5Conf", `{realms: "EXAMPLE.COM": {kdcs: "kdc-0:88"}}`, false},
		{"kerberos", "Krb5Conf", `{plugins: ccselect: {disable: "k5identity"}}`, true},
		{"kerberos", "Krb5LibDefaults", `{ticket_lifetime: "1h30m", forwardable: true}`, true},
		{"kerberos", "KDCConf", `{kdcdefaults: {kdc_ports: "88"}, realms: "EXAMPLE.COM": {max_life: "24h", max_renewable_life: "7d", supported_enctypes: "aes256-cts-hmac-sha1-96:normal"}, logging: {kdc: "STDERR"}, dbmodules: {db_module_dir: "/lib", "EXAMPLE.COM": {db_library: "db2"}}}`, true},
		{"kerberos", "KDCConf", `{realms: "EXAMPLE.COM": {max_lfe: "24h"}}`, false},
		{"kerberos", "KDCConf", `{realms: "EXAMPLE.COM": {kadmind_port: "749x"}}`, false},
	}
	ctx := cuecontext.New()
	defs := map[string]cue.Value{}
	for _, tt := range tests {
		def, ok := defs[tt.pkg+tt.def]
		if !ok {
			def = definition(t, ctx, tt.pkg, tt.def)
			defs[tt.pkg+tt.def] = def
		}
		err := validate(ctx, def, tt.config)
		if (err == nil) != tt.ok {
			t.Errorf("%s #%s & %s: got error %v, want ok=%v", tt.pkg, tt.def, tt.config, err, tt.ok)
		}
	}
}
