package main

// This file holds the reviewed tables: decisions a parser cannot take from
// the upstream documents alone. Every entry carries the reason it holds;
// Java class names cite where the behaviour was checked (Hadoop 3.4.1,
// Kafka 3.9, ZooKeeper 3.9.5).

// override is a reviewed type for a key whose inference is wrong or
// ambiguous, with the unit of a plain number when the name does not say it.
type override struct {
	Type Type
	Unit string
	Why  string
}

// typ is the plain type of a kind.
func typ(k Kind) Type { return Type{Kind: k} }

// oneOf is an enumeration of string values.
func oneOf(values ...string) Type { return Type{Kind: KindEnum, Values: values} }

// listOf is a comma-separated list of enumeration values.
func listOf(values ...string) Type { return Type{Kind: KindEnumList, Values: values} }

// intIn is an integer within CUE bounds such as ">=1 & <=32767".
func intIn(bounds string) Type { return Type{Kind: KindInt, Bounds: bounds} }

// secretOverride is a reviewed secret-ness decision.
type secretOverride struct {
	secret bool
	why    string
}

// secretIf records a secret-ness decision and its reason.
func secretIf(secret bool, why string) secretOverride { return secretOverride{secret, why} }

// hadoopPlaceholders are the placeholders in upstream Hadoop names, with
// the regular expression a concrete name segment must match.
var hadoopPlaceholders = []struct{ token, regex string }{
	{"EXAMPLENAMESERVICE", `[^.]+`},           // a nameservice ID (DFSUtilClient splits keys on '.')
	{"[port_number]", `[0-9]+`},               // an RPC server port (CallQueueManager, DecayRpcScheduler)
	{"EXAMPLECIPHERSUITE", `[^.]+(\.[^.]+)*`}, // a cipher suite in lower case, e.g. aes.ctr.nopadding
}

const (
	whyDirs      = "comma-separated directories (getTrimmedStringCollection)"
	whyClasses   = "comma-separated class names (getClasses / getInstances)"
	whyCSV       = "comma-separated values (getTrimmedStrings)"
	whyOctal     = "octal or symbolic permission (new FsPermission(String), UmaskParser)"
	whySeparator = "a separator character, not a list"
	whyDesc      = "values listed in the upstream description"
	whyGetTD     = "read with getTimeDuration"
	whyGetLB     = "read with getLongBytes"
)

// hadoopTypeOverrides corrects inferHadoop. Keys are upstream names,
// placeholders included.
var hadoopTypeOverrides = map[string]override{
	// core-default.xml
	"fs.trash.interval":                                       {Type: typ(KindNumber), Unit: "m", Why: "TrashPolicyDefault reads it with getFloat, in minutes"},
	"fs.trash.checkpoint.interval":                            {Type: typ(KindNumber), Unit: "m", Why: "TrashPolicyDefault reads it with getFloat, in minutes"},
	"fs.permissions.umask-mode":                               {Type: typ(KindPermission), Why: "octal (022) or symbolic (u=rwx,g=r-x,o=r-x) umask; " + whyOctal},
	"hadoop.caller.context.separator":                         {Type: typ(KindString), Why: whySeparator},
	"fs.s3a.select.input.csv.field.delimiter":                 {Type: typ(KindString), Why: whySeparator},
	"fs.s3a.select.output.csv.field.delimiter":                {Type: typ(KindString), Why: whySeparator},
	"hadoop.security.kms.client.failover.max.retries":         {Type: typ(KindInt), Why: "getInt; empty upstream default means the number of KMS providers"},
	"hadoop.rpc.socket.factory.class.ClientProtocol":          {Type: typ(KindClass), Why: "a SocketFactory class name (NetUtils.getSocketFactory)"},
	"fs.getspaceused.classname":                               {Type: typ(KindClass), Why: "a GetSpaceUsed class name"},
	"hadoop.http.filter.initializers":                         {Type: typ(KindList), Why: whyClasses},
	"io.compression.codecs":                                   {Type: typ(KindList), Why: whyClasses},
	"hadoop.security.group.mapping.providers":                 {Type: typ(KindList), Why: whyCSV},
	"fs.protected.directories":                                {Type: typ(KindList), Why: whyCSV},
	"hadoop.ssl.enabled.protocols":                            {Type: typ(KindList), Why: whyCSV},
	"rpc.metrics.percentiles.intervals":                       {Type: typ(KindList), Why: "comma-separated intervals (getInts)"},
	"hadoop.user.group.metrics.percentiles.intervals":         {Type: typ(KindList), Why: "comma-separated intervals (getInts)"},
	"io.erasurecode.codec.rs-legacy.rawcoders":                {Type: typ(KindList), Why: whyCSV},
	"hadoop.tags.custom":                                      {Type: typ(KindList), Why: whyCSV},
	"hadoop.token.files":                                      {Type: typ(KindList), Why: "comma-separated token files"},
	"hadoop.http.authentication.kerberos.endpoint.whitelist":  {Type: typ(KindList), Why: whyCSV},
	"hadoop.security.group.mapping.ldap.bind.users":           {Type: typ(KindList), Why: "comma-separated bind user aliases"},
	"hadoop.security.group.mapping.ldap.url":                  {Type: typ(KindList), Why: "comma-separated LDAP URLs for failover"},
	"hadoop.security.credential.provider.path":                {Type: typ(KindList), Why: "comma-separated provider URIs"},
	"fs.s3a.security.credential.provider.path":                {Type: typ(KindList), Why: "comma-separated provider URIs"},
	"hadoop.security.sensitive-config-keys":                   {Type: typ(KindList), Why: "comma- or line-separated regular expressions"},
	"fs.s3a.assumed.role.credentials.provider":                {Type: typ(KindList), Why: whyClasses},
	"ha.zookeeper.quorum":                                     {Type: typ(KindList), Why: "comma-separated host:port ZooKeeper connect string"},
	"hadoop.zk.address":                                       {Type: typ(KindList), Why: "comma-separated host:port ZooKeeper connect string"},
	"hadoop.registry.zk.quorum":                               {Type: typ(KindList), Why: "comma-separated host:port ZooKeeper connect string"},
	"dfs.ha.fencing.ssh.private-key-files":                    {Type: typ(KindList), Why: whyCSV},
	"hadoop.security.crypto.codec.classes.EXAMPLECIPHERSUITE": {Type: typ(KindList), Why: whyClasses + ", like the listed suites"},
	"ipc.[port_number].callqueue.capacity.weights":            {Type: typ(KindList), Why: "comma-separated integers (getInts)"},
	"ipc.[port_number].decay-scheduler.service-users":         {Type: typ(KindList), Why: whyCSV},
	"hadoop.security.authentication":                          {Type: oneOf("simple", "kerberos"), Why: whyDesc},
	"hadoop.rpc.protection":                                   {Type: listOf("authentication", "integrity", "privacy"), Why: whyDesc},
	"hadoop.security.group.mapping.ldap.conversion.rule":      {Type: oneOf("to_upper", "to_lower", "none"), Why: whyDesc},
	"hadoop.security.auth_to_local.mechanism":                 {Type: oneOf("hadoop", "MIT"), Why: whyDesc},
	"hadoop.ssl.hostname.verifier":                            {Type: oneOf("DEFAULT", "STRICT", "STRICT_IE6", "DEFAULT_AND_LOCALHOST", "ALLOW_ALL"), Why: whyDesc},
	"hadoop.util.hash.type":                                   {Type: oneOf("murmur", "jenkins"), Why: whyDesc},
	"rpc.metrics.timeunit":                                    {Type: oneOf("NANOSECONDS", "MICROSECONDS", "MILLISECONDS", "SECONDS", "MINUTES", "HOURS", "DAYS"), Why: "a java.util.concurrent.TimeUnit name"},
	"fs.viewfs.rename.strategy":                               {Type: oneOf("SAME_MOUNTPOINT", "SAME_TARGET_URI_ACROSS_MOUNTPOINT", "SAME_FILESYSTEM_ACROSS_MOUNTPOINT"), Why: whyDesc},
	"fs.ftp.data.connection.mode":                             {Type: oneOf("ACTIVE_LOCAL_DATA_CONNECTION_MODE", "PASSIVE_LOCAL_DATA_CONNECTION_MODE", "PASSIVE_REMOTE_DATA_CONNECTION_MODE"), Why: whyDesc},
	"fs.ftp.transfer.mode":                                    {Type: oneOf("STREAM_TRANSFER_MODE", "BLOCK_TRANSFER_MODE", "COMPRESSED_TRANSFER_MODE"), Why: whyDesc},
	"fs.s3a.acl.default":                                      {Type: oneOf("Private", "PublicRead", "PublicReadWrite", "AuthenticatedRead", "LogDeliveryWrite", "BucketOwnerRead", "BucketOwnerFullControl"), Why: whyDesc},
	"fs.s3a.fast.upload.buffer":                               {Type: oneOf("disk", "array", "bytebuffer"), Why: whyDesc},
	"fs.s3a.committer.name":                                   {Type: oneOf("file", "directory", "partitioned", "magic"), Why: whyDesc},
	"fs.s3a.committer.staging.conflict-mode":                  {Type: oneOf("fail", "append", "replace"), Why: whyDesc},
	"fs.s3a.select.input.csv.header":                          {Type: oneOf("none", "ignore", "use"), Why: whyDesc},
	"fs.s3a.select.input.compression":                         {Type: oneOf("none", "gzip"), Why: whyDesc},
	"fs.s3a.select.output.csv.quote.fields":                   {Type: oneOf("always", "asneeded"), Why: whyDesc},
	"fs.s3a.change.detection.source":                          {Type: oneOf("etag", "versionid"), Why: whyDesc},
	"fs.s3a.change.detection.mode":                            {Type: oneOf("server", "client", "warn", "none"), Why: whyDesc},
	"fs.s3a.ssl.channel.mode":                                 {Type: oneOf("default_jsse", "default_jsse_with_gcm", "default", "openssl"), Why: whyDesc},
	"fs.adl.oauth2.access.token.provider.type":                {Type: oneOf("ClientCredential", "RefreshToken", "MSI", "DeviceCode", "Custom"), Why: whyDesc},
	"hadoop.service.shutdown.timeout":                         {Type: typ(KindDuration), Unit: "s", Why: whyGetTD + " in seconds (ShutdownHookManager)"},
	"fs.s3a.connection.establish.timeout":                     {Type: typ(KindDuration), Unit: "ms", Why: whyGetTD + " in milliseconds (S3A ConnectionSettings)"},
	"fs.s3a.connection.timeout":                               {Type: typ(KindDuration), Unit: "ms", Why: whyGetTD + " in milliseconds (S3A ConnectionSettings)"},
	"fs.s3a.connection.ttl":                                   {Type: typ(KindDuration), Unit: "ms", Why: whyGetTD + " in milliseconds (S3A ConnectionSettings)"},
	"fs.s3a.retry.interval":                                   {Type: typ(KindDuration), Unit: "ms", Why: whyGetTD + " in milliseconds (S3ARetryPolicy)"},
	"fs.s3a.retry.throttle.interval":                          {Type: typ(KindDuration), Unit: "ms", Why: whyGetTD + " in milliseconds (S3ARetryPolicy)"},
	"fs.s3a.threads.keepalivetime":                            {Type: typ(KindDuration), Unit: "s", Why: whyGetTD + " in seconds (S3AFileSystem)"},
	"fs.s3a.multipart.purge.age":                              {Type: typ(KindDuration), Unit: "s", Why: whyGetTD + " in seconds (S3AFileSystem)"},
	"fs.s3a.assumed.role.session.duration":                    {Type: typ(KindDuration), Unit: "s", Why: whyGetTD + " in seconds (AssumedRoleCredentialProvider)"},
	"fs.azure.sas.expiry.period":                              {Type: typ(KindDuration), Unit: "s", Why: whyGetTD + " in seconds (AbfsConfiguration)"},

	// hdfs-default.xml
	"dfs.replication":                                           {Type: intIn(">=1 & <=32767"), Why: "at least one replica; BlockManager keeps it in a short"},
	"dfs.namenode.replication.min":                              {Type: intIn(">=1"), Why: "BlockManager.initMinReplication rejects values <= 0"},
	"dfs.replication.max":                                       {Type: intIn(">=1 & <=32767"), Why: "BlockManager.initMaxReplication rejects values > Short.MAX_VALUE"},
	"dfs.webhdfs.oauth2.access.token.provider":                  {Type: typ(KindClass), Why: "an AccessTokenProvider class name"},
	"dfs.namenode.name.dir":                                     {Type: typ(KindList), Why: whyDirs},
	"dfs.namenode.edits.dir":                                    {Type: typ(KindList), Why: whyDirs},
	"dfs.namenode.checkpoint.dir":                               {Type: typ(KindList), Why: whyDirs},
	"dfs.namenode.checkpoint.edits.dir":                         {Type: typ(KindList), Why: whyDirs},
	"dfs.datanode.data.dir":                                     {Type: typ(KindList), Why: whyDirs},
	"dfs.namenode.edits.dir.required":                           {Type: typ(KindList), Why: whyDirs},
	"dfs.namenode.resource.checked.volumes":                     {Type: typ(KindList), Why: whyDirs},
	"dfs.nameservices":                                          {Type: typ(KindList), Why: "comma-separated nameservice IDs"},
	"dfs.internal.nameservices":                                 {Type: typ(KindList), Why: "comma-separated nameservice IDs"},
	"dfs.ha.namenodes.EXAMPLENAMESERVICE":                       {Type: typ(KindList), Why: "comma-separated NameNode IDs"},
	"dfs.client.local.interfaces":                               {Type: typ(KindList), Why: whyCSV},
	"dfs.namenode.audit.loggers":                                {Type: typ(KindList), Why: whyClasses},
	"dfs.namenode.audit.log.debug.cmdlist":                      {Type: typ(KindList), Why: whyCSV},
	"dfs.datanode.plugins":                                      {Type: typ(KindList), Why: whyClasses},
	"dfs.namenode.plugins":                                      {Type: typ(KindList), Why: whyClasses},
	"dfs.metrics.percentiles.intervals":                         {Type: typ(KindList), Why: "comma-separated intervals (getInts)"},
	"dfs.namenode.rpc-address.auxiliary-ports":                  {Type: typ(KindList), Why: "comma-separated ports (getInts)"},
	"dfs.datanode.httpserver.filter.handlers":                   {Type: typ(KindList), Why: whyClasses},
	"dfs.namenode.ip-proxy-users":                               {Type: typ(KindList), Why: whyCSV},
	"dfs.namenode.inode.attributes.provider.bypass.users":       {Type: typ(KindList), Why: whyCSV},
	"dfs.block.local-path-access.user":                          {Type: typ(KindList), Why: whyCSV},
	"dfs.webhdfs.acl.provider.permission.pattern":               {Type: typ(KindString), Why: "a regular expression that contains commas"},
	"dfs.provided.aliasmap.text.delimiter":                      {Type: typ(KindString), Why: whySeparator},
	"dfs.namenode.lifeline.handler.count":                       {Type: typ(KindInt), Why: "getInt; unset upstream"},
	"dfs.namenode.safemode.replication.min":                     {Type: typ(KindInt), Why: "getInt; unset upstream"},
	"dfs.datanode.parallel.volumes.load.threads.num":            {Type: typ(KindInt), Why: "getInt; unset upstream"},
	"dfs.datanode.volumes.replica-add.threadpool.size":          {Type: typ(KindInt), Why: "getInt; unset upstream"},
	"dfs.journalnode.edit-cache-size.bytes":                     {Type: typ(KindInt), Why: "getInt; unset upstream"},
	"dfs.datanode.lifeline.interval.seconds":                    {Type: typ(KindInt), Why: "DNConf reads it with getLong"},
	"dfs.client.read.prefetch.size":                             {Type: typ(KindInt), Unit: "B", Why: "DfsClientConf reads it with getLong"},
	"dfs.namenode.upgrade.domain.factor":                        {Type: typ(KindInt), Why: "getInt; the upstream default refers to dfs.replication"},
	"dfs.client.cache.drop.behind.reads":                        {Type: typ(KindBool), Why: "Boolean, unset upstream"},
	"dfs.client.cache.drop.behind.writes":                       {Type: typ(KindBool), Why: "Boolean, unset upstream"},
	"dfs.web.authentication.simple.anonymous.allowed":           {Type: typ(KindBool), Why: "Boolean, unset upstream"},
	"dfs.client.failover.proxy.provider":                        {Type: typ(KindClass), Why: "a FailoverProxyProvider class name"},
	"dfs.datanode.fsdataset.factory":                            {Type: typ(KindClass), Why: "a class name"},
	"dfs.datanode.fsdataset.volume.choosing.policy":             {Type: typ(KindClass), Why: "a class name"},
	"dfs.datanode.ram.disk.replica.tracker":                     {Type: typ(KindClass), Why: "a class name"},
	"dfs.namenode.storage.dir.perm":                             {Type: typ(KindPermission), Why: whyOctal},
	"dfs.datanode.data.dir.perm":                                {Type: typ(KindPermission), Why: whyOctal},
	"dfs.journalnode.edits.dir.perm":                            {Type: typ(KindPermission), Why: whyOctal},
	"dfs.http.policy":                                           {Type: oneOf("HTTP_ONLY", "HTTPS_ONLY", "HTTP_AND_HTTPS"), Why: "HttpConfig.Policy"},
	"dfs.checksum.type":                                         {Type: oneOf("NULL", "CRC32", "CRC32C"), Why: "DataChecksum.Type"},
	"dfs.checksum.combine.mode":                                 {Type: oneOf("MD5MD5CRC", "COMPOSITE_CRC"), Why: "ChecksumCombineMode"},
	"dfs.client.block.write.replace-datanode-on-failure.policy": {Type: oneOf("DEFAULT", "ALWAYS", "NEVER"), Why: whyDesc},
	"dfs.storage.policy.satisfier.mode":                         {Type: oneOf("external", "none"), Why: whyDesc},
	"dfs.storage.default.policy":                                {Type: oneOf("HOT", "WARM", "COLD", "ALL_SSD", "ONE_SSD", "LAZY_PERSIST", "PROVIDED", "ALL_NVDIMM"), Why: whyDesc + " (HdfsConstants storage policies)"},
	"dfs.encrypt.data.transfer.algorithm":                       {Type: oneOf("3des", "rc4"), Why: whyDesc},
	"dfs.data.transfer.protection":                              {Type: listOf("authentication", "integrity", "privacy"), Why: whyDesc},
	"dfs.namenode.safemode.extension":                           {Type: typ(KindDuration), Unit: "ms", Why: whyGetTD + " in milliseconds (BlockManagerSafeMode)"},
	"dfs.ha.tail-edits.period":                                  {Type: typ(KindDuration), Unit: "s", Why: whyGetTD + " in seconds (EditLogTailer)"},
	"dfs.ha.tail-edits.period.backoff-max":                      {Type: typ(KindDuration), Unit: "s", Why: whyGetTD + " in seconds (EditLogTailer)"},
	"dfs.balancer.service.interval":                             {Type: typ(KindDuration), Unit: "ms", Why: whyGetTD + " in milliseconds (Balancer)"},
	"dfs.balancer.getBlocks.hot-time-interval":                  {Type: typ(KindDuration), Unit: "ms", Why: whyGetTD + " in milliseconds (Balancer)"},
	"dfs.datanode.processcommands.threshold":                    {Type: typ(KindDuration), Unit: "ms", Why: whyGetTD + " in milliseconds (DNConf)"},
	"dfs.datanode.replica.cache.expiry.time":                    {Type: typ(KindDuration), Unit: "ms", Why: whyGetTD + " in milliseconds (ReplicaCachingGetSpaceUsed)"},
	"dfs.lock.suppress.warning.interval":                        {Type: typ(KindDuration), Unit: "ms", Why: whyGetTD + " in milliseconds (FSNamesystemLock)"},
	"dfs.namenode.reencrypt.sleep.interval":                     {Type: typ(KindDuration), Unit: "ms", Why: whyGetTD + " in milliseconds (ReencryptionHandler)"},
	"dfs.namenode.slowpeer.collect.interval":                    {Type: typ(KindDuration), Unit: "ms", Why: whyGetTD + " in milliseconds (DatanodeManager)"},
	"dfs.client.fsck.connect.timeout":                           {Type: typ(KindDuration), Unit: "ms", Why: whyGetTD + " in milliseconds (DFSck)"},
	"dfs.client.fsck.read.timeout":                              {Type: typ(KindDuration), Unit: "ms", Why: whyGetTD + " in milliseconds (DFSck)"},
	"dfs.namenode.blockreport.max.lock.hold.time":               {Type: typ(KindDuration), Unit: "ms", Why: whyGetTD + " in milliseconds (BlockManager)"},
	"dfs.balancer.getBlocks.size":                               {Type: typ(KindSize), Why: whyGetLB + " (Balancer)"},
	"dfs.balancer.getBlocks.min-block-size":                     {Type: typ(KindSize), Why: whyGetLB + " (Balancer)"},
	"dfs.balancer.max-size-to-move":                             {Type: typ(KindSize), Why: whyGetLB + " (Balancer)"},
	"dfs.datanode.data.transfer.bandwidthPerSec":                {Type: typ(KindSize), Why: whyGetLB + " (DataXceiverServer)"},
	"dfs.datanode.data.write.bandwidthPerSec":                   {Type: typ(KindSize), Why: whyGetLB + " (DataXceiverServer)"},
	"dfs.datanode.data.read.bandwidthPerSec":                    {Type: typ(KindSize), Why: whyGetLB + " (DataXceiverServer)"},
	"dfs.datanode.ec.reconstruct.read.bandwidthPerSec":          {Type: typ(KindSize), Why: whyGetLB + " (ErasureCodingWorker)"},
	"dfs.datanode.ec.reconstruct.write.bandwidthPerSec":         {Type: typ(KindSize), Why: whyGetLB + " (ErasureCodingWorker)"},
}

// hadoopSecretOverrides corrects Hadoop's redaction patterns
// (hadoop.security.sensitive-config-keys), which also redact identifiers,
// URLs and class names, and miss the ZooKeeper digest credentials.
var hadoopSecretOverrides = map[string]secretOverride{
	"hadoop.security.sensitive-config-keys":    secretIf(false, "a list of key patterns"),
	"fs.adl.oauth2.access.token.provider":      secretIf(false, "a class name"),
	"fs.adl.oauth2.access.token.provider.type": secretIf(false, "an enumeration"),
	"fs.adl.oauth2.refresh.url":                secretIf(false, "a URL"),
	"fs.adl.oauth2.msi.port":                   secretIf(false, "a port"),
	"fs.adl.oauth2.client.id":                  secretIf(false, "an application identifier"),
	"fs.adl.oauth2.devicecode.clientapp.id":    secretIf(false, "an application identifier"),
	"dfs.webhdfs.oauth2.access.token.provider": secretIf(false, "a class name"),
	"fs.s3a.encryption.algorithm":              secretIf(false, "an algorithm name"),
	"hadoop.zk.auth":                           secretIf(true, "digest:user:password credentials"),
	"ha.zookeeper.auth":                        secretIf(true, "digest:user:password credentials"),
}

// hadoopDeprecationHomes scopes deprecations registered by a
// server-specific class to that server's file: the deprecation table of a
// JVM only holds them once that class is loaded.
var hadoopDeprecationHomes = map[string]string{
	"HttpFSServerWebServer.java": "httpfs-site.xml",
}

// kafkaTypeOverrides replaces the type Kafka's "Valid Values" implies.
var kafkaTypeOverrides = map[string]override{
	"inter.broker.protocol.version": {Type: typ(KindVersion),
		Why: "MetadataVersion.fromVersionString also accepts short forms such as 3.9 or 3.9.0, which the listed values omit"},
	"log.message.format.version": {Type: typ(KindVersion),
		Why: "validated like inter.broker.protocol.version"},
}

// kafkaIgnoredValidValues are "Valid Values" texts (ConfigDef validator
// names) that state no constraint the catalog can check, with the reason.
var kafkaIgnoredValidValues = map[string]string{
	"non-empty list":  "controller.quorum.* validators: the default \"\" passes them (ConfigDef validates defaults), so empty is valid",
	"non-null string": "any string; the catalog has no null",
}

// kafkaProseValidValues are keys whose "Valid Values" cell holds prose
// instead of a range or a list.
var kafkaProseValidValues = map[string]string{
	"remote.log.manager.copier.thread.pool.size":     "-1 or a pool size; no range given",
	"remote.log.manager.expiration.thread.pool.size": "-1 or a pool size; no range given",
}

// zkExplicitKeys are the keys QuorumPeerConfig.parseProperties (3.9.5)
// handles itself; every other key K becomes the system property
// "zookeeper.K". metricsProvider.* is handled as a prefix (zkIsExplicit).
var zkExplicitKeys = map[string]bool{
	"dataDir": true, "dataLogDir": true, "clientPort": true, "localSessionsEnabled": true,
	"localSessionsUpgradingEnabled": true, "clientPortAddress": true, "secureClientPort": true,
	"secureClientPortAddress": true, "observerMasterPort": true, "clientPortListenBacklog": true,
	"tickTime": true, "maxClientCnxns": true, "minSessionTimeout": true, "maxSessionTimeout": true,
	"initLimit": true, "syncLimit": true, "connectToLearnerMasterLimit": true, "electionAlg": true,
	"quorumListenOnAllIPs": true, "peerType": true, "syncEnabled": true, "dynamicConfigFile": true,
	"autopurge.snapRetainCount": true, "autopurge.purgeInterval": true, "standaloneEnabled": true,
	"reconfigEnabled": true, "sslQuorum": true, "portUnification": true, "sslQuorumReloadCertFiles": true,
	"quorum.auth.enableSasl": true, "quorum.auth.serverRequireSasl": true, "quorum.auth.learnerRequireSasl": true,
	"quorum.auth.learner.saslLoginContext": true, "quorum.auth.server.saslLoginContext": true,
	"quorum.auth.kerberos.servicePrincipal": true, "quorum.cnxn.threads.size": true,
	"jvm.pause.info-threshold.ms": true, "jvm.pause.warn-threshold.ms": true, "jvm.pause.sleep.time.ms": true,
	"jvm.pause.monitor": true, "multiAddress.enabled": true, "multiAddress.reachabilityCheckTimeoutMs": true,
	"multiAddress.reachabilityCheckEnabled": true,
}

// zkSourceOnlyKeys are keys QuorumPeerConfig parses that the
// administrator's guide does not document; their facts are in zkFacts.
var zkSourceOnlyKeys = map[string]string{
	"secureClientPortAddress":               "QuorumPeerConfig.parseProperties",
	"peerType":                              "QuorumPeerConfig.parseProperties",
	"dynamicConfigFile":                     "QuorumPeerConfig.parseProperties (dynamic reconfiguration)",
	"portUnification":                       "QuorumPeerConfig.parseProperties (quorum port unification)",
	"quorum.auth.enableSasl":                "QuorumAuth.QUORUM_SASL_AUTH_ENABLED",
	"quorum.auth.serverRequireSasl":         "QuorumAuth.QUORUM_SERVER_SASL_AUTH_REQUIRED",
	"quorum.auth.learnerRequireSasl":        "QuorumAuth.QUORUM_LEARNER_SASL_AUTH_REQUIRED",
	"quorum.auth.learner.saslLoginContext":  "QuorumAuth.QUORUM_LEARNER_SASL_LOGIN_CONTEXT",
	"quorum.auth.server.saslLoginContext":   "QuorumAuth.QUORUM_SERVER_SASL_LOGIN_CONTEXT",
	"quorum.auth.kerberos.servicePrincipal": "QuorumAuth.QUORUM_KERBEROS_SERVICE_PRINCIPAL",
	"quorum.cnxn.threads.size":              "QuorumPeerConfig.parseProperties",
	"jvm.pause.info-threshold.ms":           "JvmPauseMonitor.INFO_THRESHOLD_KEY",
	"jvm.pause.warn-threshold.ms":           "JvmPauseMonitor.WARN_THRESHOLD_KEY",
	"jvm.pause.sleep.time.ms":               "JvmPauseMonitor.SLEEP_TIME_MS_KEY",
	"jvm.pause.monitor":                     "JvmPauseMonitor.JVM_PAUSE_MONITOR_FEATURE_SWITCH_KEY",
}

// zkSkippedNames are the documented parameters that cannot be set in
// zoo.cfg; TestZooKeeperSkipped checks the parser skips exactly these.
var zkSkippedNames = map[string]string{
	"Read Only Mode Server":                  "system property readonlymode.enabled has no zookeeper. prefix",
	"jute.maxbuffer":                         "system property jute.maxbuffer has no zookeeper. prefix",
	"znode.container.checkIntervalMs":        "ContainerManager reads the system property without zookeeper. prefix",
	"znode.container.maxPerMinute":           "ContainerManager reads the system property without zookeeper. prefix",
	"znode.container.maxNeverUsedIntervalMs": "ContainerManager reads the system property without zookeeper. prefix",
}

// zkSysPropFixes correct system property names the guide gets wrong.
var zkSysPropFixes = map[string]struct{ sysProp, why string }{
	"requestThrottleDropStale": {"zookeeper.request_throttle_drop_stale",
		"the guide omits the prefix; RequestThrottler reads zookeeper.request_throttle_drop_stale"},
}

// zkPatternBullets are bullets documenting a key family, which patterns.cue
// covers, with a key of the family for the tests.
var zkPatternBullets = map[string]string{
	"server.x=[hostname]:nnnnn[:nnnnn] etc": "server.1",
	"group.x=nnnnn[:nnnnn]":                 "group.1",
	"weight.x=nnnnn":                        "weight.1",
	"authProvider":                          "authProvider.1",
}

// zkFact is the reviewed type and default of a zoo.cfg key whose prose
// states them in a form zkDefault cannot read, or not at all.
type zkFact struct {
	Type    Type
	Default string
	Unit    string
	Why     string
}

const (
	whyZKUnset   = "no fixed default (derived at runtime)"
	whyZKProse   = "default stated in prose"
	whyZKYesNo   = "compared with \"yes\"/\"no\""
	whyZKList    = "comma-separated list"
	whyZKSource  = "default from the source"
	whyZKBoolean = "read with Boolean.getBoolean / parseBoolean"
)

// zkFacts types zoo.cfg keys; keys not listed here are typed from the
// default their bullet states (zkDefault) and their name (zkNameKinds).
var zkFacts = map[string]zkFact{
	"4lw.commands.whitelist":                           {typ(KindList), "srvr", "", whyZKList},
	"DigestAuthenticationProvider.digestAlg":           {typ(KindString), "SHA1", "", whyZKProse},
	"DigestAuthenticationProvider.superDigest":         {typ(KindString), "", "", "user:base64(sha1) digest"},
	"X509AuthenticationProvider.superUser":             {typ(KindString), "", "", "an X500 principal"},
	"admin.commandURL":                                 {typ(KindString), "/commands", "", whyZKProse},
	"admin.enableServer":                               {typ(KindBool), "true", "", whyZKProse},
	"admin.forceHttps":                                 {typ(KindBool), "false", "", whyZKProse},
	"admin.idleTimeout":                                {typ(KindInt), "30000", "ms", whyZKProse},
	"admin.portUnification":                            {typ(KindBool), "false", "", whyZKProse},
	"admin.rateLimiterIntervalInMS":                    {typ(KindInt), "300000", "ms", whyZKProse + " (5 minutes)"},
	"admin.serverAddress":                              {typ(KindString), "0.0.0.0", "", whyZKProse},
	"audit.impl.class":                                 {typ(KindClass), "org.apache.zookeeper.audit.Slf4jAuditLogger", "", whyZKProse},
	"clientPortListenBacklog":                          {typ(KindInt), "-1", "", whyZKProse},
	"cnxTimeout":                                       {typ(KindInt), "5000", "ms", whyZKProse + " (5 seconds)"},
	"commitProcessor.maxReadBatchSize":                 {typ(KindInt), "-1", "", whyZKProse},
	"commitProcessor.numWorkerThreads":                 {typ(KindInt), "", "", whyZKUnset},
	"connectToLearnerMasterLimit":                      {typ(KindInt), "", "tick", "defaults to initLimit"},
	"connection_throttle_decrease_ratio":               {typ(KindNumber), "0", "", "a ratio"},
	"connection_throttle_fill_time":                    {typ(KindInt), "1", "ms", whyZKProse},
	"connection_throttle_freeze_time":                  {typ(KindInt), "-1", "ms", whyZKProse},
	"digest.enabled":                                   {typ(KindBool), "true", "", whyZKProse},
	"electionAlg":                                      {intIn("3"), "3", "", "only 3 is accepted (QuorumPeerConfig)"},
	"electionPortBindRetry":                            {typ(KindInt), "3", "", whyZKProse},
	"emulate353TTLNodes":                               {typ(KindBool), "false", "", whyZKBoolean},
	"enforce.auth.enabled":                             {typ(KindBool), "false", "", whyZKProse},
	"enforce.auth.schemes":                             {typ(KindList), "", "", whyZKList},
	"enforceQuota":                                     {typ(KindBool), "false", "", whyZKProse},
	"ensembleAuthName":                                 {typ(KindList), "", "", whyZKList},
	"extendedTypesEnabled":                             {typ(KindBool), "false", "", whyZKProse},
	"fastleader.maxNotificationInterval":               {typ(KindInt), "60000", "ms", whyZKSource},
	"fastleader.minNotificationInterval":               {typ(KindInt), "200", "ms", whyZKSource},
	"flushDelay":                                       {typ(KindInt), "0", "ms", whyZKProse},
	"follower.skipLearnerRequestToNextProcessor":       {typ(KindBool), "false", "", whyZKBoolean},
	"forceSync":                                        {oneOf("yes", "no"), "yes", "", whyZKYesNo},
	"fsync.warningthresholdms":                         {typ(KindInt), "1000", "ms", whyZKProse},
	"globalOutstandingLimit":                           {typ(KindInt), "1000", "", whyZKProse},
	"initLimit":                                        {typ(KindInt), "", "tick", "required in a quorum"},
	"jute.maxbuffer.extrasize":                         {typ(KindInt), "", "B", "defaults to jute.maxbuffer"},
	"largeRequestMaxBytes":                             {typ(KindInt), "104857600", "B", whyZKProse + " (100 * 1024 * 1024)"},
	"largeRequestThreshold":                            {typ(KindInt), "-1", "B", whyZKProse},
	"leader.maxTimeToWaitForEpoch":                     {typ(KindInt), "", "ms", "no default stated"},
	"leaderServes":                                     {oneOf("yes", "no"), "yes", "", whyZKYesNo},
	"maxGetChildrenResponseCacheSize":                  {typ(KindInt), "400", "", whyZKProse},
	"maxInProcessingDeadWatchers":                      {typ(KindInt), "-1", "", "no limit by default"},
	"maxResponseCacheSize":                             {typ(KindInt), "400", "", whyZKProse},
	"maxSessionTimeout":                                {typ(KindInt), "", "ms", "defaults to 20 ticks"},
	"maxWriteQueuePollTime":                            {typ(KindInt), "", "ms", "defaults to flushDelay/3"},
	"metricsProvider.className":                        {typ(KindClass), "org.apache.zookeeper.metrics.impl.DefaultMetricsProvider", "", whyZKSource},
	"metricsProvider.httpHost":                         {typ(KindString), "0.0.0.0", "", whyZKProse},
	"metricsProvider.workerShutdownTimeoutMs":          {typ(KindInt), "1000", "ms", whyZKProse},
	"minSessionTimeout":                                {typ(KindInt), "", "ms", "defaults to 2 ticks"},
	"netty.advancedFlowControl.enabled":                {typ(KindBool), "false", "", whyZKBoolean},
	"netty.server.earlyDropSecureConnectionHandshakes": {typ(KindBool), "false", "", whyZKProse},
	"netty.server.outstandingHandshake.limit":          {typ(KindInt), "", "", "no default stated"},
	"nio.numSelectorThreads":                           {typ(KindInt), "", "", whyZKUnset},
	"nio.numWorkerThreads":                             {typ(KindInt), "", "", whyZKUnset},
	"preAllocSize":                                     {typ(KindInt), "65536", "KiB", whyZKProse + " (64M)"},
	"request_stale_connection_check":                   {typ(KindBool), "true", "", whyZKProse},
	"request_stale_latency_check":                      {typ(KindBool), "false", "", whyZKProse},
	"request_throttle_drop_stale":                      {typ(KindBool), "true", "", whyZKSource},
	"request_throttle_stall_time":                      {typ(KindInt), "100", "ms", whyZKProse},
	"request_throttler.shutdownTimeout":                {typ(KindInt), "10000", "ms", whyZKProse},
	"serverCnxnFactory":                                {typ(KindClass), "org.apache.zookeeper.server.NIOServerCnxnFactory", "", whyZKProse + " (fully qualified)"},
	"sessionRequireClientSASLAuth":                     {typ(KindBool), "false", "", whyZKProse},
	"skipACL":                                          {oneOf("yes", "no"), "no", "", whyZKYesNo},
	"snapCount":                                        {typ(KindInt), "100000", "", whyZKProse},
	"snapSizeLimitInKb":                                {typ(KindInt), "4194304", "KiB", whyZKProse},
	"snapshot.compression.method":                      {oneOf("", "gz", "snappy"), "", "", whyZKProse},
	"ssl.authProvider":                                 {typ(KindString), "x509", "", "an authentication scheme name"},
	"ssl.ciphersuites":                                 {typ(KindList), "", "", whyZKList},
	"ssl.quorum.ciphersuites":                          {typ(KindList), "", "", whyZKList},
	"ssl.clientAuth":                                   {oneOf("none", "want", "need"), "need", "", whyZKProse},
	"ssl.quorum.clientAuth":                            {oneOf("none", "want", "need"), "need", "", whyZKProse},
	"ssl.context.supplier.class":                       {typ(KindClass), "", "", "a class name"},
	"ssl.quorum.context.supplier.class":                {typ(KindClass), "", "", "a class name"},
	"ssl.enabledProtocols":                             {typ(KindList), "", "", whyZKList + "; default depends on ssl.protocol"},
	"ssl.quorum.enabledProtocols":                      {typ(KindList), "", "", whyZKList + "; default depends on ssl.protocol"},
	"ssl.handshakeDetectionTimeoutMillis":              {typ(KindInt), "5000", "ms", whyZKSource},
	"ssl.quorum.handshakeDetectionTimeoutMillis":       {typ(KindInt), "5000", "ms", whyZKSource},
	"ssl.keyStore.type":                                {oneOf("JKS", "PEM", "PKCS12"), "", "", whyZKProse + "; unset detects by file name"},
	"ssl.quorum.keyStore.type":                         {oneOf("JKS", "PEM", "PKCS12"), "", "", whyZKProse + "; unset detects by file name"},
	"ssl.trustStore.type":                              {oneOf("JKS", "PEM", "PKCS12"), "", "", whyZKProse + "; unset detects by file name"},
	"ssl.quorum.trustStore.type":                       {oneOf("JKS", "PEM", "PKCS12"), "", "", whyZKProse + "; unset detects by file name"},
	"ssl.protocol":                                     {typ(KindString), "", "", "TLSv1.3 or TLSv1.2 depending on the JRE"},
	"ssl.quorum.protocol":                              {typ(KindString), "", "", "TLSv1.3 or TLSv1.2 depending on the JRE"},
	"ssl.sslProvider":                                  {oneOf("JDK", "OPENSSL", "OPENSSL_REFCNT"), "JDK", "", "io.netty.handler.ssl.SslProvider"},
	"superUser":                                        {typ(KindString), "", "", "a SASL user name"},
	"syncEnabled":                                      {typ(KindBool), "true", "", whyZKSource},
	"syncLimit":                                        {typ(KindInt), "", "tick", "required in a quorum"},
	"throttled_op_wait_time":                           {typ(KindInt), "0", "ms", whyZKProse},
	"tickTime":                                         {typ(KindInt), "", "ms", "required"},
	"txnLogSizeLimitInKb":                              {typ(KindInt), "-1", "KiB", "off by default"},
	"watchManagerName":                                 {typ(KindClass), "org.apache.zookeeper.server.watch.WatchManager", "", whyZKSource},
	"watcherCleanIntervalInSeconds":                    {typ(KindInt), "600", "s", whyZKProse + " (10 minutes)"},
	"watcherCleanThreshold":                            {typ(KindInt), "1000", "", whyZKProse},
	"secureClientPortAddress":                          {typ(KindString), "", "", "an address"},
	"peerType":                                         {oneOf("participant", "observer"), "participant", "", "LearnerType"},
	"dynamicConfigFile":                                {typ(KindString), "", "", "a file path"},
	"portUnification":                                  {typ(KindBool), "false", "", whyZKSource},
	"quorum.auth.enableSasl":                           {typ(KindBool), "false", "", whyZKSource},
	"quorum.auth.serverRequireSasl":                    {typ(KindBool), "false", "", whyZKSource},
	"quorum.auth.learnerRequireSasl":                   {typ(KindBool), "false", "", whyZKSource},
	"quorum.auth.learner.saslLoginContext":             {typ(KindString), "QuorumLearner", "", whyZKSource},
	"quorum.auth.server.saslLoginContext":              {typ(KindString), "QuorumServer", "", whyZKSource},
	"quorum.auth.kerberos.servicePrincipal":            {typ(KindString), "zkquorum/localhost", "", whyZKSource},
	"quorum.cnxn.threads.size":                         {typ(KindInt), "20", "", whyZKSource},
	"jvm.pause.info-threshold.ms":                      {typ(KindInt), "1000", "ms", whyZKSource},
	"jvm.pause.warn-threshold.ms":                      {typ(KindInt), "10000", "ms", whyZKSource},
	"jvm.pause.sleep.time.ms":                          {typ(KindInt), "500", "ms", whyZKSource},
	"jvm.pause.monitor":                                {typ(KindBool), "false", "", whyZKSource},
}

// zkSecrets are zoo.cfg keys holding secrets besides the *password keys.
var zkSecrets = map[string]string{
	"DigestAuthenticationProvider.superDigest": "grants super-user access",
}
