package main

import (
	"regexp"
	"strings"
	"testing"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/cuecontext"
	"github.com/google/go-cmp/cmp"
)

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
		upstream, _ := familyNames(t, tg)
		for _, n := range append(xmlNames(t, tg.source), upstream...) {
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
		sets[i] = append(xmlNames(t, src), rangerChangeNames(t, src)...)
	}
	if diff := cmp.Diff(sets[0], sets[1]); diff != "" {
		t.Errorf("(-hdfs +kafka):\n%s", diff)
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
