package main

import (
	"testing"

	"cuelang.org/go/cue/cuecontext"
)

// benchConfigs is a small configuration per catalog definition.
var benchConfigs = map[string]string{
	"CoreSite":         `{"fs.defaultFS": "hdfs://ns1", "hadoop.security.authentication": "kerberos", "ha.zookeeper.quorum": ["zk-0:2181", "zk-1:2181", "zk-2:2181"]}`,
	"HDFSSite":         `{"dfs.replication": 3, "dfs.heartbeat.interval": "3s", "dfs.nameservices": "ns1", "dfs.ha.namenodes.ns1": "nn0,nn1", "dfs.namenode.rpc-address.ns1.nn0": "nn-0:8020"}`,
	"ServerProperties": `{"process.roles": "broker,controller", "node.id": 1, "listeners": "PLAINTEXT://:9092", "listener.name.internal.ssl.keystore.location": "/ks.jks"}`,
	"ZooCfg":           `{"tickTime": 2000, "initLimit": 10, "syncLimit": 5, "dataDir": "/data", "server.1": "zk-0:2888:3888;2181"}`,
}

// BenchmarkLoadCatalogs measures what a catalog costs a compile: loading
// and evaluating its package in a fresh context, then validating a small
// configuration against each of its definitions.
func BenchmarkLoadCatalogs(b *testing.B) {
	for _, pkg := range []string{"hadoop", "kafka", "zookeeper"} {
		b.Run(pkg, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ctx := cuecontext.New()
				v := loadCatalog(b, ctx, pkg)
				for _, tg := range targets {
					if tg.pkg != pkg {
						continue
					}
					if err := validate(ctx, lookupDef(b, v, tg.def), benchConfigs[tg.def]); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
