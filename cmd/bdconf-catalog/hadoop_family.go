package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// Builders of the catalogs read through Hadoop's Configuration: the Hadoop
// server files (core-site.xml, hdfs-site.xml, yarn-site.xml,
// capacity-scheduler.xml, mapred-site.xml, hdfs-rbf-site.xml,
// httpfs-site.xml, kms-site.xml, hadoop-policy.xml, ssl-server.xml,
// ssl-client.xml), HBase (hbase-site.xml, hbase-policy.xml) and the Ranger
// plugin files (ranger.go). They share Hadoop's XML parser (hadoop.go), type
// inference and secret detection; what differs per file is in familySpecs.

// familySpec is what a Hadoop-family file adds to the shared machinery.
type familySpec struct {
	deprecations string            // derived deprecation table, "" for none
	patterns     []reviewedPattern // reviewed key families
}

// reviewedPattern is a reviewed key family with its type and reason.
type reviewedPattern struct {
	Name  string // the family as documentation writes it
	Regex string // RE2, anchored
	Type  Type
	Unit  string
	Why   string
}

// buildHadoopFamily builds a Hadoop-family catalog from its *-default.xml:
// the upstream properties (placeholders turned into patterns), the file's
// deprecations and its reviewed patterns.
func buildHadoopFamily(dir string, t target) (*Catalog, error) {
	props, err := readHadoopXML(filepath.Join(dir, t.source))
	if err != nil {
		return nil, err
	}
	return assembleFamily(dir, t, props, familyOptions{})
}

// familyOptions adjust assembleFamily for one file format.
type familyOptions struct {
	// rewrite may add a property as a pattern and report that it did
	// (capacity-scheduler queues).
	rewrite func(*Catalog, hadoopProperty, func(string) bool) bool
	// noDefault lists keys whose value is only a sample, kept for type
	// inference (Ranger templates).
	noDefault map[string]bool
}

// assembleFamily turns properties into a catalog.
func assembleFamily(dir string, t target, props []hadoopProperty, opts familyOptions) (*Catalog, error) {
	secret, err := hadoopSecretMatcher(dir)
	if err != nil {
		return nil, err
	}
	c := t.newCatalog()
	var keys keySet
	for _, p := range props {
		if opts.rewrite != nil && opts.rewrite(c, p, secret) {
			continue
		}
		if err := addHadoopProperty(c, &keys, p, secret); err != nil {
			return nil, fmt.Errorf("%s: %w", t.source, err)
		}
	}
	spec := familySpecs[t.native]
	if spec.deprecations != "" {
		if err := addDeprecationTable(dir, spec.deprecations, t, &keys); err != nil {
			return nil, err
		}
	}
	for _, rp := range spec.patterns {
		c.Patterns = append(c.Patterns, Pattern{Key: Key{Name: rp.Name, Type: rp.Type, Unit: rp.Unit, Secret: secret(rp.Name)}, Regex: rp.Regex})
	}
	for i := range keys.keys {
		if opts.noDefault[keys.keys[i].Name] {
			keys.keys[i].Default, keys.keys[i].HasDefault = "", false
		}
	}
	c.Keys = keys.keys
	sortCatalog(c)
	return c, nil
}

// capacityQueuePrefix starts every per-queue key of capacity-scheduler.xml:
// yarn.scheduler.capacity.<queue-path>.<setting>, the queue path starting
// at root (CapacitySchedulerConfiguration.getQueuePrefix).
const capacityQueuePrefix = "yarn.scheduler.capacity."

// capacityExampleQueues are the queue paths upstream's sample file uses,
// longest first: its per-queue keys stand for every queue.
var capacityExampleQueues = []string{"root.default", "root"}

// capacityQueueRegex matches a queue path: root and dot-separated queue
// names (a queue name holds no dot).
const capacityQueueRegex = `root(\.[^.]+)*`

// buildCapacityScheduler builds capacity-scheduler.xml: the per-queue
// keys of the sample queues become <queue-path> patterns, the others keys.
func buildCapacityScheduler(dir string, t target) (*Catalog, error) {
	props, err := readHadoopXML(filepath.Join(dir, t.source))
	if err != nil {
		return nil, err
	}
	return assembleFamily(dir, t, props, familyOptions{rewrite: addCapacityQueueKey})
}

// addCapacityQueueKey adds p as a <queue-path> pattern when it is a
// per-queue key, and reports whether it did.
func addCapacityQueueKey(c *Catalog, p hadoopProperty, secret func(string) bool) bool {
	setting, ok := capacityQueueSetting(p.Name)
	if !ok {
		return false
	}
	k := Key{
		Name:       capacityQueuePrefix + "<queue-path>." + setting,
		Type:       inferHadoop(p),
		Default:    p.Value,
		HasDefault: p.Value != "",
		Unit:       hadoopUnit(p, inferHadoop(p).Kind),
		Secret:     secret(p.Name),
	}
	c.Patterns = append(c.Patterns, Pattern{Key: k, Regex: capacityQueuePattern(setting)})
	return true
}

// capacityQueueSetting returns the setting of a per-queue key of a sample
// queue ("capacity" of yarn.scheduler.capacity.root.default.capacity).
func capacityQueueSetting(name string) (string, bool) {
	for _, q := range capacityExampleQueues {
		if setting, ok := strings.CutPrefix(name, capacityQueuePrefix+q+"."); ok {
			return setting, true
		}
	}
	return "", false
}

// capacityQueuePattern is the regular expression of a per-queue setting.
func capacityQueuePattern(setting string) string {
	return "^" + regexp.QuoteMeta(capacityQueuePrefix) + capacityQueueRegex + `\.` + regexp.QuoteMeta(setting) + "$"
}

// Service-level authorization (ServiceAuthorizationManager, used by
// Hadoop's and HBase's RPC servers) reads, for each protocol ACL key K
// (security.<protocol>.protocol.acl): K, K.blocked, and the host lists
// H = K without its last segment + ".hosts" and H.blocked; and the
// defaults under security.service.authorization.default.*.
const policyDefaultACL = "security.service.authorization.default.acl"

// buildPolicy builds a *-policy.xml catalog: every listed protocol ACL
// with its derived blocked and host keys, plus the default keys.
func buildPolicy(dir string, t target) (*Catalog, error) {
	props, err := readHadoopXML(filepath.Join(dir, t.source))
	if err != nil {
		return nil, err
	}
	var all []hadoopProperty
	for _, p := range append(props, hadoopProperty{Name: policyDefaultACL, Value: "*"}) {
		all = append(all, policyKeys(p)...)
	}
	return assembleFamily(dir, t, all, familyOptions{})
}

// policyKeys returns an ACL key and the keys derived from it, with the
// defaults ServiceAuthorizationManager applies (blocked lists empty).
func policyKeys(p hadoopProperty) []hadoopProperty {
	hosts := policyHostsKey(p.Name)
	return []hadoopProperty{
		p,
		{Name: p.Name + ".blocked"},
		{Name: hosts, Value: "*"},
		{Name: hosts + ".blocked"},
	}
}

// policyHostsKey is ServiceAuthorizationManager.getHostKey.
func policyHostsKey(aclKey string) string {
	if i := strings.LastIndex(aclKey, "."); i >= 0 {
		return aclKey[:i] + ".hosts"
	}
	return aclKey
}
