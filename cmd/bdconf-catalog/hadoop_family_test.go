package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/cuecontext"
	"github.com/google/go-cmp/cmp"
)

// requireSameTypes compares every generated types_gen.cue below out with
// the committed one.
func requireSameTypes(t *testing.T, out string) {
	t.Helper()
	for _, pkg := range typePackages() {
		rel := filepath.Join(pkg, typesFile)
		got, err := os.ReadFile(filepath.Join(out, rel))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(schemaDir, "catalog", rel))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("%s is stale (-committed +generated):\n%s", rel, diff)
		}
	}
}

// familyExamples replaces the placeholders of the other Hadoop-family
// files with a concrete segment.
var familyExamples = strings.NewReplacer("%AZURE.ACCOUNTNAME%", "myaccount")

// isFamilyTarget reports whether a target is built by hadoop_family.go or
// ranger.go.
func isFamilyTarget(tg target) bool {
	return strings.HasPrefix(tg.pkg, "hadoop/") || tg.pkg == "hbase" || tg.pkg == "ranger" || strings.HasPrefix(tg.pkg, "ranger/")
}

// familyNames reads a Hadoop-family target's upstream names independently
// of the builders: the XML names (and, for Ranger plugins, the changes
// file's; for Ranger Admin, the site template's), placeholders replaced;
// extra holds the deprecated keys and the keys policy files derive.
func familyNames(t *testing.T, tg target) (upstream, extra []string, ok bool) {
	t.Helper()
	if !isFamilyTarget(tg) {
		return nil, nil, false
	}
	sources := []string{tg.source}
	if tg.pkg == "ranger/admin" {
		sources = append(sources, rangerAdminSiteFile)
	}
	for _, src := range sources {
		props, err := readHadoopXML(filepath.Join(upstreamDir, src))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range props {
			upstream = append(upstream, p.Name)
		}
	}
	if tg.pkg == "ranger" {
		upstream = append(upstream, rangerChangeNames(t, tg.source)...)
	}
	for i, n := range upstream {
		upstream[i] = familyExamples.Replace(placeholderExamples.Replace(n))
	}
	switch tg.native {
	case "hadoop-policy.xml", "hbase-policy.xml":
		for _, n := range append(upstream, "security.service.authorization.default.acl") {
			h := strings.TrimSuffix(n, ".acl") + ".hosts"
			extra = append(extra, n, n+".blocked", h, h+".blocked")
		}
	case "hbase-site.xml":
		extra = deprecatedNames(t, hbaseDeprecationsFile)
	default:
		extra = deprecatedNames(t, hadoopDeprecationsFile)
	}
	return upstream, extra, true
}

// rangerChangeNames lists the keys a Ranger changes file sets.
func rangerChangeNames(t *testing.T, source string) []string {
	f, err := os.Open(filepath.Join(upstreamDir, rangerChangesFile(source)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	changes, err := parseRangerChanges(f)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range changes {
		if c.Op != "var" {
			names = append(names, c.Name)
		}
	}
	return names
}

// deprecatedNames lists the deprecated keys of a derived table.
func deprecatedNames(t *testing.T, table string) []string {
	f, err := os.Open(filepath.Join(upstreamDir, table))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	deps, err := parseHadoopDeprecations(f)
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, len(deps))
	for i, d := range deps {
		names[i] = d.Old
	}
	return names
}

const rangerChangesFixture = `# comment
ranger.plugin.hdfs.service.name %REPOSITORY_NAME% mod create-if-not-exists

ranger.plugin.hdfs.policy.pollIntervalMs	30000	mod create-if-not-exists
AZURE.ACCOUNTNAME %XAAUDIT.HDFS.AZURE_ACCOUNTNAME% var
xasecure.audit.destination.solr.urls %XAAUDIT.SOLR.URL% mod create-if-not-exists
`

func TestParseRangerChanges(t *testing.T) {
	got, err := parseRangerChanges(strings.NewReader(rangerChangesFixture))
	if err != nil {
		t.Fatal(err)
	}
	want := []rangerChange{
		{Name: "ranger.plugin.hdfs.service.name", Value: "%REPOSITORY_NAME%", Op: "mod"},
		{Name: "ranger.plugin.hdfs.policy.pollIntervalMs", Value: "30000", Op: "mod"},
		{Name: "AZURE.ACCOUNTNAME", Value: "%XAAUDIT.HDFS.AZURE_ACCOUNTNAME%", Op: "var"},
		{Name: "xasecure.audit.destination.solr.urls", Value: "%XAAUDIT.SOLR.URL%", Op: "mod"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, err := parseRangerChanges(strings.NewReader("name-only\n")); err == nil {
		t.Error("a line without value and operation: no error")
	}
}

func TestMergeRangerChanges(t *testing.T) {
	props := []hadoopProperty{
		{Name: "ranger.plugin.hdfs.service.name", Value: "hadoopdev"},
		{Name: "xasecure.audit.hdfs.config.destination.directory", Value: "hdfs://nn:8020/audit/%app-type%"},
		{Name: "ranger.plugin.hdfs.policy.pollIntervalMs", Value: "30000"},
	}
	changes, err := parseRangerChanges(strings.NewReader(rangerChangesFixture))
	if err != nil {
		t.Fatal(err)
	}
	got, noDefault := mergeRangerChanges(props, changes)
	want := []hadoopProperty{
		{Name: "ranger.plugin.hdfs.service.name", Value: "hadoopdev"}, // sample kept for type inference
		{Name: "xasecure.audit.hdfs.config.destination.directory", Value: "hdfs://nn:8020/audit/%app-type%"},
		{Name: "ranger.plugin.hdfs.policy.pollIntervalMs", Value: "30000"},
		{Name: "xasecure.audit.destination.solr.urls"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]bool{"ranger.plugin.hdfs.service.name": true}, noDefault); diff != "" {
		t.Errorf("noDefault (-want +got):\n%s", diff)
	}
}

func TestCapacityQueueSetting(t *testing.T) {
	tests := map[string]string{
		"yarn.scheduler.capacity.root.default.capacity": "capacity",
		"yarn.scheduler.capacity.root.queues":           "queues",
		"yarn.scheduler.capacity.maximum-applications":  "",
	}
	for name, want := range tests {
		got, ok := capacityQueueSetting(name)
		if got != want || ok != (want != "") {
			t.Errorf("%s: got %q, %v", name, got, ok)
		}
	}
	rx := regexp.MustCompile(capacityQueuePattern("capacity"))
	for name, want := range map[string]bool{
		"yarn.scheduler.capacity.root.capacity":                                   true,
		"yarn.scheduler.capacity.root.a.b.capacity":                               true,
		"yarn.scheduler.capacity.root.a.accessible-node-labels.gpu.capacity":      true,
		"yarn.scheduler.capacity.default.capacity":                                false,
		"yarn.scheduler.capacity.root.a.capacityx":                                false,
		"yarn.scheduler.capacity.root..capacity":                                  false,
		"yarn.scheduler.capacity.root.default.maximum-capacity":                   false,
		"yarn.scheduler.capacity.root.default.maximum-capacity.capacity.capacity": true,
	} {
		if rx.MatchString(name) != want {
			t.Errorf("%s: match = %v, want %v", name, !want, want)
		}
	}
}

func TestPolicyKeys(t *testing.T) {
	got := policyKeys(hadoopProperty{Name: "security.client.protocol.acl", Value: "*"})
	want := []hadoopProperty{
		{Name: "security.client.protocol.acl", Value: "*"},
		{Name: "security.client.protocol.acl.blocked"},
		{Name: "security.client.protocol.hosts", Value: "*"},
		{Name: "security.client.protocol.hosts.blocked"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestFamilyOverridesUsed keeps the reviewed tables free of stale names
// and of names listed in two tables.
func TestFamilyOverridesUsed(t *testing.T) {
	needUpstream(t)
	names := map[string]bool{}
	for _, tg := range targets {
		if !isFamilyTarget(tg) {
			continue
		}
		upstream, _, _ := familyNames(t, tg)
		props, err := readHadoopXML(filepath.Join(upstreamDir, tg.source))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range props {
			names[p.Name] = true
		}
		for _, n := range upstream {
			names[n] = true
		}
	}
	seen := map[string]bool{}
	for _, table := range append([]map[string]override{hadoopTypeOverrides}, familyTypeTables...) {
		for _, n := range sortedKeys(table) {
			if seen[n] {
				t.Errorf("%q is listed in two override tables", n)
			}
			seen[n] = true
		}
	}
	for _, table := range familyTypeTables {
		requireAll(t, "family type overrides", sortedKeys(table), names)
	}
	requireAll(t, "familySecretOverrides", sortedKeys(familySecretOverrides), names)
	requireAll(t, "rangerAdminSamples", sortedKeys(rangerAdminSamples), names)
	requireAll(t, "literalNames", sortedKeys(literalNames), names)
}

// TestRangerPolicyMgrSSLShared checks that the HDFS and Kafka plugins ship
// the same ranger-policymgr-ssl.xml keys, which one definition types.
func TestRangerPolicyMgrSSLShared(t *testing.T) {
	needUpstream(t)
	var sets [2][]string
	for i, src := range []string{"ranger/hdfs-agent/ranger-policymgr-ssl.xml", "ranger/plugin-kafka/ranger-policymgr-ssl.xml"} {
		props, err := readHadoopXML(filepath.Join(upstreamDir, src))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range props {
			sets[i] = append(sets[i], p.Name)
		}
		sets[i] = append(sets[i], rangerChangeNames(t, src)...)
	}
	if diff := cmp.Diff(sets[0], sets[1]); diff != "" {
		t.Errorf("(-hdfs +kafka):\n%s", diff)
	}
}

func TestFamilyCatalogsValidate(t *testing.T) {
	tests := []struct {
		pkg, def, config string
		ok               bool
	}{
		{"hadoop/yarn", "YarnSite", `{"yarn.resourcemanager.ha.enabled": true, "yarn.resourcemanager.ha.rm-ids": ["rm1", "rm2"]}`, true},
		{"hadoop/yarn", "YarnSite", `{"yarn.resourcemanager.ha.enabeld": true}`, false},
		{"hadoop/yarn", "YarnSite", `{"yarn.resourcemanager.ha.enabled": "yes"}`, false},
		{"hadoop/yarn", "YarnSite", `{"yarn.http.policy": "HTTPS_ONLY"}`, true},
		{"hadoop/yarn", "CapacityScheduler", `{"yarn.scheduler.capacity.root.queues": "a,b", "yarn.scheduler.capacity.root.a.capacity": 60, "yarn.scheduler.capacity.root.b.capacity": "2w", "yarn.scheduler.capacity.root.a.b1.state": "RUNNING", "yarn.scheduler.capacity.root.a.maximum-capacity": "[memory=1024,vcores=1]"}`, true},
		{"hadoop/yarn", "CapacityScheduler", `{"yarn.scheduler.capacity.root.a.capacty": 60}`, false},
		{"hadoop/yarn", "CapacityScheduler", `{"yarn.scheduler.capacity.root.a.state": "running"}`, false},
		{"hadoop/yarn", "CapacityScheduler", `{"yarn.scheduler.capacity.root.a.capacity": true}`, false},
		{"hadoop/mapred", "MapredSite", `{"mapreduce.framework.name": "yarn", "mapreduce.map.memory.mb": 2048}`, true},
		{"hadoop/mapred", "MapredSite", `{"mapreduce.map.memory.mb": "2g"}`, false},
		{"hadoop/mapred", "MapredSite", `{"mapreduce.framwork.name": "yarn"}`, false},
		{"hadoop/rbf", "RBFSite", `{"dfs.federation.router.rpc-address": "0.0.0.0:8888", "dfs.federation.router.fairness.handler.count.ns1": 10}`, true},
		{"hadoop/rbf", "RBFSite", `{"dfs.federation.router.rpc.enable": "true"}`, false},
		{"hadoop/rbf", "RBFSite", `{"dfs.federation.router.rpc-adress": "0.0.0.0:8888"}`, false},
		{"hadoop/httpfs", "HttpFSSite", `{"httpfs.http.port": 14000, "httpfs.proxyuser.hue.hosts": "*"}`, true},
		{"hadoop/httpfs", "HttpFSSite", `{"httpfs.http.port": "14000"}`, false},
		{"hadoop/httpfs", "HttpFSSite", `{"httpfs.proxyuser.hue.users": "*"}`, false},
		{"hadoop/kms", "KMSSite", `{"hadoop.kms.authentication.type": "kerberos", "hadoop.kms.http.port": 9600}`, true},
		{"hadoop/kms", "KMSSite", `{"hadoop.kms.authentication.type": "ldap"}`, false},
		{"hadoop/kms", "KMSSite", `{"hadoop.kms.http.prot": 9600}`, false},
		{"hadoop/policy", "HadoopPolicy", `{"security.client.protocol.acl": "hdfs hadoop", "security.client.protocol.acl.blocked": "bob", "security.client.protocol.hosts": "10.0.0.0/8"}`, true},
		{"hadoop/policy", "HadoopPolicy", `{"security.clinet.protocol.acl": "*"}`, false},
		{"hadoop/policy", "HadoopPolicy", `{"security.client.protocol.acl": 1}`, false},
		{"hadoop/ssl", "SSLServer", `{"ssl.server.keystore.location": "/tls/keystore.p12", "ssl.server.keystore.type": "PKCS12", "ssl.server.truststore.reload.interval": 10000}`, true},
		{"hadoop/ssl", "SSLServer", `{"ssl.server.keystore.type": "pem"}`, false},
		{"hadoop/ssl", "SSLServer", `{"ssl.client.keystore.location": "/ks"}`, false},
		{"hadoop/ssl", "SSLClient", `{"ssl.client.truststore.location": "/tls/truststore.jks"}`, true},
		{"hadoop/ssl", "SSLClient", `{"ssl.client.truststore.locaton": "/t"}`, false},
		{"hadoop/ssl", "SSLClient", `{"ssl.client.truststore.reload.interval": "10s"}`, false},
		{"hbase", "HBaseSite", `{"hbase.cluster.distributed": true, "hbase.zookeeper.quorum": ["zk-0", "zk-1"], "hbase.zookeeper.property.clientPort": 2181, "hbase.zookeeper.property.tickTime": 2000}`, true},
		{"hbase", "HBaseSite", `{"hbase.cluster.distributed": "true"}`, false},
		{"hbase", "HBaseSite", `{"hbase.cluster.distribute": true}`, false},
		{"hbase", "HBaseSite", `{"hbase.security.authentication": "Kerberos"}`, false},
		{"hbase", "HBaseSite", `{"hbase.regionserver.hostname": "rs-0"}`, true},
		{"hbase", "HBasePolicy", `{"security.client.protocol.acl": "*", "security.admin.protocol.acl.blocked": ""}`, true},
		{"hbase", "HBasePolicy", `{"security.datanode.protocol.acl": "*"}`, false},
		{"ranger", "RangerHDFSSecurity", `{"ranger.plugin.hdfs.service.name": "dev_hdfs", "ranger.plugin.hdfs.policy.pollIntervalMs": 30000}`, true},
		{"ranger", "RangerHDFSSecurity", `{"ranger.plugin.hdfs.policy.pollIntervalMs": "30s"}`, false},
		{"ranger", "RangerHDFSSecurity", `{"ranger.plugin.kafka.service.name": "x"}`, false},
		{"ranger", "RangerKafkaSecurity", `{"ranger.plugin.kafka.service.name": "dev_kafka"}`, true},
		{"ranger", "RangerKafkaSecurity", `{"ranger.plugin.kafka.policy.rest.client.read.timeoutMs": true}`, false},
		{"ranger", "RangerHDFSAudit", `{"xasecure.audit.destination.solr": true, "xasecure.audit.destination.solr.urls": "http://solr:8983/solr/ranger_audits", "xasecure.audit.destination.solr.batch.filespool.dir": "/var/log/audit/spool", "xasecure.audit.destination.mydest": true, "xasecure.audit.destination.mydest.classname": "com.example.MyAudit"}`, true},
		{"ranger", "RangerHDFSAudit", `{"xasecure.audit.destination.solr": "yes"}`, false},
		{"ranger", "RangerHDFSAudit", `{"xasecure.audit.destination.solr.url": "http://solr"}`, false},
		{"ranger", "RangerHDFSAudit", `{"xasecure.audit.destination.hdfs.config.fs.azure.account.key.myaccount.blob.core.windows.net": "k"}`, true},
		{"ranger", "RangerKafkaAudit", `{"xasecure.audit.is.enabled": true, "xasecure.audit.jaas.Client.option.useKeyTab": true}`, true},
		{"ranger", "RangerKafkaAudit", `{"xasecure.audit.jaas.Client.loginModuleControlFlag": "mandatory"}`, false},
		{"ranger", "RangerPolicyMgrSSL", `{"xasecure.policymgr.clientssl.truststore": "/tls/truststore.jks"}`, true},
		{"ranger", "RangerPolicyMgrSSL", `{"xasecure.policymgr.clientssl.trustsore": "/t"}`, false},
		{"ranger/admin", "RangerAdminSite", `{"ranger.service.http.port": 6080, "ranger.authentication.method": "LDAP", "ranger.audit.source.type": "solr"}`, true},
		{"ranger/admin", "RangerAdminSite", `{"ranger.authentication.method": "ldap"}`, false},
		{"ranger/admin", "RangerAdminSite", `{"ranger.service.http.prot": 6080}`, false},
	}
	ctx := cuecontext.New()
	defs := map[string]cue.Value{}
	for _, tt := range tests {
		def, ok := defs[tt.pkg+"#"+tt.def]
		if !ok {
			def = definition(t, ctx, tt.pkg, tt.def)
			defs[tt.pkg+"#"+tt.def] = def
		}
		err := validate(ctx, def, tt.config)
		if (err == nil) != tt.ok {
			t.Errorf("%s #%s & %s: got error %v, want ok=%v", tt.pkg, tt.def, tt.config, err, tt.ok)
		}
	}
}

// TestFamilySecrets checks the secret marking of the password keys.
func TestFamilySecrets(t *testing.T) {
	ctx := cuecontext.New()
	for _, c := range []struct{ pkg, def, key string }{
		{"hadoop/ssl", "SSLServer", "ssl.server.keystore.password"},
		{"hadoop/ssl", "SSLServer", "ssl.server.keystore.keypassword"},
		{"hadoop/ssl", "SSLClient", "ssl.client.truststore.password"},
		{"ranger", "RangerHDFSAudit", "xasecure.audit.destination.solr.password"},
		{"ranger/admin", "RangerAdminSite", "ranger.jpa.jdbc.password"},
	} {
		v := definition(t, ctx, c.pkg, c.def).LookupPath(cue.MakePath(cue.Str(c.key).Optional()))
		if !hasFlag(v.Attribute("upstream"), "secret") {
			t.Errorf("%s %s is not marked secret", c.def, c.key)
		}
	}
}

// hasFlag reports whether an attribute holds a flag argument.
func hasFlag(a cue.Attribute, flag string) bool {
	for i := 0; i < a.NumArgs(); i++ {
		if k, _ := a.Arg(i); k == flag {
			return true
		}
	}
	return false
}
