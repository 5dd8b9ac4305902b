package main

// target is one generated catalog: which upstream document feeds it, which
// parser reads it and where the result goes. A new native file is a new
// entry here (plus a parser, when the upstream format is new).
type target struct {
	pkg     string // CUE package and folder under the output directory
	def     string // CUE definition, without '#'
	native  string // native file the definition types
	out     string // generated file name
	source  string // upstream document, relative to the upstream folder
	version string // upstream product and version the document belongs to
	build   func(dir string, t target) (*Catalog, error)
}

// targets lists every generated catalog, in report order.
var targets = []target{
	{"hadoop", "CoreSite", "core-site.xml", "core_site_gen.cue", "hadoop/core-default.xml", "Apache Hadoop 3.4.1", buildHadoopFamily},
	{"hadoop", "HDFSSite", "hdfs-site.xml", "hdfs_site_gen.cue", "hadoop/hdfs-default.xml", "Apache Hadoop 3.4.1", buildHadoopFamily},
	{"hadoop/yarn", "YarnSite", "yarn-site.xml", "yarn_site_gen.cue", "hadoop/yarn-default.xml", "Apache Hadoop 3.4.1", buildHadoopFamily},
	{"hadoop/yarn", "CapacityScheduler", "capacity-scheduler.xml", "capacity_scheduler_gen.cue", "hadoop/capacity-scheduler.xml", "Apache Hadoop 3.4.1", buildCapacityScheduler},
	{"hadoop/mapred", "MapredSite", "mapred-site.xml", "mapred_site_gen.cue", "hadoop/mapred-default.xml", "Apache Hadoop 3.4.1", buildHadoopFamily},
	{"hadoop/rbf", "RBFSite", "hdfs-rbf-site.xml", "hdfs_rbf_site_gen.cue", "hadoop/hdfs-rbf-default.xml", "Apache Hadoop 3.4.1", buildHadoopFamily},
	{"hadoop/httpfs", "HttpFSSite", "httpfs-site.xml", "httpfs_site_gen.cue", "hadoop/httpfs-default.xml", "Apache Hadoop 3.4.1", buildHadoopFamily},
	{"hadoop/kms", "KMSSite", "kms-site.xml", "kms_site_gen.cue", "hadoop/kms-default.xml", "Apache Hadoop 3.4.1", buildHadoopFamily},
	{"hadoop/policy", "HadoopPolicy", "hadoop-policy.xml", "hadoop_policy_gen.cue", "hadoop/hadoop-policy.xml", "Apache Hadoop 3.4.1", buildPolicy},
	{"hadoop/ssl", "SSLServer", "ssl-server.xml", "ssl_server_gen.cue", "hadoop/ssl-server.xml.example", "Apache Hadoop 3.4.1", buildHadoopFamily},
	{"hadoop/ssl", "SSLClient", "ssl-client.xml", "ssl_client_gen.cue", "hadoop/ssl-client.xml.example", "Apache Hadoop 3.4.1", buildHadoopFamily},
	{"hbase", "HBaseSite", "hbase-site.xml", "hbase_site_gen.cue", "hbase/hbase-default.xml", "Apache HBase 2.5.10", buildHadoopFamily},
	{"hbase", "HBasePolicy", "hbase-policy.xml", "hbase_policy_gen.cue", "hbase/hbase-policy.xml", "Apache HBase 2.5.10", buildPolicy},
	{"ranger", "RangerHDFSSecurity", "ranger-hdfs-security.xml", "ranger_hdfs_security_gen.cue", "ranger/hdfs-agent/ranger-hdfs-security.xml", "Apache Ranger 2.8.0", buildRanger},
	{"ranger", "RangerHDFSAudit", "ranger-hdfs-audit.xml", "ranger_hdfs_audit_gen.cue", "ranger/hdfs-agent/ranger-hdfs-audit.xml", "Apache Ranger 2.8.0", buildRanger},
	{"ranger", "RangerKafkaSecurity", "ranger-kafka-security.xml", "ranger_kafka_security_gen.cue", "ranger/plugin-kafka/ranger-kafka-security.xml", "Apache Ranger 2.8.0", buildRanger},
	{"ranger", "RangerKafkaAudit", "ranger-kafka-audit.xml", "ranger_kafka_audit_gen.cue", "ranger/plugin-kafka/ranger-kafka-audit.xml", "Apache Ranger 2.8.0", buildRanger},
	{"ranger", "RangerPolicyMgrSSL", "ranger-policymgr-ssl.xml", "ranger_policymgr_ssl_gen.cue", "ranger/hdfs-agent/ranger-policymgr-ssl.xml", "Apache Ranger 2.8.0", buildRanger},
	{"ranger/admin", "RangerAdminSite", "ranger-admin-site.xml", "ranger_admin_site_gen.cue", "ranger/security-admin/ranger-admin-default-site.xml", "Apache Ranger 2.8.0", buildRangerAdmin},
	{"kafka", "ServerProperties", "server.properties", "server_properties_gen.cue", "kafka/kafka_config.html", "Apache Kafka 3.9", buildKafkaFile},
	{"kafka/topic", "TopicConfig", "topic.properties", "topic_config_gen.cue", "kafka/topic_config.html", "Apache Kafka 3.9", buildKafkaFile},
	{"kafka/producer", "ProducerProperties", "producer.properties", "producer_properties_gen.cue", "kafka/producer_config.html", "Apache Kafka 3.9", buildKafkaFile},
	{"kafka/consumer", "ConsumerProperties", "consumer.properties", "consumer_properties_gen.cue", "kafka/consumer_config.html", "Apache Kafka 3.9", buildKafkaFile},
	{"kafka/admin", "AdminProperties", "admin.properties", "admin_properties_gen.cue", "kafka/admin_client_config.html", "Apache Kafka 3.9", buildKafkaFile},
	{"kafka/connect", "ConnectDistributedProperties", "connect-distributed.properties", "connect_distributed_properties_gen.cue", "kafka/connect_config.html", "Apache Kafka 3.9", buildKafkaFile},
	{"kafka/streams", "StreamsProperties", "streams.properties", "streams_properties_gen.cue", "kafka/streams_config.html", "Apache Kafka 3.9", buildKafkaFile},
	{"kafka/mirrormaker", "MM2Properties", "mm2.properties", "mm2_properties_gen.cue", "kafka/mirror_connector_config.html", "Apache Kafka 3.9", buildKafkaFile},
	{"kafka/connector", "SourceConnectorConfig", "source-connector.json", "source_connector_config_gen.cue", "kafka/source_connector_config.html", "Apache Kafka 3.9", buildKafkaFile},
	{"kafka/connector", "SinkConnectorConfig", "sink-connector.json", "sink_connector_config_gen.cue", "kafka/sink_connector_config.html", "Apache Kafka 3.9", buildKafkaFile},
	{"spark", "SparkDefaults", "spark-defaults.conf", "spark_defaults_gen.cue", "spark/configuration.html", "Apache Spark 3.5.9", buildSpark},
	{"zookeeper", "ZooCfg", "zoo.cfg", "zoo_cfg_gen.cue", "zookeeper/zookeeperAdmin.md", "Apache ZooKeeper 3.9.5", buildZooKeeper},
	{"hive", "HiveSite", "hive-site.xml", "hive_site_gen.cue", hivePropertiesDoc, hiveVersion, buildHiveSite},
	{"hive", "MetastoreSite", "metastore-site.xml", "metastore_site_gen.cue", hiveMetastoreDoc, hiveVersion, buildMetastoreSite},
	{"hive", "WebHCatSite", "webhcat-site.xml", "webhcat_site_gen.cue", hiveWebHCatDoc, hiveVersion, buildWebHCatSite},
	{"trino", "ConfigProperties", "config.properties", "config_properties_gen.cue", "trino/admin", trinoVersion, buildTrinoConfig},
	{"trino/catalogs", "ObjectStorage", "etc/catalog/<name>.properties", "object_storage_gen.cue", "trino/object-storage", trinoVersion, buildTrinoObjectStorage},
	{"trino/catalogs", "DeltaLake", "etc/catalog/<name>.properties", "delta_lake_gen.cue", "trino/connector/delta-lake.md", trinoVersion, buildTrinoConnector},
	{"trino/catalogs", "Hive", "etc/catalog/<name>.properties", "hive_gen.cue", "trino/connector/hive.md", trinoVersion, buildTrinoConnector},
	{"trino/catalogs", "Hudi", "etc/catalog/<name>.properties", "hudi_gen.cue", "trino/connector/hudi.md", trinoVersion, buildTrinoConnector},
	{"trino/catalogs", "Iceberg", "etc/catalog/<name>.properties", "iceberg_gen.cue", "trino/connector/iceberg.md", trinoVersion, buildTrinoConnector},
	{"trino/catalogs", "Kafka", "etc/catalog/<name>.properties", "kafka_gen.cue", "trino/connector/kafka.md", trinoVersion, buildTrinoConnector},
	{"kerberos", "Krb5LibDefaults", "krb5.conf", "krb5_libdefaults_gen.cue", "kerberos/krb5_conf.rst", krbVersion, buildKerberosSection},
	{"kerberos", "Krb5Realm", "krb5.conf", "krb5_realm_gen.cue", "kerberos/krb5_conf.rst", krbVersion, buildKerberosSection},
	{"kerberos", "Krb5DomainRealm", "krb5.conf", "krb5_domain_realm_gen.cue", "kerberos/krb5_conf.rst", krbVersion, buildKerberosSection},
	{"kerberos", "Krb5Capaths", "krb5.conf", "krb5_capaths_gen.cue", "kerberos/krb5_conf.rst", krbVersion, buildKerberosSection},
	{"kerberos", "Krb5AppDefaults", "krb5.conf", "krb5_appdefaults_gen.cue", "kerberos/krb5_conf.rst", krbVersion, buildKerberosSection},
	{"kerberos", "Krb5PluginInterface", "krb5.conf", "krb5_plugins_gen.cue", "kerberos/krb5_conf.rst", krbVersion, buildKerberosSection},
	{"kerberos", "KDCDefaults", "kdc.conf", "kdc_kdcdefaults_gen.cue", "kerberos/kdc_conf.rst", krbVersion, buildKerberosSection},
	{"kerberos", "KDCRealm", "kdc.conf", "kdc_realm_gen.cue", "kerberos/kdc_conf.rst", krbVersion, buildKerberosSection},
	{"kerberos", "DBDefaults", "kdc.conf", "kdc_dbdefaults_gen.cue", "kerberos/kdc_conf.rst", krbVersion, buildKerberosSection},
	{"kerberos", "DBModule", "kdc.conf", "kdc_dbmodule_gen.cue", "kerberos/kdc_conf.rst", krbVersion, buildKerberosSection},
	{"kerberos", "Logging", "kdc.conf", "kdc_logging_gen.cue", "kerberos/kdc_conf.rst", krbVersion, buildKerberosSection},
	{"kerberos", "OTPTokenType", "kdc.conf", "kdc_otp_gen.cue", "kerberos/kdc_conf.rst", krbVersion, buildKerberosSection},
}

// newCatalog returns an empty catalog carrying the target's identity.
func (t target) newCatalog() *Catalog {
	return &Catalog{
		Package:    t.pkg,
		Definition: t.def,
		NativeFile: t.native,
		OutFile:    t.out,
		Source:     t.source,
		Version:    t.version,
	}
}

// catalogOf returns a catalog carrying the target's identity and keys,
// sorted.
func (t target) catalogOf(keys []Key) *Catalog {
	c := t.newCatalog()
	c.Keys = keys
	sortCatalog(c)
	return c
}
