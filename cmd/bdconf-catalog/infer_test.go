package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestInferHadoop(t *testing.T) {
	tests := []struct {
		p    hadoopProperty
		want Kind
		unit string
	}{
		{hadoopProperty{Name: "dfs.permissions.enabled", Value: "true"}, KindBool, ""},
		{hadoopProperty{Name: "dfs.x.count", Value: "-1"}, KindInt, ""},
		{hadoopProperty{Name: "dfs.x.timeout.ms", Value: "60000"}, KindInt, "ms"},
		{hadoopProperty{Name: "dfs.x.ratio", Value: "0.5f"}, KindNumber, ""},
		{hadoopProperty{Name: "dfs.x.period", Value: "30m"}, KindDuration, ""},
		{hadoopProperty{Name: "dfs.x.interval", Value: "3", Doc: "Support multiple time unit suffix. If no time unit is specified then seconds is assumed."}, KindDuration, "s"},
		{hadoopProperty{Name: "dfs.x.bandwidthPerSec", Value: "100m", Doc: "the following suffix (case insensitive): k(kilo), m(mega)"}, KindSize, "B/s"},
		{hadoopProperty{Name: "fs.s3a.x.size", Value: "64M"}, KindSize, ""},
		{hadoopProperty{Name: "dfs.x.impl", Value: "org.apache.hadoop.Foo$Bar"}, KindClass, ""},
		{hadoopProperty{Name: "io.x.classes", Value: "a.B, c.D"}, KindList, ""},
		{hadoopProperty{Name: "dfs.x.hosts", Value: "a,b"}, KindList, ""},
		{hadoopProperty{Name: "dfs.x.address", Value: "0.0.0.0:9870"}, KindString, ""},
		{hadoopProperty{Name: "hadoop.zk.ssl.enabled"}, KindBool, ""},
		{hadoopProperty{Name: "fs.s3a.proxy.port"}, KindInt, ""},
		{hadoopProperty{Name: "dfs.x.impl"}, KindClass, ""},
		{hadoopProperty{Name: "dfs.x.principal"}, KindString, ""},
		{hadoopProperty{Name: "fs.trash.interval", Value: "0"}, KindNumber, "m"}, // reviewed override
	}
	for _, tt := range tests {
		typ := inferHadoop(tt.p)
		if typ.Kind != tt.want {
			t.Errorf("%s=%q: got %v, want %v", tt.p.Name, tt.p.Value, typ.Kind, tt.want)
		}
		if u := hadoopUnit(tt.p, typ.Kind); u != tt.unit {
			t.Errorf("%s: unit %q, want %q", tt.p.Name, u, tt.unit)
		}
	}
}

func TestUnitFromName(t *testing.T) {
	got := map[string]string{}
	for _, n := range []string{"log.retention.ms", "ipc.client.rpc-timeout.ms", "dfs.blockreport.intervalMsec",
		"fs.getspaceused.jitterMillis", "admin.rateLimiterIntervalInMS", "quorumCnxnTimeoutMs",
		"dfs.namenode.lease-hard-limit-sec", "log.retention.hours", "log.retention.minutes",
		"remote.log.manager.copy.max.bytes.per.second", "message.max.bytes", "snapSizeLimitInKb",
		"dfs.datanode.directoryscan.throttle.limit.ms.per.sec", "dfs.content-summary.sleep-microsec", "num.partitions"} {
		got[n] = unitFromName(n)
	}
	want := map[string]string{
		"log.retention.ms": "ms", "ipc.client.rpc-timeout.ms": "ms", "dfs.blockreport.intervalMsec": "ms",
		"fs.getspaceused.jitterMillis": "ms", "admin.rateLimiterIntervalInMS": "ms", "quorumCnxnTimeoutMs": "ms",
		"dfs.namenode.lease-hard-limit-sec": "s", "log.retention.hours": "h", "log.retention.minutes": "m",
		"remote.log.manager.copy.max.bytes.per.second": "B/s", "message.max.bytes": "B", "snapSizeLimitInKb": "KiB",
		"dfs.datanode.directoryscan.throttle.limit.ms.per.sec": "", "dfs.content-summary.sleep-microsec": "us", "num.partitions": "",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestUnitFromDoc(t *testing.T) {
	tests := map[string]string{
		"If no time unit is specified then seconds is assumed.":              "s",
		"If no suffix is specified then milliseconds is assumed.":            "ms",
		"Values should provide units, but milliseconds are assumed.":         "ms",
		"Or provide complete number in seconds (such as 30 for 30 seconds).": "s",
		"The interval accepts units.":                                        "",
	}
	for doc, want := range tests {
		if got := unitFromDoc(doc); got != want {
			t.Errorf("%q: got %q, want %q", doc, got, want)
		}
	}
}
