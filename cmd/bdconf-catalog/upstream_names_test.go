package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/cuecontext"
)

// The upstream names of every target, read independently of the catalog
// builders, for TestCatalogsCoverUpstream.

// TestCatalogsCoverUpstream checks, against the committed catalogs, that
// every upstream key is allowed (as a field or through a pattern) and that
// every field is an upstream key, a deprecated key or a reviewed key.
func TestCatalogsCoverUpstream(t *testing.T) {
	needUpstream(t)
	ctx := cuecontext.New()
	for _, tg := range targets {
		upstream, extra := upstreamNames(t, tg)
		def := definition(t, ctx, tg.pkg, tg.def)
		for _, name := range upstream {
			if !def.Allows(cue.Str(name)) {
				t.Errorf("%s: upstream key %q is not allowed", tg.native, name)
			}
		}
		known := map[string]bool{}
		for _, n := range append(upstream, extra...) {
			known[n] = true
		}
		for _, name := range fieldNames(t, def) {
			if !known[name] {
				t.Errorf("%s: field %q is not an upstream key", tg.native, name)
			}
		}
	}
}

// fieldNames lists the fields of a definition.
func fieldNames(t *testing.T, def cue.Value) []string {
	iter, err := def.Fields(cue.Optional(true))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for iter.Next() {
		names = append(names, iter.Selector().Unquoted())
	}
	return names
}

// upstreamNames reads a target's upstream document independently of the
// catalog builders: upstream holds the keys users may write (placeholder
// names turned into an example), extra the other names a catalog may list.
func upstreamNames(t *testing.T, tg target) (upstream, extra []string) {
	t.Helper()
	switch {
	case isFamilyTarget(tg):
		return familyNames(t, tg)
	case tg.pkg == "hadoop":
		return hadoopNames(t, tg)
	case tg.pkg == "kafka" || strings.HasPrefix(tg.pkg, "kafka/"):
		return kafkaPageNames(t, tg)
	case tg.pkg == "spark":
		return sparkNames(t), nil
	case tg.pkg == "zookeeper":
		return zooKeeperNames(t, tg)
	case tg.pkg == "hive":
		return hiveNames(t, tg), nil
	case tg.pkg == "trino":
		props, err := trinoConfigProps(upstreamDir)
		if err != nil {
			t.Fatal(err)
		}
		return trinoPropNames(props), nil
	case tg.pkg == "trino/catalogs":
		return trinoCatalogNames(t, tg)
	case tg.pkg == "kerberos":
		return kerberosNames(t, tg), nil
	}
	t.Fatalf("%s: no upstream name reader", tg.pkg)
	return nil, nil
}

// placeholderExamples replaces each placeholder with a concrete segment.
var placeholderExamples = strings.NewReplacer(
	"EXAMPLENAMESERVICE", "ns1",
	"[port_number]", "8020",
	"EXAMPLECIPHERSUITE", "aes.ctr.nopadding",
)

// hadoopNames returns the property names (placeholders replaced) and the
// deprecated keys.
func hadoopNames(t *testing.T, tg target) (upstream, deprecated []string) {
	for _, n := range xmlNames(t, tg.source) {
		upstream = append(upstream, placeholderExamples.Replace(n))
	}
	return upstream, deprecatedNames(t, hadoopDeprecationsFile)
}

// deprecatedNames lists the deprecated keys of a derived table.
func deprecatedNames(t *testing.T, table string) []string {
	deps, err := readHadoopDeprecations(filepath.Join(upstreamDir, table))
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, len(deps))
	for i, d := range deps {
		names[i] = d.Old
	}
	return names
}

// xmlNames lists the property names of an upstream Hadoop XML file.
func xmlNames(t *testing.T, source string) []string {
	props, err := readHadoopXML(filepath.Join(upstreamDir, source))
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, len(props))
	for i, p := range props {
		names[i] = p.Name
	}
	return names
}

// familyExamples replaces the placeholders of the other Hadoop-family
// files with a concrete segment.
var familyExamples = strings.NewReplacer("%AZURE.ACCOUNTNAME%", "myaccount")

// isFamilyTarget reports whether a target is built by hadoop_family.go or
// ranger.go.
func isFamilyTarget(tg target) bool {
	return strings.HasPrefix(tg.pkg, "hadoop/") || tg.pkg == "hbase" || tg.pkg == "ranger" || strings.HasPrefix(tg.pkg, "ranger/")
}

// familyNames reads a Hadoop-family target's upstream names independently
// of the builders: the XML names (and, for Ranger plugins, the changes
// file's; for Ranger Admin, the site template's), placeholders replaced;
// extra holds the deprecated keys and the keys policy files derive.
func familyNames(t *testing.T, tg target) (upstream, extra []string) {
	t.Helper()
	sources := []string{tg.source}
	if tg.pkg == "ranger/admin" {
		sources = append(sources, rangerAdminSiteFile)
	}
	for _, src := range sources {
		upstream = append(upstream, xmlNames(t, src)...)
	}
	if tg.pkg == "ranger" {
		upstream = append(upstream, rangerChangeNames(t, tg.source)...)
	}
	for i, n := range upstream {
		upstream[i] = familyExamples.Replace(placeholderExamples.Replace(n))
	}
	switch tg.native {
	case "hadoop-policy.xml", "hbase-policy.xml":
		for _, n := range append(upstream, "security.service.authorization.default.acl") {
			h := strings.TrimSuffix(n, ".acl") + ".hosts"
			extra = append(extra, n, n+".blocked", h, h+".blocked")
		}
	case "hbase-site.xml":
		extra = deprecatedNames(t, hbaseDeprecationsFile)
	default:
		extra = deprecatedNames(t, hadoopDeprecationsFile)
	}
	return upstream, extra
}

// rangerChangeNames lists the keys a Ranger changes file sets.
func rangerChangeNames(t *testing.T, source string) []string {
	changes, err := parseFile(filepath.Join(upstreamDir, rangerChangesFile(source)), parseRangerChanges)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range changes {
		if c.Op != "var" {
			names = append(names, c.Name)
		}
	}
	return names
}

// kafkaPageNames returns the entry names of a Kafka catalog's own page
// and of its extra pages, prefixed.
func kafkaPageNames(t *testing.T, tg target) (upstream, extra []string) {
	pages := append([]kafkaExtra{{tg.source, ""}}, kafkaExtras[tg.pkg]...)
	for _, p := range pages {
		for _, n := range kafkaNames(t, p.source) {
			upstream = append(upstream, p.prefix+n)
		}
	}
	switch tg.pkg {
	case "kafka/mirrormaker":
		extra = []string{"clusters"} // MirrorMakerConfig.CLUSTERS_CONFIG, patterns.cue
	case "kafka":
		// StandardAuthorizer's own keys, which the broker page does not
		// list (schema/catalog/kafka/patterns.cue).
		extra = []string{"super.users", "allow.everyone.if.no.acl.found"}
	}
	return upstream, extra
}

// kafkaNames returns the entry names of a Kafka page.
func kafkaNames(t *testing.T, source string) []string {
	src, err := os.ReadFile(filepath.Join(upstreamDir, source))
	if err != nil {
		t.Fatal(err)
	}
	entries, err := parseKafkaHTML(string(src))
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name
	}
	return names
}

// sparkExamples replaces each placeholder of a Spark name with a value.
var sparkExamples = strings.NewReplacer(
	"${ns}", "spark.ssl.ui", "${service}", "hadoopfs", "{resourceName}", "gpu",
	"{driver|executor}", "executor", "[EnvironmentVariableName]", "JAVA_HOME",
	"[EnvName]", "DB_PASSWORD", "[LabelName]", "app.kubernetes.io/name",
	"[AnnotationName]", "example.com/owner", "[labelKey]", "topology.kubernetes.io/zone",
	"[SecretName]", "spark-secret", "[VolumeType]", "persistentVolumeClaim",
	"[VolumeName]", "data", "[OptionName]", "claimName", "*", "cipher.classes",
)

// sparkNames lists the row names of the Spark pages, placeholders replaced.
func sparkNames(t *testing.T) []string {
	var names []string
	for _, page := range sparkPages {
		src, err := os.ReadFile(filepath.Join(upstreamDir, page))
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := parseSparkHTML(string(src))
		for _, r := range rows {
			names = append(names, sparkExamples.Replace(r.Name))
		}
	}
	return names
}

// zooKeeperNames returns the zoo.cfg keys of the guide's bullets, the
// sample's keys and one key per pattern bullet; extra holds the reviewed
// keys only QuorumPeerConfig documents.
func zooKeeperNames(t *testing.T, tg target) (upstream, extra []string) {
	guide, err := os.ReadFile(filepath.Join(upstreamDir, tg.source))
	if err != nil {
		t.Fatal(err)
	}
	sample, err := os.ReadFile(filepath.Join(upstreamDir, zkSampleFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range parseZooKeeperAdmin(string(guide)) {
		if ex, ok := zkPatternBullets[b.Names[0]]; ok {
			upstream = append(upstream, ex)
			continue
		}
		params, _, err := zkParams(b)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range params {
			upstream = append(upstream, p.Key)
		}
	}
	upstream = append(upstream, parseZooSample(string(sample))...)
	upstream = append(upstream, "superUser.1")
	return upstream, sortedKeys(zkSourceOnlyKeys)
}

// hiveNames lists the documented names a Hive catalog must allow.
func hiveNames(t *testing.T, tg target) []string {
	read := func(rel string) string {
		src, err := os.ReadFile(filepath.Join(upstreamDir, rel))
		if err != nil {
			t.Fatal(err)
		}
		return string(src)
	}
	if tg.def == "WebHCatSite" {
		return parseWebHCatNames(read(hiveWebHCatDoc))
	}
	keep := inHiveSite
	var names []string
	if tg.def == "MetastoreSite" {
		keep = inMetastoreSite
		for _, r := range parseHiveMetastoreTables(read(hiveMetastoreDoc)) {
			names = append(names, r.Name)
			if r.Alias != "" {
				names = append(names, r.Alias)
			}
		}
	} else {
		for _, tb := range parsePipeTables(read(hiveHCatalogDoc)) {
			for _, row := range tb.Rows {
				if n := hiveCellName(cell(row, 0)); n != "" {
					names = append(names, n)
				}
			}
		}
	}
	for _, p := range parseHiveProperties(read(hivePropertiesDoc)) {
		if !p.Removed && keep(p) {
			names = append(names, p.Name)
			names = append(names, p.OldNames...)
		}
	}
	return names
}

// trinoPropNames lists property names.
func trinoPropNames(props []trinoProp) []string {
	names := make([]string, len(props))
	for i, p := range props {
		names[i] = p.Name
	}
	return names
}

// trinoCatalogNames lists a connector page's or the object storage pages'
// names; a lakehouse catalog also lists the embedded object storage names
// and connector.name.
func trinoCatalogNames(t *testing.T, tg target) (upstream, extra []string) {
	sprops, err := readTrinoFolder(upstreamDir, "trino/object-storage")
	if err != nil {
		t.Fatal(err)
	}
	if tg.def == trinoObjectStorageDef {
		return trinoPropNames(sprops), nil
	}
	props, err := readTrinoProps(upstreamDir, []string{tg.source})
	if err != nil {
		t.Fatal(err)
	}
	extra = []string{"connector.name"}
	if trinoConnectors[tg.source].lakehouse {
		extra = append(extra, trinoPropNames(sprops)...)
	}
	return trinoPropNames(props), extra
}

// kerberosNames lists the relations of the sections a definition types.
func kerberosNames(t *testing.T, tg target) []string {
	rels, err := readKrbRelations(upstreamDir, tg.source)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, sec := range krbSectionTargets[tg.def].sections {
		for _, r := range rels {
			if r.Section == sec {
				names = append(names, r.Name)
			}
		}
	}
	return names
}
