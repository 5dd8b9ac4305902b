package native_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/bdconf/bdconf/compiler/internal/jdk"
	"github.com/bdconf/bdconf/compiler/native"
	"github.com/google/go-cmp/cmp"
)

// hostileEntries are keys and values that every writer must get through the
// JDK unchanged.
var hostileEntries = []native.Entry{
	{"unicode.é.中文.😀", "é 中文 😀"},
	{"key with spaces", "value with spaces"},
	{"key=with=equals", "a=b=c"},
	{"key:with:colons", "host:2181,host:2182/chroot"},
	{"#looks.like.comment", "#not a comment"},
	{"!looks.like.comment", "!not a comment"},
	{`back\slash\`, `C:\dir\ \\server\share\`},
	{`\u0041.literal`, `\u0041 is not A`},
	{"<tag attr=\"x\">&amp;</tag>", "<b>&lt;</b> & > \" '"},
	{"]]>", "]]><![CDATA[x]]>"},
	{"leading.blanks", "  leading blanks"},
	{"trailing.blanks", "trailing blanks  "},
	{"tab\tkey", "\ttab\tvalue\t"},
	{"new\nline.key", "line1\nline2\n"},
	{"cr\rkey", "a\rb\r\nc\n\rd"},
	{"empty.value", ""},
	{"blank.value", " "},
	{"separator.start", "=:value"},
	{"dollar", "${java.home} $HOME"},
	{"nel.and.line.separator", "a\u0085b\u2028c\u2029d"},
	{"del.and.replacement", "\x7f\uFFFD"},
	{"astral", "\U00010000\U0010FFFD"},
}

// propertiesOnlyEntries hold characters that XML 1.0 cannot carry, not
// even as character references (form feed included).
var propertiesOnlyEntries = []native.Entry{
	{"  leading.blanks.key", "v"},
	{"trailing.blanks.key  ", "v"},
	{"\ttab.key", "v"},
	{"form\ffeed", "\fform\ffeed\f"},
	{"nul\x00key", "nul\x00value"},
	{"controls", "\x01\x08\v\x1b\x1f"},
	{"nonchars", "\uFFFE\uFFFF"},
}

// TestJDKRoundTrip writes hostile entries with both writers and requires
// the JDK to read back exactly the input.
func TestJDKRoundTrip(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		format  native.Format
		mode    string
		entries []native.Entry
	}{
		{native.HadoopXML, "hadoop-xml", hostileEntries},
		{native.JavaProperties, "properties", append(hostileEntries[:len(hostileEntries):len(hostileEntries)], propertiesOnlyEntries...)},
	}
	for _, c := range cases {
		out, err := native.Render(c.format, c.entries)
		if err != nil {
			t.Fatalf("Render(%s): %v", c.format, err)
		}
		file := filepath.Join(dir, string(c.format))
		if err := os.WriteFile(file, out, 0o644); err != nil {
			t.Fatal(err)
		}
		got := jdk.Read(t, c.mode, file)[file]
		if diff := cmp.Diff(entryMap(c.entries), got); diff != "" {
			t.Errorf("JDK reads %s differently (-want +got):\n%s\n%s", c.format, diff, out)
		}
	}
}

// TestReferenceDecodersMatchJDK checks the fuzz tests' Go reference
// decoders against the JDK on the handwritten fixtures, so the fuzz
// property means "the JDK reads it back".
func TestReferenceDecodersMatchJDK(t *testing.T) {
	dir := t.TempDir()
	want := map[string]map[string]string{}
	write := func(name, content string, decode func([]byte) ([]native.Entry, error)) string {
		t.Helper()
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		entries, err := decode([]byte(content))
		if err != nil {
			t.Fatalf("reference decoder on %s: %v", name, err)
		}
		want[file] = entryMap(entries)
		return file
	}
	var propFiles, xmlFiles []string
	for i, f := range propertiesFixtures {
		propFiles = append(propFiles, write(fmt.Sprintf("%d.properties", i), f.in, loadProperties))
	}
	for i, f := range xmlFixtures {
		xmlFiles = append(xmlFiles, write(fmt.Sprintf("%d.xml", i), f.in, decodeHadoopXML))
	}
	got := jdk.Read(t, "properties", propFiles...)
	for file, m := range jdk.Read(t, "hadoop-xml", xmlFiles...) {
		got[file] = m
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reference decoders disagree with the JDK (-Go +JDK):\n%s", diff)
	}
}

// entryMap turns entries into key -> value, the shape jdk.Read returns.
func entryMap(entries []native.Entry) map[string]string {
	m := make(map[string]string, len(entries))
	for _, e := range entries {
		m[e.Key] = e.Value
	}
	return m
}
