package main

// Reviewed tables of the Hadoop-family catalogs besides core and hdfs
// (hadoop_family.go, ranger.go): Hadoop 3.4.1, HBase 2.5.10, Ranger 2.8.0.
// Every entry carries the reason it holds.

// familyPlaceholders are placeholders of the other Hadoop-family files.
var familyPlaceholders = []struct{ token, regex string }{
	{"%AZURE.ACCOUNTNAME%", `[a-z0-9]+`}, // Ranger installer variable: an Azure storage account name
}

// allPlaceholders lists every reviewed placeholder.
func allPlaceholders() []struct{ token, regex string } {
	return append(append([]struct{ token, regex string }{}, hadoopPlaceholders...), familyPlaceholders...)
}

// familyTypeTables are the reviewed type tables, looked up after
// hadoopTypeOverrides (a name belongs to one table; TestFamilyOverrides).
var familyTypeTables = []map[string]override{hadoopMoreTypeOverrides, hbaseTypeOverrides, rangerTypeOverrides}

// typeOverride returns the reviewed type of an upstream name.
func typeOverride(name string) (override, bool) {
	if o, ok := hadoopTypeOverrides[name]; ok {
		return o, true
	}
	for _, table := range familyTypeTables {
		if o, ok := table[name]; ok {
			return o, true
		}
	}
	return override{}, false
}

// secretOverrideFor returns the reviewed secret-ness of a name.
func secretOverrideFor(name string) (secretOverride, bool) {
	if s, ok := hadoopSecretOverrides[name]; ok {
		return s, true
	}
	s, ok := familySecretOverrides[name]
	return s, ok
}

// familySpecs are the per-file additions, by native file.
var familySpecs = map[string]familySpec{
	"core-site.xml":          {deprecations: hadoopDeprecationsFile},
	"hdfs-site.xml":          {deprecations: hadoopDeprecationsFile},
	"yarn-site.xml":          {deprecations: hadoopDeprecationsFile},
	"capacity-scheduler.xml": {patterns: capacityQueuePatterns()},
	"mapred-site.xml":        {deprecations: hadoopDeprecationsFile},
	"hdfs-rbf-site.xml":      {deprecations: hadoopDeprecationsFile},
	"httpfs-site.xml":        {deprecations: hadoopDeprecationsFile, patterns: httpfsPatterns},
	"kms-site.xml":           {deprecations: hadoopDeprecationsFile},
	"ssl-server.xml":         {deprecations: hadoopDeprecationsFile},
	"ssl-client.xml":         {deprecations: hadoopDeprecationsFile},
	"hbase-site.xml":         {deprecations: hbaseDeprecationsFile, patterns: hbasePatterns},
	"ranger-hdfs-audit.xml":  {patterns: rangerAuditPatterns},
	"ranger-kafka-audit.xml": {patterns: rangerAuditPatterns},
	"ranger-admin-site.xml":  {patterns: rangerJAASPatterns},
}

// capacityQueueSettings are per-queue settings CapacitySchedulerConfiguration
// (3.4.1) reads that the sample file does not show.
var capacityQueueSettings = []struct {
	setting string
	typ     Type
	why     string
}{
	{"minimum-user-limit-percent", typ(KindNumber), "getUserLimit: getFloat"},
	{"maximum-applications", typ(KindInt), "getMaximumApplicationsPerQueue: getInt"},
	{"maximum-am-resource-percent", typ(KindNumber), "getMaximumApplicationMasterResourcePerQueuePercent: getFloat"},
	{"ordering-policy", typ(KindString), "fifo, fair or a policy class name"},
	{"priority", typ(KindInt), "getQueuePriority: getInt"},
	{"disable_preemption", typ(KindBool), "getPreemptionDisabled: getBoolean"},
	{"intra-queue-preemption.disable_preemption", typ(KindBool), "getIntraQueuePreemptionDisabled: getBoolean"},
	{"accessible-node-labels", typ(KindList), "getAccessibleNodeLabels: comma-separated labels"},
	{"default-node-label-expression", typ(KindString), "a node label expression"},
	{"default-application-priority", typ(KindInt), "getDefaultApplicationPriorityConfPerQueue: getInt"},
	{"auto-create-child-queue.enabled", typ(KindBool), "isAutoCreateChildQueueEnabled: getBoolean"},
	{"auto-queue-creation-v2.enabled", typ(KindBool), "isAutoQueueCreationV2Enabled: getBoolean"},
	{"maximum-allocation-mb", typ(KindInt), "getQueueMaximumAllocationMb: getInt"},
	{"maximum-allocation-vcores", typ(KindInt), "getQueueMaximumAllocationVcores: getInt"},
}

// capacityQueuePatterns turns capacityQueueSettings into patterns.
func capacityQueuePatterns() []reviewedPattern {
	out := make([]reviewedPattern, len(capacityQueueSettings))
	for i, s := range capacityQueueSettings {
		out[i] = reviewedPattern{Name: capacityQueuePrefix + "<queue-path>." + s.setting, Regex: capacityQueuePattern(s.setting), Type: s.typ, Why: s.why}
	}
	return out
}

// httpfsPatterns are the proxy-user families httpfs-default.xml shows
// only inside a comment (httpfs.proxyuser.#USER#.hosts|groups).
var httpfsPatterns = []reviewedPattern{
	{Name: "httpfs.proxyuser.<user>.hosts", Regex: `^httpfs\.proxyuser\.[^.]+\.hosts$`, Type: typ(KindList), Why: "* or comma-separated hosts (ProxyUsers with prefix httpfs.proxyuser)"},
	{Name: "httpfs.proxyuser.<user>.groups", Regex: `^httpfs\.proxyuser\.[^.]+\.groups$`, Type: typ(KindList), Why: "* or comma-separated groups (ProxyUsers with prefix httpfs.proxyuser)"},
}

// hbasePatterns are HBase key families.
var hbasePatterns = []reviewedPattern{
	{Name: "hbase.zookeeper.property.<zoo.cfg key>", Regex: `^hbase\.zookeeper\.property\..+$`, Type: typ(KindScalar),
		Why: "ZKConfig passes every hbase.zookeeper.property.X to ZooKeeper as zoo.cfg key X"},
}

// rangerJAASPatterns: InMemoryJAASConfiguration reads
// xasecure.audit.jaas.<login context>.loginModuleName, .loginModuleControlFlag
// and .option.<option>.
var rangerJAASPatterns = []reviewedPattern{
	{Name: "xasecure.audit.jaas.<context>.loginModuleName", Regex: `^xasecure\.audit\.jaas\.[^.]+\.loginModuleName$`, Type: typ(KindClass), Why: "a LoginModule class"},
	{Name: "xasecure.audit.jaas.<context>.loginModuleControlFlag", Regex: `^xasecure\.audit\.jaas\.[^.]+\.loginModuleControlFlag$`, Type: oneOf("required", "requisite", "sufficient", "optional"), Why: "JAAS control flags"},
	{Name: "xasecure.audit.jaas.<context>.option.<option>", Regex: `^xasecure\.audit\.jaas\.[^.]+\.option\.[^.]+$`, Type: typ(KindScalar), Why: "a LoginModule option"},
}

// rangerAuditPatterns are the audit destination families
// (AuditProviderFactory, BaseAuditHandler, AuditQueue, AuditFileSpool): a
// destination <dest> is on when xasecure.audit.destination.<dest> is true,
// its class may be given, and its queue and file spool are configured
// under <dest>.batch.*; the HDFS destination passes <dest>.config.* to its
// Hadoop Configuration.
var rangerAuditPatterns = append([]reviewedPattern{
	{Name: "xasecure.audit.destination.<dest>", Regex: `^xasecure\.audit\.destination\.[^.]+$`, Type: typ(KindBool), Why: "AuditProviderFactory enables a destination whose key is true"},
	{Name: "xasecure.audit.destination.<dest>.classname", Regex: `^xasecure\.audit\.destination\.[^.]+\.classname$`, Type: typ(KindClass), Why: "BaseAuditHandler.PROP_CLASS_NAME"},
	{Name: "xasecure.audit.destination.<dest>.queue", Regex: `^xasecure\.audit\.destination\.[^.]+\.queue$`, Type: typ(KindString), Why: "AuditQueue.PROP_QUEUE (batch by default)"},
	{Name: "xasecure.audit.destination.<dest>.batch.<setting>", Regex: `^xasecure\.audit\.destination\.[^.]+\.batch\..+$`, Type: typ(KindScalar), Why: "AuditQueue / AuditFileSpool settings"},
	{Name: "xasecure.audit.destination.hdfs.config.<hadoop key>", Regex: `^xasecure\.audit\.destination\.hdfs\.config\..+$`, Type: typ(KindScalar), Why: "HDFSAuditDestination passes config.* to its Hadoop Configuration"},
}, rangerJAASPatterns...)

// hbaseDeprecationsFile is HBase's own deprecation table.
const hbaseDeprecationsFile = "hbase/deprecated-keys.derived.json"

// capacityType is a queue capacity: a percentage (getFloat; 12.5), a
// weight ("2w") or an absolute resource vector ("[memory=1024,vcores=1]")
// (CapacitySchedulerConfiguration / QueueCapacityVector parsing, 3.4).
var capacityType = Type{Kind: KindScalar, Bounds: `number | =~"^[0-9]+(\\.[0-9]+)?w$" | =~"^\\[.*\\]$"`}

// hadoopMoreTypeOverrides corrects inferHadoop for the other Hadoop files.
var hadoopMoreTypeOverrides = map[string]override{
	// capacity-scheduler.xml (names of the sample queue root.default)
	"yarn.scheduler.capacity.root.default.capacity":                     {Type: capacityType, Why: "percentage, weight or absolute resources"},
	"yarn.scheduler.capacity.root.default.maximum-capacity":             {Type: capacityType, Why: "percentage, weight or absolute resources"},
	"yarn.scheduler.capacity.root.default.user-limit-factor":            {Type: typ(KindNumber), Why: "getFloat"},
	"yarn.scheduler.capacity.root.default.state":                        {Type: oneOf("RUNNING", "STOPPED"), Why: "QueueState values accepted in the file"},
	"yarn.scheduler.capacity.root.default.maximum-application-lifetime": {Type: typ(KindInt), Unit: "s", Why: "getLong, in seconds"},
	"yarn.scheduler.capacity.root.default.default-application-lifetime": {Type: typ(KindInt), Unit: "s", Why: "getLong, in seconds"},
	"yarn.scheduler.capacity.root.queues":                               {Type: typ(KindList), Why: "comma-separated child queue names (getTrimmedStringCollection)"},
	"yarn.scheduler.capacity.queue-mappings":                            {Type: typ(KindList), Why: "comma-separated [u|g]:name:queue mappings"},
	"yarn.scheduler.capacity.workflow-priority-mappings":                {Type: typ(KindList), Why: "comma-separated workflow:queue:priority mappings"},
	"yarn.scheduler.capacity.maximum-am-resource-percent":               {Type: typ(KindNumber), Why: "getFloat"},
	// yarn-default.xml
	"yarn.resourcemanager.delegation.key.update-interval":              {Type: typ(KindInt), Unit: "ms", Why: "getLong, in milliseconds (RMSecretManagerService)"},
	"yarn.resourcemanager.delegation.token.max-lifetime":               {Type: typ(KindInt), Unit: "ms", Why: "getLong, in milliseconds (RMSecretManagerService)"},
	"yarn.resourcemanager.delegation.token.renew-interval":             {Type: typ(KindInt), Unit: "ms", Why: "getLong, in milliseconds (RMSecretManagerService)"},
	"yarn.resourcemanager.proxy.connection.timeout":                    {Type: typ(KindInt), Unit: "ms", Why: "getInt, in milliseconds (WebAppProxyServlet)"},
	"yarn.dispatcher.drain-events.timeout":                             {Type: typ(KindInt), Unit: "ms", Why: "getLong, in milliseconds (AsyncDispatcher)"},
	"yarn.nodemanager.runtime.linux.docker.stop.grace-period":          {Type: typ(KindInt), Unit: "s", Why: "getInt, in seconds (DockerLinuxContainerRuntime)"},
	"yarn.nodemanager.runtime.linux.allowed-runtimes":                  {Type: typ(KindList), Why: whyCSV},
	"yarn.nodemanager.runtime.linux.docker.allowed-container-runtimes": {Type: typ(KindList), Why: whyCSV},
	"yarn.nodemanager.runtime.linux.runc.allowed-container-runtimes":   {Type: typ(KindList), Why: whyCSV},
	"yarn.nodemanager.runtime.linux.docker.default-ro-mounts":          {Type: typ(KindList), Why: whyCSV},
	"yarn.nodemanager.runtime.linux.docker.default-rw-mounts":          {Type: typ(KindList), Why: whyCSV},
	"yarn.nodemanager.runtime.linux.docker.default-tmpfs-mounts":       {Type: typ(KindList), Why: whyCSV},
	"yarn.nodemanager.runtime.linux.runc.default-ro-mounts":            {Type: typ(KindList), Why: whyCSV},
	"yarn.nodemanager.runtime.linux.runc.default-rw-mounts":            {Type: typ(KindList), Why: whyCSV},
	"yarn.http.policy":                                                {Type: oneOf("HTTP_ONLY", "HTTPS_ONLY"), Why: "HttpConfig.Policy as YARN accepts it (WebAppUtils)"},
	"yarn.nodemanager.local-dirs":                                     {Type: typ(KindList), Why: whyDirs},
	"yarn.nodemanager.log-dirs":                                       {Type: typ(KindList), Why: whyDirs},
	"yarn.resourcemanager.ha.rm-ids":                                  {Type: typ(KindList), Why: "comma-separated ResourceManager IDs"},
	"yarn.nodemanager.aux-services":                                   {Type: typ(KindList), Why: whyCSV},
	"dfs.federation.router.fairness.handler.count.EXAMPLENAMESERVICE": {Type: typ(KindInt), Why: "getInt (StaticRouterRpcFairnessPolicyController); unset upstream"},
	// ssl-server.xml / ssl-client.xml
	"ssl.server.truststore.type":            {Type: oneOf("jks", "JKS", "pkcs12", "PKCS12", "jceks", "JCEKS"), Why: "a KeyStore type (FileBasedKeyStoresFactory)"},
	"ssl.server.keystore.type":              {Type: oneOf("jks", "JKS", "pkcs12", "PKCS12", "jceks", "JCEKS"), Why: "a KeyStore type (FileBasedKeyStoresFactory)"},
	"ssl.client.truststore.type":            {Type: oneOf("jks", "JKS", "pkcs12", "PKCS12", "jceks", "JCEKS"), Why: "a KeyStore type (FileBasedKeyStoresFactory)"},
	"ssl.client.keystore.type":              {Type: oneOf("jks", "JKS", "pkcs12", "PKCS12", "jceks", "JCEKS"), Why: "a KeyStore type (FileBasedKeyStoresFactory)"},
	"ssl.server.truststore.reload.interval": {Type: typ(KindInt), Unit: "ms", Why: "getLong, in milliseconds (FileBasedKeyStoresFactory)"},
	"ssl.client.truststore.reload.interval": {Type: typ(KindInt), Unit: "ms", Why: "getLong, in milliseconds (FileBasedKeyStoresFactory)"},
	"ssl.server.exclude.cipher.list":        {Type: typ(KindList), Why: "comma-separated cipher suites (getTrimmedStrings)"},
	// kms-default.xml / httpfs-default.xml
	"hadoop.kms.authentication.type":                                       {Type: oneOf("simple", "kerberos"), Why: whyDesc + " (or an AuthenticationHandler class)"},
	"httpfs.hadoop.authentication.type":                                    {Type: oneOf("simple", "kerberos"), Why: whyDesc},
	"hadoop.kms.authentication.signer.secret.provider":                     {Type: oneOf("random", "string", "file", "zookeeper"), Why: "AuthenticationFilter signer secret providers"},
	"hadoop.kms.authentication.signer.secret.provider.zookeeper.auth.type": {Type: oneOf("none", "sasl"), Why: "ZKSignerSecretProvider"},
	"httpfs.access.mode":                                                   {Type: oneOf("read-write", "write-only", "read-only"), Why: whyDesc},
}

// hbaseTypeOverrides corrects inferHadoop for hbase-default.xml (HBase
// 2.5.10); HBase reads most durations with getInt/getLong in milliseconds.
var hbaseTypeOverrides = map[string]override{
	"hbase.rootdir.perms":                                 {Type: typ(KindPermission), Why: whyOctal},
	"hbase.wal.dir.perms":                                 {Type: typ(KindPermission), Why: whyOctal},
	"hbase.data.umask":                                    {Type: typ(KindPermission), Why: whyOctal},
	"hbase.zookeeper.quorum":                              {Type: typ(KindList), Why: "comma-separated ZooKeeper hosts (ZKConfig)"},
	"hbase.security.authentication":                       {Type: oneOf("simple", "kerberos"), Why: whyDesc},
	"hfile.block.cache.policy":                            {Type: oneOf("LRU", "TinyLFU", "IndexOnlyLRU", "AdaptiveLRU"), Why: "BlockCacheFactory policies"},
	"hbase.systemtables.compacting.memstore.type":         {Type: oneOf("NONE", "BASIC", "EAGER", "ADAPTIVE"), Why: "MemoryCompactionPolicy"},
	"hbase.hstore.checksum.algorithm":                     {Type: oneOf("NULL", "CRC32", "CRC32C"), Why: "ChecksumType"},
	"hbase.regionserver.global.memstore.size":             {Type: typ(KindNumber), Why: "getFloat, a fraction of the heap"},
	"hbase.regionserver.global.memstore.size.lower.limit": {Type: typ(KindNumber), Why: "getFloat, a fraction of the limit"},
	"hbase.hstore.compaction.min":                         {Type: typ(KindInt), Why: "getInt; unset upstream"},
	"hbase.bucketcache.size":                              {Type: typ(KindNumber), Why: "getFloat: a heap fraction below 1, else megabytes"},
	"hbase.bucketcache.bucket.sizes":                      {Type: typ(KindList), Why: "comma-separated sizes in bytes (getInts)"},
	"hbase.client.pause.server.overloaded":                {Type: typ(KindInt), Unit: "ms", Why: "getLong, in milliseconds; unset upstream"},
	"hbase.coprocessor.region.classes":                    {Type: typ(KindList), Why: whyClasses},
	"hbase.coprocessor.master.classes":                    {Type: typ(KindList), Why: whyClasses},
	"hbase.procedure.regionserver.classes":                {Type: typ(KindList), Why: whyClasses},
	"hbase.procedure.master.classes":                      {Type: typ(KindList), Why: whyClasses},
	"hbase.superuser":                                     {Type: typ(KindList), Why: "comma-separated users and @groups"},
	"dfs.client.read.shortcircuit":                        {Type: typ(KindBool), Why: "Boolean, unset upstream"},
	"hbase.master.logcleaner.ttl":                         {Type: typ(KindInt), Unit: "ms", Why: "getLong, in milliseconds (TimeToLiveLogCleaner)"},
	"hbase.master.fileSplitTimeout":                       {Type: typ(KindInt), Unit: "ms", Why: "getInt, in milliseconds"},
	"hbase.regionserver.msginterval":                      {Type: typ(KindInt), Unit: "ms", Why: "getInt, in milliseconds"},
	"hbase.regionserver.logroll.period":                   {Type: typ(KindInt), Unit: "ms", Why: "getLong, in milliseconds (AbstractWALRoller)"},
	"hbase.regionserver.optionalcacheflushinterval":       {Type: typ(KindInt), Unit: "ms", Why: "getInt, in milliseconds"},
	"zookeeper.session.timeout":                           {Type: typ(KindInt), Unit: "ms", Why: "getInt, in milliseconds"},
	"zookeeper.recovery.retry.maxsleeptime":               {Type: typ(KindInt), Unit: "ms", Why: "getInt, in milliseconds"},
	"hbase.client.pause":                                  {Type: typ(KindInt), Unit: "ms", Why: "getLong, in milliseconds"},
	"hbase.client.scanner.timeout.period":                 {Type: typ(KindInt), Unit: "ms", Why: "getInt, in milliseconds"},
	"hbase.balancer.period":                               {Type: typ(KindInt), Unit: "ms", Why: "getInt, in milliseconds"},
	"hbase.normalizer.period":                             {Type: typ(KindInt), Unit: "ms", Why: "getInt, in milliseconds"},
	"hbase.server.thread.wakefrequency":                   {Type: typ(KindInt), Unit: "ms", Why: "getInt, in milliseconds"},
	"hbase.hregion.majorcompaction":                       {Type: typ(KindInt), Unit: "ms", Why: "getLong, in milliseconds"},
	"hbase.hstore.blockingWaitTime":                       {Type: typ(KindInt), Unit: "ms", Why: "getInt, in milliseconds"},
	"hbase.rpc.timeout":                                   {Type: typ(KindInt), Unit: "ms", Why: "getInt, in milliseconds"},
	"hbase.client.operation.timeout":                      {Type: typ(KindInt), Unit: "ms", Why: "getInt, in milliseconds"},
	"hbase.rpc.shortoperation.timeout":                    {Type: typ(KindInt), Unit: "ms", Why: "getInt, in milliseconds"},
	"hbase.auth.key.update.interval":                      {Type: typ(KindInt), Unit: "ms", Why: "getLong, in milliseconds"},
	"hbase.auth.token.max.lifetime":                       {Type: typ(KindInt), Unit: "ms", Why: "getLong, in milliseconds"},
	"hbase.lease.recovery.timeout":                        {Type: typ(KindInt), Unit: "ms", Why: "getInt, in milliseconds"},
	"hbase.lease.recovery.dfs.timeout":                    {Type: typ(KindInt), Unit: "ms", Why: "getLong, in milliseconds"},
	"hbase.mob.cache.evict.period":                        {Type: typ(KindInt), Unit: "s", Why: "getLong, in seconds (MobFileCache)"},
	"hbase.master.mob.cleaner.period":                     {Type: typ(KindInt), Unit: "s", Why: "getInt, in seconds (MobFileCleanerChore)"},
	"hbase.mob.compaction.chore.period":                   {Type: typ(KindInt), Unit: "s", Why: "getInt, in seconds (MobFileCompactionChore)"},
	"hbase.snapshot.region.timeout":                       {Type: typ(KindInt), Unit: "ms", Why: "getLong, in milliseconds"},
	"hbase.master.cleaner.snapshot.interval":              {Type: typ(KindInt), Unit: "ms", Why: "getInt, in milliseconds"},
	"hbase.master.snapshot.ttl":                           {Type: typ(KindInt), Unit: "s", Why: "getLong, in seconds (SnapshotDescriptionUtils)"},
	"hbase.master.regions.recovery.check.interval":        {Type: typ(KindInt), Unit: "ms", Why: "getInt, in milliseconds"},
	"hbase.regionserver.storefile.refresh.period":         {Type: typ(KindInt), Unit: "ms", Why: "getInt, in milliseconds"},
	"hbase.locality.inputstream.derive.cache.period":      {Type: typ(KindInt), Unit: "ms", Why: "getInt, in milliseconds"},
	"hbase.regionserver.dns.interface":                    {Type: typ(KindString), Why: "a network interface name"},
}

// rangerTypeOverrides corrects inferHadoop for the Ranger files.
var rangerTypeOverrides = map[string]override{
	"xasecure.audit.destination.solr":                                {Type: typ(KindBool), Why: "AuditProviderFactory enables a destination whose key is true"},
	"xasecure.audit.destination.hdfs":                                {Type: typ(KindBool), Why: "AuditProviderFactory enables a destination whose key is true"},
	"xasecure.audit.destination.elasticsearch":                       {Type: typ(KindBool), Why: "AuditProviderFactory enables a destination whose key is true"},
	"xasecure.audit.destination.amazon_cloudwatch":                   {Type: typ(KindBool), Why: "AuditProviderFactory enables a destination whose key is true"},
	"xasecure.audit.destination.log4j":                               {Type: typ(KindBool), Why: "AuditProviderFactory enables a destination whose key is true"},
	"xasecure.audit.destination.solr.force.use.inmemory.jaas.config": {Type: typ(KindBool), Why: "Boolean (SolrAuditDestination)"},
	"xasecure.audit.destination.solr.urls":                           {Type: typ(KindList), Why: "comma-separated Solr URLs"},
	"xasecure.audit.destination.solr.zookeepers":                     {Type: typ(KindList), Why: "ZooKeeper connect string"},
	"xasecure.audit.destination.elasticsearch.urls":                  {Type: typ(KindList), Why: "comma-separated hosts"},
	"xasecure.audit.destination.elasticsearch.port":                  {Type: typ(KindInt), Why: "a port"},
	"xasecure.audit.destination.elasticsearch.protocol":              {Type: oneOf("http", "https"), Why: "URL scheme (ElasticSearchAuditDestination)"},
	"xasecure.audit.jaas.Client.option.useKeyTab":                    {Type: typ(KindBool), Why: "Krb5LoginModule option"},
	"xasecure.audit.jaas.Client.option.storeKey":                     {Type: typ(KindBool), Why: "Krb5LoginModule option"},
	"xasecure.audit.jaas.Client.option.useTicketCache":               {Type: typ(KindBool), Why: "Krb5LoginModule option"},
	"xasecure.audit.jaas.Client.loginModuleControlFlag":              {Type: oneOf("required", "requisite", "sufficient", "optional"), Why: "JAAS control flags"},
	"xasecure.audit.kafka.broker_list":                               {Type: typ(KindList), Why: "comma-separated host:port list"},
	"ranger.authentication.method":                                   {Type: oneOf("NONE", "UNIX", "LDAP", "ACTIVE_DIRECTORY", "PAM", "KERBEROS"), Why: "RangerAuthenticationProvider methods"},
	"ranger.audit.source.type":                                       {Type: oneOf("db", "solr", "elasticsearch", "cloudwatch"), Why: "audit stores Ranger Admin reads"},
	"ranger.audit.elasticsearch.port":                                {Type: typ(KindInt), Why: "a port"},
	"ranger.users.roles.list":                                        {Type: typ(KindList), Why: whyCSV},
}

// familySecretOverrides corrects Hadoop's redaction patterns for the
// other files.
var familySecretOverrides = map[string]secretOverride{
	"ranger.service.https.attrib.keystore.pass": secretIf(true, "the HTTPS keystore password"),
	"ranger.password.encryption.key":            secretIf(true, "the key Ranger Admin encrypts stored passwords with"),
	"ranger.password.salt":                      secretIf(true, "salt of the password encryption"),
}

// rangerAdminSamples are ranger-admin-site.xml values that are installer
// samples, not defaults (setup.sh replaces them from install.properties).
var rangerAdminSamples = map[string]string{
	"ranger.jpa.jdbc.url":                       "a sample MySQL URL",
	"ranger.jpa.jdbc.user":                      "a sample database user",
	"ranger.jpa.jdbc.password":                  "a sample password",
	"ranger.audit.solr.urls":                    "holds the ##solr_host## installer token",
	"ranger.ldap.ad.domain":                     "example.com",
	"ranger.ldap.ad.base.dn":                    "example.com",
	"ranger.ldap.ad.bind.dn":                    "example.com",
	"ranger.ldap.user.dnpattern":                "sample directory",
	"ranger.ldap.group.searchbase":              "sample directory",
	"ranger.ldap.group.searchfilter":            "sample directory",
	"ranger.service.https.attrib.keystore.pass": "a placeholder password",
	"ranger.externalurl":                        "localhost sample",
	"ranger.sso.providerurl":                    "localhost sample",
}

// literalNames look like placeholders to placeholderRegex but are keys.
var literalNames = map[string]bool{
	"ranger.log.SC_NOT_MODIFIED": true, // RangerConfigUtil: logs HTTP 304 (HttpServletResponse.SC_NOT_MODIFIED) responses
}
