package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

const kafkaFixture = `<ul class="config-list">
<li>
<h4><a id="background.threads"></a><a id="brokerconfigs_background.threads" href="#brokerconfigs_background.threads">background.threads</a></h4>
<p>Prose that must not be copied.</p>
<table><tbody>
<tr><th>Type:</th><td>int</td></tr>
<tr><th>Default:</th><td>10</td></tr>
<tr><th>Valid Values:</th><td>[1,...]</td></tr>
<tr><th>Importance:</th><td>high</td></tr>
<tr><th>Update Mode:</th><td>cluster-wide</td></tr>
</tbody></table>
</li>
<li>
<h4><a id="ssl.keystore.password"></a><a id="brokerconfigs_ssl.keystore.password" href="#x">ssl.keystore.password</a></h4>
<p>Prose.</p>
<table><tbody>
<tr><th>Type:</th><td>password</td></tr>
<tr><th>Default:</th><td>null</td></tr>
<tr><th>Valid Values:</th><td></td></tr>
</tbody></table>
</li>
</ul>`

func TestParseKafkaHTML(t *testing.T) {
	got, err := parseKafkaHTML(kafkaFixture)
	if err != nil {
		t.Fatal(err)
	}
	want := []kafkaEntry{
		{Name: "background.threads", Type: "int", Default: "10", ValidValues: "[1,...]"},
		{Name: "ssl.keystore.password", Type: "password", Default: "null"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, err := parseKafkaHTML("<p>nothing</p>"); err == nil {
		t.Error("a page without entries: no error")
	}
}

func TestKafkaKey(t *testing.T) {
	tests := []struct {
		e    kafkaEntry
		want Key
	}{
		{kafkaEntry{Name: "log.retention.ms", Type: "long", Default: "null"},
			Key{Name: "log.retention.ms", Type: typ(KindLong), Unit: "ms"}},
		{kafkaEntry{Name: "log.segment.bytes", Type: "int", Default: "1073741824 (1 gibibyte)", ValidValues: "[14,...]"},
			Key{Name: "log.segment.bytes", Type: Type{Kind: KindInt, Bounds: ">=14"}, Default: "1073741824", HasDefault: true, Unit: "B"}},
		{kafkaEntry{Name: "compression.gzip.level", Type: "int", Default: "-1", ValidValues: "[1,...,9] or -1"},
			Key{Name: "compression.gzip.level", Type: Type{Kind: KindInt, Bounds: "(>=1 & <=9) | -1"}, Default: "-1", HasDefault: true}},
		{kafkaEntry{Name: "ssl.client.auth", Type: "string", Default: "none", ValidValues: "[required, requested, none]"},
			Key{Name: "ssl.client.auth", Type: oneOf("required", "requested", "none"), Default: "none", HasDefault: true}},
		{kafkaEntry{Name: "process.roles", Type: "list", Default: `""`, ValidValues: "[broker, controller]"},
			Key{Name: "process.roles", Type: listOf("broker", "controller"), HasDefault: true}},
		{kafkaEntry{Name: "sasl.jaas.config", Type: "password", Default: "null"},
			Key{Name: "sasl.jaas.config", Type: typ(KindJaasConfig), Secret: true}},
		{kafkaEntry{Name: "remote.log.storage.manager.class.name", Type: "string", Default: "null", ValidValues: "non-empty string"},
			Key{Name: "remote.log.storage.manager.class.name", Type: Type{Kind: KindString, Bounds: `!=""`}}},
		{kafkaEntry{Name: "controller.quorum.voters", Type: "list", Default: `""`, ValidValues: "non-empty list"},
			Key{Name: "controller.quorum.voters", Type: typ(KindList), HasDefault: true}},
		{kafkaEntry{Name: "inter.broker.protocol.version", Type: "string", Default: "3.9-IV0", ValidValues: "[0.8.0, 3.9-IV0]"},
			Key{Name: "inter.broker.protocol.version", Type: typ(KindVersion), Default: "3.9-IV0", HasDefault: true}},
	}
	for _, tt := range tests {
		got, err := kafkaKey(tt.e)
		if err != nil {
			t.Errorf("%s: %v", tt.e.Name, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.e.Name, diff)
		}
	}
}

func TestKafkaKeyRejectsUnreviewed(t *testing.T) {
	for _, e := range []kafkaEntry{
		{Name: "a", Type: "map"},
		{Name: "b", Type: "string", ValidValues: "some new validator"},
	} {
		if _, err := kafkaKey(e); err == nil {
			t.Errorf("%+v: no error", e)
		}
	}
}
