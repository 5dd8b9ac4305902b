package compiler

import (
	"path"
	"strconv"
	"strings"
)

// Kafka refuses to start a broker or controller whose server.properties
// breaks one of KafkaConfig.validateValues' cross-key rules (Kafka 3.9);
// the catalog types check each key alone, checkKafkaValues the rules that
// apply in KRaft mode, with the upstream defaults of the keys not set.

// kafkaRule is one validateValues requirement over some keys.
type kafkaRule struct {
	keys     []string // the keys the rule reads, the one to blame first
	defaults []int64  // their upstream defaults, -2 for none (null)
	// ok tells whether the values (unset ones at their default) pass;
	// set[i] tells whether keys[i] is set.
	ok      func(v []int64, set []bool) bool
	message string
}

// kafkaNull is the default of a key without one (ConfigDef null).
const kafkaNull = -2

// kafkaRules are validateValues' rules on numbers.
var kafkaRules = []kafkaRule{
	{
		// logRetentionTimeMillis: log.retention.ms, else minutes, else hours;
		// a negative value is unlimited, 0 is refused.
		keys:     []string{"log.retention.ms", "log.retention.minutes", "log.retention.hours"},
		defaults: []int64{kafkaNull, kafkaNull, 168},
		ok: func(v []int64, set []bool) bool {
			switch {
			case set[0]:
				return v[0] != 0
			case set[1]:
				return v[1] != 0
			}
			return v[2] != 0
		},
		message: "log retention must be unlimited (-1) or at least 1 ms (KafkaConfig.validateValues: logRetentionTimeMillis)",
	},
	{
		keys:     []string{"replica.fetch.wait.max.ms", "replica.socket.timeout.ms"},
		defaults: []int64{500, 30000},
		ok:       func(v []int64, _ []bool) bool { return v[0] <= v[1] },
		message:  "replica.fetch.wait.max.ms must be at most replica.socket.timeout.ms, or replicas time out (KafkaConfig.validateValues)",
	},
	{
		keys:     []string{"replica.fetch.wait.max.ms", "replica.lag.time.max.ms"},
		defaults: []int64{500, 30000},
		ok:       func(v []int64, _ []bool) bool { return v[0] <= v[1] },
		message:  "replica.fetch.wait.max.ms must be at most replica.lag.time.max.ms, or replicas drop out of the ISR (KafkaConfig.validateValues)",
	},
	{
		keys:     []string{"log.cleaner.dedupe.buffer.size", "log.cleaner.threads"},
		defaults: []int64{134217728, 1},
		ok:       func(v []int64, _ []bool) bool { return v[1] > 0 && v[0]/v[1] > 1024*1024 },
		message:  "log.cleaner.dedupe.buffer.size must be at least 1MB per cleaner thread (KafkaConfig.validateValues)",
	},
	{
		keys:     []string{"offsets.commit.required.acks", "offsets.topic.replication.factor"},
		defaults: []int64{-1, 3},
		ok:       func(v []int64, _ []bool) bool { return v[0] >= -1 && v[0] <= v[1] },
		message:  "offsets.commit.required.acks must be between -1 and offsets.topic.replication.factor (KafkaConfig.validateValues)",
	},
	{
		keys:     []string{"queued.max.request.bytes", "socket.request.max.bytes"},
		defaults: []int64{-1, 104857600},
		ok:       func(v []int64, _ []bool) bool { return v[0] <= 0 || v[0] >= v[1] },
		message:  "queued.max.request.bytes must be -1 (unbounded) or at least socket.request.max.bytes (KafkaConfig.validateValues)",
	},
}

// checkKafkaValues applies kafkaRules to every server.properties.
func checkKafkaValues(files map[string]nativeFile, sources []Source) error {
	inProfile := sourceNames(sources)
	return eachServerProperties(files, func(settings []Setting) []Diagnostic {
		byKey := settingsByKey(settings)
		var out []Diagnostic
		for _, r := range kafkaRules {
			if d, bad := r.check(byKey, inProfile); bad {
				out = append(out, d)
			}
		}
		return out
	})
}

// eachServerProperties runs check on the settings of every server.properties
// and reports each diagnostic once: the roles share the profile lines their
// files come from.
func eachServerProperties(files map[string]nativeFile, check func([]Setting) []Diagnostic) error {
	e := &Error{}
	seen := map[string]bool{}
	for _, nativePath := range sortedKeys(files) {
		if path.Base(nativePath) != "server.properties" {
			continue
		}
		for _, d := range check(files[nativePath].settings) {
			if !seen[d.String()] {
				seen[d.String()] = true
				e.Diagnostics = append(e.Diagnostics, d)
			}
		}
	}
	if len(e.Diagnostics) > 0 {
		return e
	}
	return nil
}

// settingsByKey indexes a file's settings by key.
func settingsByKey(settings []Setting) map[string]Setting {
	byKey := make(map[string]Setting, len(settings))
	for _, s := range settings {
		byKey[s.Key] = s
	}
	return byKey
}

// check applies r to a file's settings: a diagnostic at the first key of
// the rule a profile sets, when the rule fails; values that are not
// integers are left to the types.
func (r kafkaRule) check(byKey map[string]Setting, inProfile map[string]bool) (Diagnostic, bool) {
	values := append([]int64{}, r.defaults...)
	set := make([]bool, len(r.keys))
	var blame *Setting
	for i, k := range r.keys {
		s, ok := byKey[k]
		if !ok {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSpace(s.Value), 10, 64)
		if err != nil {
			return Diagnostic{}, false
		}
		values[i], set[i] = n, true
		if blame == nil && inProfile[s.Origin.File] {
			blame = &s
		}
	}
	if blame == nil || r.ok(values, set) {
		return Diagnostic{}, false
	}
	return Diagnostic{Pos: blame.Origin, Path: strconv.Quote(blame.Key), Message: r.message}, true
}
