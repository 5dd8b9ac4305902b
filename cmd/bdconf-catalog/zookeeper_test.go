package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

const zkFixture = `## Administration

* *notInASection* :
    ignored

### Configuration Parameters

#### Minimum Configuration

* *tickTime* :
    some text.

* *commitLogCount* * :
    (Java system property: **zookeeper.commitLogCount**)
    The default value is 500 here.

* *connectionMaxTokens* :
    (Java system property: **zookeeper.connection_throttle_tokens**)
    The default is 0.

* *ssl.keyStore.location and ssl.keyStore.password* and *ssl.quorum.keyStore.location* :
    (Java system properties: **zookeeper.ssl.keyStore.location** and **zookeeper.ssl.keyStore.password** and **zookeeper.ssl.quorum.keyStore.location**)
    ###### Note
    >A note.

* *zookeeper.nio.numSelectorThreads* :
    (Java system property only: **zookeeper.nio.numSelectorThreads**)

* *znode.container.maxPerMinute* :
    (Java system property only)
    Defaults to 10000.

* *cnxTimeout* :
    (Java system property: zookeeper.**cnxTimeout**)
    Defaults to "false".

### ZooKeeper Commands

* *notAKey* :
    ignored
`

func TestParseZooKeeperAdmin(t *testing.T) {
	bullets := parseZooKeeperAdmin(zkFixture)
	var got [][]string
	for _, b := range bullets {
		got = append(got, append(append([]string{}, b.Names...), b.SysProps...))
	}
	want := [][]string{
		{"tickTime"},
		{"commitLogCount", "zookeeper.commitLogCount"},
		{"connectionMaxTokens", "zookeeper.connection_throttle_tokens"},
		{"ssl.keyStore.location", "ssl.keyStore.password", "ssl.quorum.keyStore.location",
			"zookeeper.ssl.keyStore.location", "zookeeper.ssl.keyStore.password", "zookeeper.ssl.quorum.keyStore.location"},
		{"zookeeper.nio.numSelectorThreads", "zookeeper.nio.numSelectorThreads"},
		{"znode.container.maxPerMinute"},
		{"cnxTimeout", "zookeeper.cnxTimeout"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if !bullets[5].SysPropOnly || bullets[1].SysPropOnly {
		t.Error("SysPropOnly not read from the annotation")
	}
}

func TestZKParams(t *testing.T) {
	var keys, skipped []string
	for _, b := range parseZooKeeperAdmin(zkFixture) {
		params, skip, err := zkParams(b)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range params {
			keys = append(keys, p.Key)
		}
		skipped = append(skipped, skip...)
	}
	wantKeys := []string{"tickTime", "commitLogCount", "connection_throttle_tokens",
		"ssl.keyStore.location", "ssl.keyStore.password", "ssl.quorum.keyStore.location",
		"nio.numSelectorThreads", "cnxTimeout"}
	if diff := cmp.Diff(wantKeys, keys); diff != "" {
		t.Errorf("keys (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"znode.container.maxPerMinute"}, skipped); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
}

func TestZKParamsCountMismatch(t *testing.T) {
	b := zkBullet{Head: "*a and b*", Names: []string{"a", "b"}, SysProps: []string{"zookeeper.a"}}
	if _, _, err := zkParams(b); err == nil {
		t.Error("no error for 2 names and 1 system property")
	}
}

func TestZKConfigKey(t *testing.T) {
	tests := []struct {
		name, sysProp string
		only          bool
		want          string
		ok            bool
	}{
		{"syncEnabled", "zookeeper.observer.syncEnabled", false, "syncEnabled", true},
		{"metricsProvider.httpPort", "", false, "metricsProvider.httpPort", true},
		{"requestThrottleLimit", "zookeeper.request_throttle_max_requests", false, "request_throttle_max_requests", true},
		{"requestThrottleDropStale", "request_throttle_drop_stale", false, "request_throttle_drop_stale", true},
		{"jute.maxbuffer", "jute.maxbuffer", false, "", false},
		{"zookeeper.messageTracker.Enabled", "", true, "messageTracker.Enabled", true},
	}
	for _, tt := range tests {
		got, ok := zkConfigKey(tt.name, tt.sysProp, tt.only)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: got %q %v, want %q %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestZKDefault(t *testing.T) {
	tests := map[string]string{
		"The default count is 100,000.":              "",
		"The default is 100,000.":                    "100000",
		"Defaults to **false**.":                     "false",
		"The default value is \"true\".":             "true",
		"Default: 0.02":                              "0.02",
		"Defaults to 0.0.0.0.":                       "",
		"By default it is on.":                       "",
		"Their default values are false. More text.": "false",
	}
	for body, want := range tests {
		got, ok := zkDefault(body)
		if got != want || ok != (want != "") {
			t.Errorf("%q: got %q %v, want %q", body, got, ok, want)
		}
	}
}

func TestZKKey(t *testing.T) {
	tests := []Key{
		zkKey("maxCnxns", "The default is 0 here."),
		zkKey("observer.reconnectDelayMs", "Defaults to 0 ms."),
		zkKey("secureClientPort", ""),
		zkKey("ssl.trustStore.password", ""),
		zkKey("tickTime", "some text"),
	}
	want := []Key{
		{Name: "maxCnxns", Type: typ(KindInt), Default: "0", HasDefault: true},
		{Name: "observer.reconnectDelayMs", Type: typ(KindInt), Default: "0", HasDefault: true, Unit: "ms"},
		{Name: "secureClientPort", Type: typ(KindInt)},
		{Name: "ssl.trustStore.password", Type: typ(KindString), Secret: true},
		{Name: "tickTime", Type: typ(KindInt), Unit: "ms"},
	}
	if diff := cmp.Diff(want, tests); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestParseZooSample(t *testing.T) {
	src := "# The number of milliseconds of each tick\ntickTime=2000\n#maxClientCnxns=60\n# to \"0\" to disable auto purge feature\n#autopurge.purgeInterval=1\n"
	want := []string{"tickTime", "maxClientCnxns", "autopurge.purgeInterval"}
	if diff := cmp.Diff(want, parseZooSample(src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
