package main

// Reviewed decisions for the Spark 3.5.9 catalog (spark-defaults.conf).
// Spark's pages give no types: sparkType infers them from the default and
// the name; the tables below correct or complete that, each with the
// reason (ConfigBuilder definitions in core's config/package.scala,
// SQLConf, Kubernetes Config.scala).

// sparkPlaceholders are the placeholders of upstream names, with the
// regular expression a concrete segment must match. ${ns} is built from
// the SSL "Config Namespace" table of security.html.
var sparkPlaceholders = map[string]string{
	"{resourceName}":            `[^.]+`,                                         // ResourceID: spark.{component}.resource.{name}.{key}
	"{driver|executor}":         `(driver|executor)`,                             // the two components
	"[EnvironmentVariableName]": `[A-Za-z_][A-Za-z0-9_]*`,                        // an environment variable name
	"[EnvName]":                 `[A-Za-z_][A-Za-z0-9_]*`,                        // an environment variable name
	"[LabelName]":               `.+`,                                            // a Kubernetes label key (may hold '.' and '/')
	"[AnnotationName]":          `.+`,                                            // a Kubernetes annotation key
	"[labelKey]":                `.+`,                                            // a Kubernetes label key
	"[SecretName]":              `.+`,                                            // a Kubernetes secret name (DNS subdomain)
	"[VolumeType]":              `(hostPath|emptyDir|nfs|persistentVolumeClaim)`, // KubernetesVolumeUtils volume types
	"[VolumeName]":              `[^.]+`,                                         // split on '.' by KubernetesVolumeUtils
	"[OptionName]":              `[^.]+`,                                         // a volume option
	"${service}":                `[^.]+`,                                         // a HadoopDelegationTokenProvider service name
	"*":                         `.+`,                                            // a pass-through family (spark.network.crypto.config.*)
}

// sparkNoDefault are Default cells meaning "no default".
var sparkNoDefault = map[string]bool{
	"": true, "(none)": true, "None": true, "none": true, "(not set)": true, "not set": true,
	"Not set": true, "(random)": true, "See description": true, "infinity": true,
}

// sparkDefaultRewrites turn a symbolic default into its value.
var sparkDefaultRewrites = map[string]string{
	"Int.MaxValue":            "2147483647",
	"Long.MAX_VALUE":          "9223372036854775807",
	"schedulerBacklogTimeout": "spark.dynamicAllocation.schedulerBacklogTimeout",
}

// sparkSpacedDefaults are literal defaults that contain blanks.
var sparkSpacedDefaults = map[string]bool{
	"%d{yy/MM/dd HH:mm:ss.SSS} %t %p %c{1}: %m%n%ex":                      true,
	"Copy,PS Scavenge,ParNew,G1 Young Generation":                         true,
	"MarkSweepCompact,PS MarkSweep,ConcurrentMarkSweep,G1 Old Generation": true,
	"1; mode=block": true,
}

// sparkProseDefaults are keys whose Default cell describes a computed
// value; the catalog records no default for them.
var sparkProseDefaults = map[string]string{
	"spark.driver.memoryOverhead":                 "driverMemory * factor, at least 384 MiB",
	"spark.executor.memoryOverhead":               "executorMemory * factor, at least 384 MiB",
	"spark.executor.cores":                        "depends on the cluster manager",
	"spark.default.parallelism":                   "depends on the cluster manager",
	"spark.sql.warehouse.dir":                     "$PWD/spark-warehouse",
	"spark.sql.session.timeZone":                  "the local time zone",
	"spark.driver.host":                           "the local host name",
	"spark.executor.maxNumFailures":               "numExecutors * 2, at least 3",
	"spark.scheduler.minRegisteredResourcesRatio": "depends on the cluster manager",
}

// sparkTypeOverrides correct sparkType.
var sparkTypeOverrides = map[string]override{
	"spark.task.resource.{resourceName}.amount":                                {Type: Type{Kind: KindNumber, Bounds: ">0"}, Why: "doubleConf; a fraction shares a resource between tasks"},
	"spark.kubernetes.driver.volumes.[VolumeType].[VolumeName].mount.readOnly": {Type: typ(KindBool), Why: "like the executor key, a boolean"},
	"spark.graphx.pregel.checkpointInterval":                                   {Type: typ(KindInt), Why: "a number of iterations, -1 disables"},
	"spark.rpc.message.maxSize":                                                {Type: typ(KindInt), Unit: "MiB", Why: "intConf in MiB"},
	"spark.submit.deployMode":                                                  {Type: oneOf("client", "cluster"), Why: "SparkSubmit deploy modes"},
	"spark.scheduler.mode":                                                     {Type: oneOf("FIFO", "FAIR"), Why: "SchedulingMode values"},
	"spark.kubernetes.container.image.pullPolicy":                              {Type: oneOf("Always", "Never", "IfNotPresent"), Why: "Kubernetes pull policies"},
	"spark.kubernetes.driver.service.ipFamilyPolicy":                           {Type: oneOf("SingleStack", "PreferDualStack", "RequireDualStack"), Why: "Kubernetes IP family policies"},
	"spark.kubernetes.driver.service.ipFamilies":                               {Type: oneOf("IPv4", "IPv6", "IPv4,IPv6", "IPv6,IPv4"), Why: "Config.scala checkValues"},
	"spark.sql.sources.partitionOverwriteMode":                                 {Type: oneOf("STATIC", "DYNAMIC"), Why: "SQLConf enum PartitionOverwriteMode"},
	"spark.sql.storeAssignmentPolicy":                                          {Type: oneOf("ANSI", "LEGACY", "STRICT"), Why: "SQLConf enum StoreAssignmentPolicy"},
	"spark.sql.timestampType":                                                  {Type: oneOf("TIMESTAMP_LTZ", "TIMESTAMP_NTZ"), Why: "SQLConf checkValues"},
	"spark.sql.parquet.outputTimestampType":                                    {Type: oneOf("INT96", "TIMESTAMP_MICROS", "TIMESTAMP_MILLIS"), Why: "SQLConf enum ParquetOutputTimestampType"},
	"spark.sql.mapKeyDedupPolicy":                                              {Type: oneOf("EXCEPTION", "LAST_WIN"), Why: "SQLConf enum MapKeyDedupPolicy"},
	"spark.shuffle.checksum.algorithm":                                         {Type: oneOf("ADLER32", "CRC32"), Why: "config checkValues (3.5)"},
	"spark.shuffle.service.db.backend":                                         {Type: oneOf("LEVELDB", "ROCKSDB"), Why: "DBBackend values"},
	"spark.driver.memoryOverhead":                                              {Type: typ(KindSize), Unit: "MiB", Why: "bytesConf in MiB"},
	"spark.executor.memoryOverhead":                                            {Type: typ(KindSize), Unit: "MiB", Why: "bytesConf in MiB"},
	"spark.executor.cores":                                                     {Type: intIn(">=1"), Why: "intConf, at least one core"},
	"spark.default.parallelism":                                                {Type: intIn(">=1"), Why: "intConf"},
	"spark.dynamicAllocation.initialExecutors":                                 {Type: intIn(">=0"), Why: "intConf"},
	"spark.kubernetes.memoryOverheadFactor":                                    {Type: typ(KindNumber), Why: "doubleConf"},
	"spark.scheduler.listenerbus.eventqueue.capacity":                          {Type: intIn(">=1"), Why: "intConf, positive"},
	"spark.sql.session.timeZone":                                               {Type: typ(KindString), Why: "a zone ID"},
	"spark.kubernetes.allocation.maxPendingPods":                               {Type: intIn(">=1"), Why: "intConf, positive"},
	"spark.dynamicAllocation.maxExecutors":                                     {Type: intIn(">=0"), Why: "intConf; the page writes infinity for Int.MaxValue"},
	"spark.dynamicAllocation.shuffleTracking.timeout":                          {Type: typ(KindDuration), Unit: "ms", Why: "timeConf in ms"},
}
