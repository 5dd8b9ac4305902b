package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hiveTrinoKerberosNames returns the upstream names of the Hive, Trino and
// Kerberos targets for TestCatalogsCoverUpstream; ok is false for other
// targets.
func hiveTrinoKerberosNames(t *testing.T, tg target) (upstream, extra []string, ok bool) {
	t.Helper()
	switch {
	case tg.pkg == "hive":
		return hiveNames(t, tg), nil, true
	case tg.pkg == "trino":
		props, err := trinoConfigProps(upstreamDir)
		if err != nil {
			t.Fatal(err)
		}
		return trinoPropNames(props), nil, true
	case tg.pkg == "trino/catalogs":
		return trinoCatalogNames(t, tg)
	case tg.pkg == "kerberos":
		return kerberosNames(t, tg), nil, true
	}
	return nil, nil, false
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
func trinoCatalogNames(t *testing.T, tg target) (upstream, extra []string, ok bool) {
	storage, err := trinoDocs(upstreamDir, "trino/object-storage")
	if err != nil {
		t.Fatal(err)
	}
	sprops, err := readTrinoProps(upstreamDir, storage)
	if err != nil {
		t.Fatal(err)
	}
	if tg.def == trinoObjectStorageDef {
		return trinoPropNames(sprops), nil, true
	}
	props, err := readTrinoProps(upstreamDir, []string{tg.source})
	if err != nil {
		t.Fatal(err)
	}
	extra = []string{"connector.name"}
	if trinoConnectors[tg.source].lakehouse {
		extra = append(extra, trinoPropNames(sprops)...)
	}
	return trinoPropNames(props), extra, true
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

// TestTrinoConfigNamesCovered checks that a page routed to config.properties
// loses no key: every name is in config.properties or routed elsewhere.
func TestTrinoConfigNamesCovered(t *testing.T) {
	needUpstream(t)
	docs, err := trinoConfigDocs(upstreamDir)
	if err != nil {
		t.Fatal(err)
	}
	props, err := readTrinoProps(upstreamDir, docs)
	if err != nil {
		t.Fatal(err)
	}
	routed := 0
	for _, p := range props {
		if trinoElsewhere(p.Name) != "" {
			routed++
		}
	}
	if routed == 0 || len(props)-routed < 200 {
		t.Errorf("config pages: %d properties, %d routed elsewhere", len(props), routed)
	}
	for _, name := range sortedKeys(trinoOtherFileDocs) {
		if strings.Contains(name, "/") {
			t.Errorf("trinoOtherFileDocs key %q must be a base name", name)
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
