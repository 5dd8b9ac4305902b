package compiler

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/bdconf/bdconf/compiler/catalog"
	"github.com/bdconf/bdconf/schema"
)

// allOptions lists every catalog's keys, read once and only when an unknown
// key needs explaining: a valid build never pays for it.
var allOptions = sync.OnceValues(func() ([]catalog.Option, error) {
	return catalog.Load(schema.FS)
})

// brokerDefaults maps each topic-level key to the server.properties key that
// sets its default for every topic: Kafka 3.9's ServerTopicConfigSynonyms
// (org.apache.kafka.server.config), the "Server Default Property" of each
// key in the topic configuration docs. Keys with the same name on both
// levels (compression.type, min.insync.replicas ...) are server.properties
// keys already.
var brokerDefaults = map[string]string{
	"cleanup.policy":                      "log.cleanup.policy",
	"delete.retention.ms":                 "log.cleaner.delete.retention.ms",
	"file.delete.delay.ms":                "log.segment.delete.delay.ms",
	"flush.messages":                      "log.flush.interval.messages",
	"flush.ms":                            "log.flush.interval.ms",
	"index.interval.bytes":                "log.index.interval.bytes",
	"local.retention.bytes":               "log.local.retention.bytes",
	"local.retention.ms":                  "log.local.retention.ms",
	"max.compaction.lag.ms":               "log.cleaner.max.compaction.lag.ms",
	"max.message.bytes":                   "message.max.bytes",
	"message.downconversion.enable":       "log.message.downconversion.enable",
	"message.format.version":              "log.message.format.version",
	"message.timestamp.after.max.ms":      "log.message.timestamp.after.max.ms",
	"message.timestamp.before.max.ms":     "log.message.timestamp.before.max.ms",
	"message.timestamp.difference.max.ms": "log.message.timestamp.difference.max.ms",
	"message.timestamp.type":              "log.message.timestamp.type",
	"min.cleanable.dirty.ratio":           "log.cleaner.min.cleanable.ratio",
	"min.compaction.lag.ms":               "log.cleaner.min.compaction.lag.ms",
	"preallocate":                         "log.preallocate",
	"retention.bytes":                     "log.retention.bytes",
	"retention.ms":                        "log.retention.ms",
	"segment.bytes":                       "log.segment.bytes",
	"segment.index.bytes":                 "log.index.size.max.bytes",
	"segment.jitter.ms":                   "log.roll.jitter.ms",
	"segment.ms":                          "log.roll.ms",
}

// keyElsewhere explains a key that file's catalog does not know but another
// does: a topic-level key names its broker-wide twin, a key of another file
// names that file (and its technology when it is another one). It returns
// "" for a key no catalog lists.
func keyElsewhere(key, file string) string {
	if twin, ok := brokerDefaults[key]; ok && file == "server.properties" {
		return fmt.Sprintf("; a topic-level key: the broker key %q sets its default for every topic", twin)
	}
	options, err := allOptions()
	if err != nil {
		return ""
	}
	technology := technologyOf(options, file)
	var sameTechnology, otherTechnology []string
	for _, o := range options {
		switch {
		case o.Pattern || o.Key != key || o.File == file:
		case o.Technology == technology:
			sameTechnology = append(sameTechnology, o.File)
		default:
			otherTechnology = append(otherTechnology, fmt.Sprintf("%s (%s)", o.File, o.Technology))
		}
	}
	switch {
	case len(sameTechnology) > 0:
		return "; it belongs in " + joinDistinct(sameTechnology)
	case len(otherTechnology) > 0:
		return "; it is a key of " + joinDistinct(otherTechnology)
	}
	return ""
}

// technologyOf names the technology whose catalog describes file.
func technologyOf(options []catalog.Option, file string) string {
	for _, o := range options {
		if o.File == file {
			return o.Technology
		}
	}
	return ""
}

func joinDistinct(names []string) string {
	slices.Sort(names)
	return strings.Join(slices.Compact(names), " or ")
}
