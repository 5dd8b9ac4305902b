package main

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestHadoopOverridesUsed keeps the Hadoop tables free of keys upstream no
// longer has.
func TestHadoopOverridesUsed(t *testing.T) {
	needUpstream(t)
	names := map[string]bool{}
	for _, tg := range targets {
		if tg.pkg != "hadoop" {
			continue
		}
		for _, n := range xmlNames(t, tg.source) {
			names[n] = true
		}
	}
	for _, table := range [][]string{sortedKeys(hadoopTypeOverrides), sortedKeys(hadoopSecretOverrides)} {
		for _, name := range table {
			if !names[name] {
				t.Errorf("reviewed key %q is not in the upstream Hadoop files", name)
			}
		}
	}
}

// TestKafkaOverridesUsed keeps the Kafka tables free of stale entries.
func TestKafkaOverridesUsed(t *testing.T) {
	needUpstream(t)
	src, err := os.ReadFile(filepath.Join(upstreamDir, "kafka/kafka_config.html"))
	if err != nil {
		t.Fatal(err)
	}
	entries, err := parseKafkaHTML(string(src))
	if err != nil {
		t.Fatal(err)
	}
	names, texts := map[string]bool{}, map[string]bool{}
	for _, e := range entries {
		names[e.Name], texts[e.ValidValues] = true, true
	}
	requireAll(t, "kafkaTypeOverrides", sortedKeys(kafkaTypeOverrides), names)
	requireAll(t, "kafkaProseValidValues", sortedKeys(kafkaProseValidValues), names)
	requireAll(t, "kafkaIgnoredValidValues", sortedKeys(kafkaIgnoredValidValues), texts)
}

// TestZooKeeperTables checks the reviewed ZooKeeper tables against the
// guide: the skipped names are exactly the reviewed ones, and every fact,
// fix and pattern bullet still applies.
func TestZooKeeperTables(t *testing.T) {
	needUpstream(t)
	guide, err := os.ReadFile(filepath.Join(upstreamDir, "zookeeper/zookeeperAdmin.md"))
	if err != nil {
		t.Fatal(err)
	}
	sample, err := os.ReadFile(filepath.Join(upstreamDir, zkSampleFile))
	if err != nil {
		t.Fatal(err)
	}
	bullets := parseZooKeeperAdmin(string(guide))
	keys, skipped, err := zkKeys(bullets, parseZooSample(string(sample)))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(skipped)
	if diff := cmp.Diff(sortedKeys(zkSkippedNames), skipped); diff != "" {
		t.Errorf("skipped names differ from zkSkippedNames (-reviewed +parsed):\n%s", diff)
	}
	keyNames, bulletNames := map[string]bool{}, map[string]bool{}
	for _, k := range keys {
		keyNames[k.Name] = true
	}
	for _, b := range bullets {
		for _, n := range b.Names {
			bulletNames[n] = true
		}
	}
	requireAll(t, "zkFacts", sortedKeys(zkFacts), keyNames)
	requireAll(t, "zkSecrets", sortedKeys(zkSecrets), keyNames)
	requireAll(t, "zkSysPropFixes", sortedKeys(zkSysPropFixes), bulletNames)
	requireAll(t, "zkPatternBullets", sortedKeys(zkPatternBullets), bulletNames)
	for _, name := range sortedKeys(zkSourceOnlyKeys) {
		if !zkExplicitKeys[name] || bulletNames[name] {
			t.Errorf("zkSourceOnlyKeys: %q must be parsed by QuorumPeerConfig and absent from the guide", name)
		}
	}
}

// builtKeyNames builds the catalogs of the given packages and returns
// their key names.
func builtKeyNames(t *testing.T, pkgs ...string) map[string]bool {
	t.Helper()
	names := map[string]bool{}
	for _, tg := range targets {
		if !slices.Contains(pkgs, tg.pkg) {
			continue
		}
		c, err := tg.build(upstreamDir, tg)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range c.Keys {
			names[k.Name] = true
		}
	}
	return names
}

// requireAll reports the names of a reviewed table missing from set.
func requireAll(t *testing.T, table string, names []string, set map[string]bool) {
	t.Helper()
	for _, n := range names {
		if !set[n] {
			t.Errorf("%s: %q is stale", table, n)
		}
	}
}
