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
	{"hadoop", "CoreSite", "core-site.xml", "core_site_gen.cue", "hadoop/core-default.xml", "Apache Hadoop 3.4.1", buildHadoop},
	{"hadoop", "HDFSSite", "hdfs-site.xml", "hdfs_site_gen.cue", "hadoop/hdfs-default.xml", "Apache Hadoop 3.4.1", buildHadoop},
	{"kafka", "ServerProperties", "server.properties", "server_properties_gen.cue", "kafka/kafka_config.html", "Apache Kafka 3.9", buildKafka},
	{"zookeeper", "ZooCfg", "zoo.cfg", "zoo_cfg_gen.cue", "zookeeper/zookeeperAdmin.md", "Apache ZooKeeper 3.9.5", buildZooKeeper},
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
