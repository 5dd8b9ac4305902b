package main

import (
	"strconv"
	"strings"
	"testing"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/cuecontext"
	"cuelang.org/go/cue/load"
)

// schemaDir is the CUE module holding the committed catalogs.
const schemaDir = "../../schema"

// loadCatalog builds the committed catalog package pkg.
func loadCatalog(tb testing.TB, ctx *cue.Context, pkg string) cue.Value {
	tb.Helper()
	insts := load.Instances([]string{"./catalog/" + pkg}, &load.Config{Dir: schemaDir})
	if err := insts[0].Err; err != nil {
		tb.Fatalf("load %s: %v", pkg, err)
	}
	v := ctx.BuildInstance(insts[0])
	if err := v.Err(); err != nil {
		tb.Fatalf("build %s: %v", pkg, err)
	}
	return v
}

// definition returns #def of the committed package pkg.
func definition(tb testing.TB, ctx *cue.Context, pkg, def string) cue.Value {
	tb.Helper()
	return lookupDef(tb, loadCatalog(tb, ctx, pkg), def)
}

// lookupDef returns #def of a built package.
func lookupDef(tb testing.TB, pkg cue.Value, def string) cue.Value {
	tb.Helper()
	v := pkg.LookupPath(cue.ParsePath("#" + def))
	if !v.Exists() {
		tb.Fatalf("#%s not found", def)
	}
	return v
}

// validate unifies a config written in CUE with a definition.
func validate(ctx *cue.Context, def cue.Value, config string) error {
	cfg := ctx.CompileString(config)
	if err := cfg.Err(); err != nil {
		return err
	}
	return def.Unify(cfg).Validate(cue.Concrete(true))
}

func TestCatalogsValidate(t *testing.T) {
	tests := []struct {
		pkg, def, config string
		ok               bool
	}{
		{"hadoop", "HDFSSite", `{"dfs.replication": 1}`, true},
		{"hadoop", "HDFSSite", `{"dfs.replicaton": 1}`, false},
		{"hadoop", "HDFSSite", `{"dfs.replication": 0}`, false},
		{"hadoop", "HDFSSite", `{"dfs.replication": "1"}`, false},
		{"hadoop", "HDFSSite", `{"dfs.heartbeat.interval": "3s"}`, true},
		{"hadoop", "HDFSSite", `{"dfs.heartbeat.interval": 3}`, true},
		{"hadoop", "HDFSSite", `{"dfs.heartbeat.interval": "3 s"}`, false},
		{"hadoop", "HDFSSite", `{"dfs.blocksize": "256m"}`, true},
		{"hadoop", "HDFSSite", `{"dfs.http.policy": "HTTPS_ONLY"}`, true},
		{"hadoop", "HDFSSite", `{"dfs.http.policy": "https"}`, false},
		{"hadoop", "HDFSSite", `{"dfs.data.transfer.protection": "authentication, privacy"}`, true},
		{"hadoop", "HDFSSite", `{"dfs.data.transfer.protection": ["integrity"]}`, true},
		{"hadoop", "HDFSSite", `{"dfs.data.transfer.protection": "secret"}`, false},
		{"hadoop", "HDFSSite", `{"dfs.namenode.name.dir": ["/data/1/nn", "/data/2/nn"]}`, true},
		{"hadoop", "HDFSSite", `{"dfs.namenode.rpc-address.ns1.nn0": "host:8020"}`, true},
		{"hadoop", "HDFSSite", `{"dfs.namenode.http-address.ns1.nn0": "host:9870"}`, true},
		{"hadoop", "HDFSSite", `{"dfs.namenode.servicerpc-address.ns1.nn0": "host:8022"}`, true},
		{"hadoop", "HDFSSite", `{"dfs.ha.namenodes.ns1": "nn0,nn1"}`, true},
		{"hadoop", "HDFSSite", `{"dfs.ha.namenodes.ns1": ["nn0", "nn1"]}`, true},
		{"hadoop", "HDFSSite", `{"dfs.client.failover.proxy.provider.ns1": "org.apache.hadoop.hdfs.server.namenode.ha.ConfiguredFailoverProxyProvider"}`, true},
		{"hadoop", "HDFSSite", `{"dfs.namenode.shared.edits.dir": "qjournal://jn-0:8485;jn-1:8485;jn-2:8485/ns1"}`, true},
		{"hadoop", "HDFSSite", `{"dfs.ha.automatic-failover.enabled.ns1": true}`, true},
		{"hadoop", "HDFSSite", `{"dfs.ha.fencing.methods": "shell(/bin/true)"}`, true},
		{"hadoop", "HDFSSite", `{"dfs.namenode.name.dir.restore": true}`, true},
		{"hadoop", "HDFSSite", `{"dfs.namenode.rpc-address.ns1.nn0.x": "host:8020"}`, false},
		{"hadoop", "HDFSSite", `{"dfs.namenode.rpc-adress.ns1": "host:8020"}`, false},
		{"hadoop", "CoreSite", `{"fs.defaultFS": "hdfs://ns1", "hadoop.security.authentication": "kerberos"}`, true},
		{"hadoop", "CoreSite", `{"hadoop.security.authentication": "Kerberos"}`, false},
		{"hadoop", "CoreSite", `{"dfs.replication": 1}`, false},
		{"hadoop", "CoreSite", `{"ipc.8020.callqueue.impl": "org.apache.hadoop.ipc.FairCallQueue"}`, true},
		{"hadoop", "CoreSite", `{"ipc.port.callqueue.impl": "org.apache.hadoop.ipc.FairCallQueue"}`, false},
		{"hadoop", "CoreSite", `{"fs.permissions.umask-mode": "022"}`, true},
		{"hadoop", "CoreSite", `{"fs.permissions.umask-mode": 22}`, false},
		{"hadoop", "CoreSite", `{"ha.zookeeper.quorum": ["zk-0:2181", "zk-1:2181"]}`, true},
		{"kafka", "ServerProperties", `{"process.roles": "broker,controller", "node.id": 1}`, true},
		{"kafka", "ServerProperties", `{"process.roles": ["controller"]}`, true},
		{"kafka", "ServerProperties", `{"process.roles": "broker,zookeeper"}`, false},
		{"kafka", "ServerProperties", `{"background.threads": 0}`, false},
		{"kafka", "ServerProperties", `{"num.partitions": 2147483648}`, false},
		{"kafka", "ServerProperties", `{"compression.type": "brotli"}`, false},
		{"kafka", "ServerProperties", `{"inter.broker.protocol.version": "3.9"}`, true},
		{"kafka", "ServerProperties", `{"listener.name.internal.ssl.keystore.location": "/etc/kafka/ks.jks"}`, true},
		{"kafka", "ServerProperties", `{"listener.name.sasl_ssl.gssapi.sasl.jaas.config": "x required;"}`, true},
		{"kafka", "ServerProperties", `{"listener.name.INTERNAL.ssl.keystore.location": "/ks.jks"}`, false},
		{"kafka", "ServerProperties", `{"log.dirz": "/data"}`, false},
		{"kafka", "ServerProperties", `{"rlmm.config.remote.log.metadata.topic.replication.factor": 3}`, true},
		{"kafka", "ServerProperties", `{"rlmm.config.remote.log.metadata.topic.replication.factor": 0}`, false},
		{"kafka/topic", "TopicConfig", `{"cleanup.policy": "compact,delete", "min.insync.replicas": 2, "retention.ms": -1}`, true},
		{"kafka/topic", "TopicConfig", `{"cleanup.polcy": "compact"}`, false},
		{"kafka/topic", "TopicConfig", `{"min.insync.replicas": "2"}`, false},
		{"kafka/producer", "ProducerProperties", `{"acks": "all", "bootstrap.servers": ["k-0:9092"], "security.protocol": "sasl_ssl"}`, true},
		{"kafka/producer", "ProducerProperties", `{"acks": "most"}`, false},
		{"kafka/producer", "ProducerProperties", `{"security.protocol": "TLS"}`, false},
		{"kafka/producer", "ProducerProperties", `{"bootstrap.server": "k-0:9092"}`, false},
		{"kafka/consumer", "ConsumerProperties", `{"group.id": "g", "auto.offset.reset": "earliest", "group.protocol": "consumer"}`, true},
		{"kafka/consumer", "ConsumerProperties", `{"auto.offset.reset": "first"}`, false},
		{"kafka/consumer", "ConsumerProperties", `{"max.poll.records": 0}`, false},
		{"kafka/admin", "AdminProperties", `{"bootstrap.servers": "k-0:9092", "ssl.truststore.password": "x"}`, true},
		{"kafka/admin", "AdminProperties", `{"retries": "many"}`, false},
		{"kafka/connect", "ConnectDistributedProperties", `{"group.id": "c", "config.storage.replication.factor": -1, "producer.compression.type": "zstd", "listeners.https.ssl.keystore.location": "/ks"}`, true},
		{"kafka/connect", "ConnectDistributedProperties", `{"config.storage.replication.factor": 0}`, false},
		{"kafka/connect", "ConnectDistributedProperties", `{"grop.id": "c"}`, false},
		{"kafka/streams", "StreamsProperties", `{"application.id": "a", "processing.guarantee": "exactly_once_v2", "ssl.truststore.location": "/ts", "main.consumer.max.poll.records": 10}`, true},
		{"kafka/streams", "StreamsProperties", `{"processing.guarantee": "exactly_twice"}`, false},
		{"kafka/streams", "StreamsProperties", `{"num.stream.threads": "4"}`, false},
		{"kafka/mirrormaker", "MM2Properties", `{"clusters": "a,b", "a.bootstrap.servers": "a:9092", "a->b.enabled": true, "sync.group.offsets.enabled": true}`, true},
		{"kafka/mirrormaker", "MM2Properties", `{"emit.heartbeats.enabled": "yes"}`, false},
		{"kafka/connector", "SourceConnectorConfig", `{"name": "s", "connector.class": "org.example.Src", "tasks.max": 2, "transforms.r.type": "org.example.R"}`, true},
		{"kafka/connector", "SinkConnectorConfig", `{"name": "", "topics": "t"}`, false},
		{"spark", "SparkDefaults", `{"spark.driver.memory": "4g", "spark.network.timeout": "120s", "spark.executor.cores": 2, "spark.ssl.ui.enabled": true}`, true},
		{"spark", "SparkDefaults", `{"spark.kubernetes.driver.label.app.kubernetes.io/name": "x", "spark.executor.resource.gpu.amount": 1, "spark.hadoop.fs.defaultFS": "hdfs://ns1"}`, true},
		{"spark", "SparkDefaults", `{"spark.kubernetes.executor.volumes.persistentVolumeClaim.data.mount.path": "/data"}`, true},
		{"spark", "SparkDefaults", `{"spark.kubernetes.executor.volumes.nfsv4.data.mount.path": "/data"}`, false},
		{"spark", "SparkDefaults", `{"spark.driver.memory": "4 gigs"}`, false},
		{"spark", "SparkDefaults", `{"spark.network.timeout": "2 minutes"}`, false},
		{"spark", "SparkDefaults", `{"spark.excutor.memory": "4g"}`, false},
		{"spark", "SparkDefaults", `{"spark.submit.deployMode": "local"}`, false},
		{"spark", "SparkDefaults", `{"spark.ui.enabled": "yes"}`, false},
		{"zookeeper", "ZooCfg", `{"tickTime": 2000, "initLimit": 10, "syncLimit": 5, "quorumListenOnAllIPs": true}`, true},
		{"zookeeper", "ZooCfg", `{"server.1": "zk-0.zk:2888:3888;2181", "weight.1": 1, "group.1": "1:2:3"}`, true},
		{"zookeeper", "ZooCfg", `{"server.a": "zk-0.zk:2888:3888"}`, false},
		{"zookeeper", "ZooCfg", `{"tickTim": 2000}`, false},
		{"zookeeper", "ZooCfg", `{"skipACL": "yes", "4lw.commands.whitelist": ["srvr", "ruok"]}`, true},
		{"zookeeper", "ZooCfg", `{"skipACL": true}`, false},
		{"zookeeper", "ZooCfg", `{"authProvider.1": "org.apache.zookeeper.server.auth.SASLAuthenticationProvider"}`, true},
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
			t.Errorf("#%s & %s: got error %v, want ok=%v", tt.def, tt.config, err, tt.ok)
		}
	}
}

// TestDefaultsValidate checks that every upstream default recorded in a
// catalog is a valid value of its own field, which catches wrong inferred
// types and pattern constraints clashing with a listed key.
func TestDefaultsValidate(t *testing.T) {
	ctx := cuecontext.New()
	for _, tg := range targets {
		def := definition(t, ctx, tg.pkg, tg.def)
		iter, err := def.Fields(cue.Optional(true))
		if err != nil {
			t.Fatal(err)
		}
		checked, fields := 0, 0
		for iter.Next() {
			fields++
			attr := iter.Value().Attribute("upstream")
			d, found, _ := attr.Lookup(0, "default")
			if !found || strings.Contains(d, "${") {
				continue
			}
			checked++
			if !acceptsDefault(ctx, iter.Value(), d) {
				t.Errorf("%s %q: default %q is not a valid value", tg.native, iter.Selector().Unquoted(), d)
			}
		}
		if checked < min(100, fields/10) && !fewDefaultsDocumented[tg.def] {
			t.Errorf("%s: only %d defaults checked", tg.native, checked)
		}
	}
}

// acceptsDefault reports whether field accepts the upstream default, read
// as a number or boolean when it is one (Java float suffixes dropped), else
// as a string.
func acceptsDefault(ctx *cue.Context, field cue.Value, d string) bool {
	candidates := []cue.Value{ctx.Encode(d)}
	if b, err := strconv.ParseBool(d); err == nil && reBool.MatchString(d) {
		candidates = append(candidates, ctx.Encode(b))
	}
	if reInt.MatchString(d) || reFloat.MatchString(d) {
		candidates = append(candidates, ctx.CompileString(strings.TrimRight(d, "fFdD")))
	}
	for _, c := range candidates {
		if field.Unify(c).Validate(cue.Concrete(true)) == nil {
			return true
		}
	}
	return false
}
