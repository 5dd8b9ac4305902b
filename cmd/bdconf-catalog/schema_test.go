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

// validationCase is a configuration, written in CUE, that #def of the
// committed package pkg must accept (ok) or reject.
type validationCase struct {
	pkg, def, config string
	ok               bool
}

// TestCatalogsValidate checks, per definition, that good configurations
// pass and that typos and wrong types fail.
func TestCatalogsValidate(t *testing.T) {
	tests := []validationCase{
		// Hadoop core and HDFS, Kafka, Spark, ZooKeeper
		{"hadoop", "HDFSSite", `{"dfs.replication": 1}`, true},
		{"hadoop", "HDFSSite", `{"dfs.replicaton": 1}`, false},
		{"hadoop", "HDFSSite", `{"dfs.replication": 0}`, false},
		{"hadoop", "HDFSSite", `{"dfs.replication": "one"}`, false},
		{"hadoop", "HDFSSite", `{"dfs.replication": " 0x3 ", "dfs.blocksize": "128M", "dfs.heartbeat.interval": "3S", "dfs.namenode.reencrypt.throttle.limit.handler.ratio": "1.0f", "dfs.permissions.enabled": "TRUE"}`, true},
		{"hadoop", "HDFSSite", `{"dfs.blocksize": "${dfs.x}", "dfs.datanode.du.reserved.ssd": "10g", "dfs.datanode.data.dir.perm": 750}`, true},
		{"hadoop", "HDFSSite", `{"dfs.heartbeat.interval": "3 s"}`, false},
		{"hadoop", "CoreSite", `{"hadoop.proxyuser.hive.hosts": "*", "hadoop.proxyuser.hive.groups": ["a", "b"]}`, true},
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
		{"kafka/topic", "TopicConfig", `{"min.insync.replicas": "two"}`, false},
		{"kafka/producer", "ProducerProperties", `{"acks": "all", "bootstrap.servers": ["k-0:9092"], "security.protocol": "sasl_ssl"}`, true},
		{"kafka/producer", "ProducerProperties", `{"acks": "most"}`, false},
		{"kafka/producer", "ProducerProperties", `{"security.protocol": "TLS"}`, false},
		{"kafka/producer", "ProducerProperties", `{"bootstrap.server": "k-0:9092"}`, false},
		{"kafka/consumer", "ConsumerProperties", `{"group.id": "g", "auto.offset.reset": "earliest", "group.protocol": "consumer"}`, true},
		{"kafka/consumer", "ConsumerProperties", `{"auto.offset.reset": "first"}`, false},
		{"kafka/consumer", "ConsumerProperties", `{"max.poll.records": 0}`, false},
		{"kafka/admin", "AdminProperties", `{"bootstrap.servers": "k-0:9092", "ssl.truststore.password": {secretKeyRef: {name: "tls", key: "password"}}}`, true},
		{"kafka/admin", "AdminProperties", `{"retries": "many"}`, false},
		{"kafka/connect", "ConnectDistributedProperties", `{"group.id": "c", "config.storage.replication.factor": -1, "producer.compression.type": "zstd", "listeners.https.ssl.keystore.location": "/ks"}`, true},
		{"kafka/connect", "ConnectDistributedProperties", `{"config.storage.replication.factor": 0}`, false},
		{"kafka/connect", "ConnectDistributedProperties", `{"grop.id": "c"}`, false},
		{"kafka/streams", "StreamsProperties", `{"application.id": "a", "processing.guarantee": "exactly_once_v2", "ssl.truststore.location": "/ts", "main.consumer.max.poll.records": 10}`, true},
		{"kafka/streams", "StreamsProperties", `{"processing.guarantee": "exactly_twice"}`, false},
		{"kafka/streams", "StreamsProperties", `{"num.stream.threads": "4.0"}`, false},
		{"kafka", "ServerProperties", `{"num.network.threads": " 4", "auto.create.topics.enable": "FALSE", "listener.name.sasl_ssl.plain.sasl.jaas.config": {secretKeyRef: {name: "j", key: "k"}}, "listener.name.ssl.ssl.client.auth": "required"}`, true},
		{"kafka", "ServerProperties", `{"listener.name.ssl.ssl.keystore.password": "hunter2"}`, false},
		{"kafka", "ServerProperties", `{"listener.name.ssl.ssl.client.auth": "sometimes"}`, false},
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
		{"zookeeper", "ZooCfg", `{"tickTime": " 2000 ", "syncEnabled": "False"}`, true},
		{"zookeeper", "ZooCfg", `{"syncEnabled": "yes"}`, false},
		{"zookeeper", "ZooCfg", `{"tickTime": "2s"}`, false},
		{"zookeeper", "ZooCfg", `{"skipACL": "yes", "4lw.commands.whitelist": ["srvr", "ruok"]}`, true},
		{"zookeeper", "ZooCfg", `{"skipACL": true}`, false},
		{"zookeeper", "ZooCfg", `{"authProvider.1": "org.apache.zookeeper.server.auth.SASLAuthenticationProvider"}`, true},

		// Hadoop family, HBase, Ranger
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
		{"hadoop/rbf", "RBFSite", `{"dfs.federation.router.rpc.enable": "yes"}`, false},
		{"hadoop/rbf", "RBFSite", `{"dfs.federation.router.rpc-adress": "0.0.0.0:8888"}`, false},
		{"hadoop/httpfs", "HttpFSSite", `{"httpfs.http.port": 14000, "httpfs.proxyuser.hue.hosts": "*"}`, true},
		{"hadoop/httpfs", "HttpFSSite", `{"httpfs.http.port": "14000.0"}`, false},
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
		{"hbase", "HBaseSite", `{"hbase.cluster.distributed": "on"}`, false},
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
		{"ranger", "RangerHDFSAudit", `{"xasecure.audit.destination.hdfs.config.fs.azure.account.key.myaccount.blob.core.windows.net": {secretKeyRef: {name: "azure", key: "k"}}}`, true},
		{"ranger", "RangerKafkaAudit", `{"xasecure.audit.is.enabled": true, "xasecure.audit.jaas.Client.option.useKeyTab": true}`, true},
		{"ranger", "RangerKafkaAudit", `{"xasecure.audit.jaas.Client.loginModuleControlFlag": "mandatory"}`, false},
		{"ranger", "RangerPolicyMgrSSL", `{"xasecure.policymgr.clientssl.truststore": "/tls/truststore.jks"}`, true},
		{"ranger", "RangerPolicyMgrSSL", `{"xasecure.policymgr.clientssl.trustsore": "/t"}`, false},
		{"ranger/admin", "RangerAdminSite", `{"ranger.service.http.port": 6080, "ranger.authentication.method": "LDAP", "ranger.audit.source.type": "solr"}`, true},
		{"ranger/admin", "RangerAdminSite", `{"ranger.authentication.method": "ldap"}`, false},
		{"ranger/admin", "RangerAdminSite", `{"ranger.service.http.prot": 6080}`, false},

		// Hive, Trino, Kerberos
		{"hive", "HiveSite", `{"hive.server2.transport.mode": "http", "hive.server2.authentication": "KERBEROS", "hive.exec.reducers.max": 1009, "hive.llap.io.cache.orc.size": "2Gb"}`, true},
		{"hive", "HiveSite", `{"hive.server2.transport.mod": "http"}`, false},
		{"hive", "HiveSite", `{"hive.exec.reducers.max": "many"}`, false},
		{"hive", "HiveSite", `{"hive.server2.authentication": "kerberos5"}`, false},
		{"hive", "HiveSite", `{"hive.server2.thrift.http.max.idle.time": "1800s", "javax.jdo.option.ConnectionPassword": {secretKeyRef: {name: "metastore-db", key: "password"}}}`, true},
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

// fewDefaultsDocumented are definitions whose upstream page states
// (almost) no defaults: webhcat-configure.md lists names only, and
// krb5_conf.rst / kdc_conf.rst state most defaults as prose or not at all.
var fewDefaultsDocumented = map[string]bool{
	"WebHCatSite": true, "Krb5Realm": true, "Krb5PluginInterface": true,
	"KDCDefaults": true, "DBDefaults": true, "DBModule": true, "Logging": true, "OTPTokenType": true,
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
			// A secret's upstream default is an example a profile cannot
			// write: secrets are only referenced.
			if secret, _ := attr.Flag(0, "secret"); !found || secret || strings.Contains(d, "${") {
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
