package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const kafkaClientFixture = `<ul class="config-list">
<li>
<h4><a id="partitioner.class"></a><a id="producerconfigs_partitioner.class" href="#x">partitioner.class</a></h4>
<p>Options:<ul><li>nested item</li></ul></p>
<table><tbody>
<tr><th>Type:</th><td>class</td></tr>
<tr><th>Default:</th><td>null</td></tr>
<tr><th>Valid Values:</th><td></td></tr>
</tbody></table>
</li>
<li>
<h4><a id="security.protocol"></a><a id="producerconfigs_security.protocol" href="#x">security.protocol</a></h4>
<table><tbody>
<tr><th>Type:</th><td>string</td></tr>
<tr><th>Default:</th><td>PLAINTEXT</td></tr>
<tr><th>Valid Values:</th><td>(case insensitive) [SASL_SSL, PLAINTEXT]</td></tr>
</tbody></table>
</li>
</ul>`

func TestParseKafkaHTMLNestedList(t *testing.T) {
	got, err := parseKafkaHTML(kafkaClientFixture)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Type != "class" || got[1].ValidValues != "(case insensitive) [SASL_SSL, PLAINTEXT]" {
		t.Errorf("got %+v", got)
	}
}

func TestKafkaReviewedValidValues(t *testing.T) {
	tests := []struct {
		kind  Kind
		valid string
		want  string
	}{
		{KindString, "(case insensitive) [SASL_SSL, PLAINTEXT]", `#String & (=~"^(?i)(SASL_SSL|PLAINTEXT)$")`},
		{KindShort, "Positive number, or -1 to use the broker's default", `(#ShortValue & (>=1 | -1)) | #ShortText`},
		{KindString, "non-empty string without ISO control characters", `#String & !=""`},
		{KindString, "valid regex", `#String`},
	}
	for _, tt := range tests {
		typ, err := kafkaType("x", tt.kind, tt.valid)
		if err != nil {
			t.Fatal(err)
		}
		if got := typeExpr("kafka", typ); got != tt.want {
			t.Errorf("%q: got %s, want %s", tt.valid, got, tt.want)
		}
	}
	if _, err := kafkaType("x", KindString, "anything else"); err == nil {
		t.Error("an unreviewed text must be an error")
	}
}

func TestMergeKafkaPages(t *testing.T) {
	dir := t.TempDir()
	page := func(name, def string) string {
		return `<li><h4><a id="` + name + `"></a></h4><table><tbody>
<tr><th>Type:</th><td>int</td></tr><tr><th>Default:</th><td>` + def + `</td></tr>
</tbody></table></li>`
	}
	files := map[string]string{
		"own.html": page("a", "1"),
		"p.html":   page("a", "2") + page("b", "5"),
		"c.html":   page("b", "6") + page("c", "7"),
	}
	for n, s := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	kafkaExtras["test/merge"] = []kafkaExtra{{"p.html", ""}, {"c.html", "x."}}
	defer delete(kafkaExtras, "test/merge")
	c, err := buildKafkaFile(dir, target{pkg: "test/merge", source: "own.html"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, k := range c.Keys {
		got = append(got, k.Name+"="+k.Default)
	}
	// a keeps the own page's default; b comes from p.html only (x.b is
	// prefixed, so no conflict).
	if want := "a=1 b=5 x.b=6 x.c=7"; strings.Join(got, " ") != want {
		t.Errorf("got %s, want %s", strings.Join(got, " "), want)
	}
}
