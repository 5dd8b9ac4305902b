package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// kafkaExtra is an upstream page whose entries a Kafka catalog also
// accepts, each name written after prefix.
type kafkaExtra struct {
	source string // relative to the upstream folder
	prefix string
}

// kafkaExtras lists, per package, the pages merged into a catalog after its
// own page; a key already listed keeps the first page's facts, and a key
// listed by several extra pages with different defaults keeps none.
var kafkaExtras = map[string][]kafkaExtra{
	// The remote log manager table repeats broker keys of kafka_config.html;
	// TopicBasedRemoteLogMetadataManager reads its own keys from broker
	// properties under remote.log.metadata.manager.impl.prefix (default
	// "rlmm.config.", RemoteLogManagerConfig).
	"kafka": {
		{"kafka/remote_log_manager_config.html", ""},
		{"kafka/remote_log_metadata_manager_config.html", "rlmm.config."},
	},
	// StreamsConfig passes unprefixed client keys to the embedded producer,
	// consumers and admin client (getMainConsumerConfigs and friends).
	"kafka/streams": {
		{"kafka/producer_config.html", ""},
		{"kafka/consumer_config.html", ""},
		{"kafka/admin_client_config.html", ""},
	},
	// MirrorMakerConfig hands mm2.properties to MirrorSourceConnector,
	// MirrorCheckpointConnector and MirrorHeartbeatConnector, whose common
	// keys are mirror_connector_config.html.
	"kafka/mirrormaker": {
		{"kafka/mirror_source_config.html", ""},
		{"kafka/mirror_checkpoint_config.html", ""},
		{"kafka/mirror_heartbeat_config.html", ""},
	},
}

// buildKafkaFile builds a Kafka catalog from its own page and the extra
// pages of its package.
func buildKafkaFile(dir string, t target) (*Catalog, error) {
	var keys keySet
	if err := addKafkaPage(&keys, dir, kafkaExtra{source: t.source}); err != nil {
		return nil, err
	}
	own := len(keys.keys)
	conflicts := map[string]bool{}
	for _, x := range kafkaExtras[t.pkg] {
		if err := mergeKafkaPage(&keys, dir, x, own, conflicts); err != nil {
			return nil, err
		}
	}
	for i := own; i < len(keys.keys); i++ {
		if conflicts[keys.keys[i].Name] {
			keys.keys[i].Default, keys.keys[i].HasDefault = "", false
		}
	}
	c := t.catalogOf(keys.keys)
	if t.pkg == "kafka" {
		c.Patterns = append(c.Patterns, listenerPatterns(t.pkg, c.Keys)...)
	}
	return c, nil
}

// readKafkaPage parses one Kafka page into keys, names prefixed.
func readKafkaPage(dir string, x kafkaExtra) ([]Key, error) {
	src, err := os.ReadFile(filepath.Join(dir, x.source))
	if err != nil {
		return nil, err
	}
	entries, err := parseKafkaHTML(string(src))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", x.source, err)
	}
	keys := make([]Key, 0, len(entries))
	for _, e := range entries {
		k, err := kafkaKey(e)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", x.source, e.Name, err)
		}
		k.Name = x.prefix + k.Name
		keys = append(keys, k)
	}
	return keys, nil
}

// addKafkaPage adds every key of a page, which must not list a key twice
// with different defaults.
func addKafkaPage(keys *keySet, dir string, x kafkaExtra) error {
	page, err := readKafkaPage(dir, x)
	if err != nil {
		return err
	}
	for _, k := range page {
		if err := keys.add(k); err != nil {
			return fmt.Errorf("%s: %w", x.source, err)
		}
	}
	return nil
}

// mergeKafkaPage adds the keys of an extra page that the catalog's own
// page (the first own keys) does not list, and records in conflicts the
// added keys whose default differs between extra pages.
func mergeKafkaPage(keys *keySet, dir string, x kafkaExtra, own int, conflicts map[string]bool) error {
	page, err := readKafkaPage(dir, x)
	if err != nil {
		return err
	}
	for _, k := range page {
		old := keys.get(k.Name)
		if old == nil {
			_ = keys.add(k)
			continue
		}
		if keys.index[k.Name] >= own && (old.Default != k.Default || old.HasDefault != k.HasDefault) {
			conflicts[k.Name] = true
		}
	}
	return nil
}
