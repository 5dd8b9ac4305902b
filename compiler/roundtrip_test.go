package compiler_test

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"testing"

	"github.com/bdconf/bdconf/compiler"
	"github.com/bdconf/bdconf/compiler/catalog"
	"github.com/bdconf/bdconf/schema"
)

// roundTripFile is a native file whose every catalogued key, set to its
// upstream default (the @upstream(default) the generator copied from
// core-default.xml, hdfs-default.xml and kafka_config.html), must compile
// and be written unchanged: the upstream defaults are valid by definition.
type roundTripFile struct {
	component, file, native string
	// skip lists the keys left out, each with its reason.
	skip map[string]string
}

const (
	whyDerived = "bdconf derives it from the model (a different value conflicts)"
	// whyOwned: the key is in the ownership tables (README, "Keys bdconf
	// owns"), refused with a pointer to the model setting that drives it.
	whyOwned = "bdconf owns it: a profile sets the model setting instead"
	// whyModelNumber: a model rule computes with the key as a number, so
	// its text form "3" is refused by the component schema (schema/hdfs,
	// schema/kafka), which is not the catalogs' concern.
	whyModelNumber = "the model's rules read it as a number: the text form is refused by the component schema"
)

var roundTripFiles = []roundTripFile{
	{"hdfs", "core-site.xml", "hdfs/core-site.xml", map[string]string{
		"fs.defaultFS":   whyDerived,
		"hadoop.tmp.dir": whyDerived,
	}},
	{"hdfs", "hdfs-site.xml", "hdfs/hdfs-site.xml", map[string]string{
		"dfs.client.use.datanode.hostname":                     whyDerived,
		"dfs.datanode.use.datanode.hostname":                   whyDerived,
		"dfs.namenode.datanode.registration.ip-hostname-check": whyDerived,
		"dfs.datanode.data.dir":                                whyDerived,
		"dfs.namenode.name.dir":                                whyDerived,
		"dfs.namenode.http-address":                            whyDerived,
		"dfs.replication":                                      whyModelNumber,
		"dfs.client.read.shortcircuit":                         whyOwned,
		"dfs.datanode.address":                                 whyOwned,
		"dfs.datanode.http.address":                            whyOwned,
		"dfs.datanode.https.address":                           whyOwned,
		"dfs.datanode.ipc.address":                             whyOwned,
		"dfs.ha.automatic-failover.enabled":                    whyOwned,
		"dfs.ha.zkfc.port":                                     whyOwned,
		"dfs.journalnode.edits.dir":                            whyOwned,
		"dfs.journalnode.http-address":                         whyOwned,
		"dfs.journalnode.https-address":                        whyOwned,
		"dfs.journalnode.rpc-address":                          whyOwned,
		"dfs.namenode.edits.dir":                               whyOwned,
		"dfs.namenode.https-address":                           whyOwned,
	}},
	{"kafka", "server.properties", "kafka/broker/server.properties", map[string]string{
		"controller.quorum.voters":                 whyDerived,
		"node.id":                                  whyOwned,
		"listener.security.protocol.map":           whyDerived,
		"listeners":                                whyDerived,
		"process.roles":                            whyDerived,
		"unclean.leader.election.enable":           whyDerived,
		"broker.id":                                whyOwned,
		"controller.quorum.bootstrap.servers":      whyOwned,
		"log.dir":                                  whyOwned,
		"security.inter.broker.protocol":           whyOwned,
		"default.replication.factor":               whyModelNumber,
		"min.insync.replicas":                      whyModelNumber,
		"offsets.topic.replication.factor":         whyModelNumber,
		"transaction.state.log.min.isr":            whyModelNumber,
		"transaction.state.log.replication.factor": whyModelNumber,
	}},
}

// TestUpstreamDefaultsRoundTrip compiles each file's upstream defaults and
// requires every value written as given.
func TestUpstreamDefaultsRoundTrip(t *testing.T) {
	options, err := catalog.Load(schema.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, rt := range roundTripFiles {
		t.Run(rt.file, func(t *testing.T) {
			defaults := upstreamDefaults(options, rt)
			profile, _ := json.Marshal(map[string]any{"name": "rt", rt.component: map[string]any{"config": map[string]any{rt.file: defaults}}})
			res, err := compiler.Compile(context.Background(), compiler.Options{Sources: []compiler.Source{{Name: "defaults.json", Data: profile}}})
			var diagnostics *compiler.Error
			if errors.As(err, &diagnostics) {
				for _, d := range diagnostics.Diagnostics {
					t.Errorf("%s", d)
				}
				return
			} else if err != nil {
				t.Fatal(err)
			}
			written := nativeSettings(res)[rt.native]
			for _, k := range slices.Sorted(maps.Keys(defaults)) {
				if got, ok := written[k]; !ok || got != defaults[k] {
					t.Errorf("%s: upstream default %q written as %q", k, defaults[k], got)
				}
			}
		})
	}
}

// upstreamDefaults returns the keys of rt's catalog that have an upstream
// default, less the skipped ones.
func upstreamDefaults(options []catalog.Option, rt roundTripFile) map[string]string {
	defaults := map[string]string{}
	for _, o := range options {
		if o.File != rt.file || o.Pattern || o.Default == nil || o.Deprecated != nil {
			continue
		}
		if _, skip := rt.skip[o.Key]; !skip {
			defaults[o.Key] = *o.Default
		}
	}
	return defaults
}
