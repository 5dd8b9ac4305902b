package jdk_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/bdconf/bdconf/compiler/internal/jdk"
	"github.com/google/go-cmp/cmp"
)

// writeFiles writes name -> content into a temp dir and returns the paths
// in the order of names.
func writeFiles(t *testing.T, files map[string]string, names ...string) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for _, name := range names {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(files[name]), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

func TestReadProperties(t *testing.T) {
	paths := writeFiles(t, map[string]string{
		"a.properties": "# comment\r\n! also a comment \\\n" +
			"  key\\ one = value \\\n    continued\\u00e9 \n" +
			"colon:\\uD83D\\uDE00\ttab\n" +
			"\\#not.comment\\=x\n" +
			"latin1=\xe9\n",
		"b.properties": "",
	}, "a.properties", "b.properties")
	got := jdk.Read(t, "properties", paths...)
	want := map[string]map[string]string{
		paths[0]: {
			"key one":        "value continued\u00e9 ",
			"colon":          "😀\ttab",
			"#not.comment=x": "",
			"latin1":         "é",
		},
		paths[1]: {},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("jdk.Read properties (-want +got):\n%s", diff)
	}
}

func TestReadHadoopXML(t *testing.T) {
	paths := writeFiles(t, map[string]string{
		"site.xml": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- c -->\n<configuration>\n" +
			"  <property><name> spaced </name><value>a&#13;&#10;b\r\nc&#9;<![CDATA[<&>]]>&apos;&quot;</value><description>x</description></property>\n" +
			"  <property>\n    <name>empty</name>\n    <value></value>\n  </property>\n" +
			"  <property><name>中文</name><value>😀</value></property>\n" +
			"</configuration>\n",
	}, "site.xml")
	got := jdk.Read(t, "hadoop-xml", paths...)
	want := map[string]map[string]string{
		paths[0]: {
			" spaced ": "a\r\nb\nc\t<&>'\"",
			"empty":    "",
			"中文":       "😀",
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("jdk.Read hadoop-xml (-want +got):\n%s", diff)
	}
}

func TestReadFails(t *testing.T) {
	tests := []struct {
		name, mode, content, wantMsg string
	}{
		{"duplicate name", "hadoop-xml", "<configuration><property><name>a</name><value>1</value></property><property><name>a</name><value>2</value></property></configuration>", "duplicate property name \"a\""},
		{"missing name", "hadoop-xml", "<configuration><property><value>1</value></property></configuration>", "0 <name> elements"},
		{"wrong root", "hadoop-xml", "<conf/>", "want <configuration>"},
		{"doctype", "hadoop-xml", "<!DOCTYPE configuration [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><configuration/>", "DOCTYPE"},
		{"not well-formed", "hadoop-xml", "<configuration>", "XML"},
		{"malformed unicode escape", "properties", "a=\\u00zz\n", "Malformed"},
		{"unknown mode", "yaml", "", "unknown mode"},
		{"nested mode", "krb5", "", "ReadKrb5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			paths := writeFiles(t, map[string]string{"f": tt.content}, "f")
			msg := readFatal(t, func(tb testing.TB) { jdk.Read(tb, tt.mode, paths...) })
			if !strings.Contains(msg, tt.wantMsg) {
				t.Errorf("jdk.Read failed with %q, want a message containing %q", msg, tt.wantMsg)
			}
		})
	}
}

// TestReadKrb5 pins how sun.security.krb5.Config reads krb5.conf: lines
// trimmed, whole-line comments only, section names lowercased, one pair of
// surrounding quotes stripped without escapes, repeated relations in order.
func TestReadKrb5(t *testing.T) {
	paths := writeFiles(t, map[string]string{
		"krb5.conf": "# comment\n" +
			"[LibDefaults]\n" +
			"  default_realm = EXAMPLE.COM   \n" +
			"\t; comment\n" +
			"  hash = a # not a comment ; nor this\n" +
			"  dq = \" padded \"\n" +
			"  sq = 'single'\n" +
			"  esc = \"a\\tb\"\n" +
			"  empty = \"\"\n" +
			"  list = 1\n  list = 2\r\n" +
			"[realms]\n" +
			"  EXAMPLE.COM = {\n    kdc = kdc-0:88\n    nested = {\n      x = 中文 😀\n    }\n  }\n" +
			"  EMPTY = {\n  }\n",
		"empty.conf": "",
	}, "krb5.conf", "empty.conf")
	got := jdk.ReadKrb5(t, paths...)
	want := map[string]map[string]any{
		paths[0]: {
			"libdefaults": map[string]any{
				"default_realm": []string{"EXAMPLE.COM"},
				"hash":          []string{"a # not a comment ; nor this"},
				"dq":            []string{"padded"},
				"sq":            []string{"single"},
				"esc":           []string{`a\tb`},
				"empty":         []string{""},
				"list":          []string{"1", "2"},
			},
			"realms": map[string]any{
				"EXAMPLE.COM": map[string]any{
					"kdc":    []string{"kdc-0:88"},
					"nested": map[string]any{"x": []string{"中文 😀"}},
				},
				"EMPTY": map[string]any{},
			},
		},
		paths[1]: {},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("jdk.ReadKrb5 (-want +got):\n%s", diff)
	}
}

// TestReadJAAS pins how ConfigFile reads a JAAS file: StreamTokenizer
// escapes inside quotes, comments, flags in any case, ${...} expanded from
// system properties, modules in file order.
func TestReadJAAS(t *testing.T) {
	paths := writeFiles(t, map[string]string{
		"jaas.conf": "// comment\n/* block\n comment */\n" +
			"Client {\n" +
			"  com.sun.security.auth.module.Krb5LoginModule REQUIRED\n" +
			"    principal=\"zk/${test.fqdn}@EXAMPLE.COM\"\n" +
			"    escapes=\"\\\\ \\\" \\n \\t \\101 \\q /* // 中文\"\n" +
			"    literal=\"${{x}} ${open\";\n" +
			"  org.example.Other$Nested optional;\n" +
			"};\n" +
			"Server { a.B sufficient; c.D requisite; };\n",
	}, "jaas.conf")
	got := jdk.ReadJAAS(t, map[string]string{"test.fqdn": "zk-0.zk.ns.svc"}, paths...)
	want := map[string]map[string][]jdk.LoginModule{
		paths[0]: {
			"Client": {
				{Class: "com.sun.security.auth.module.Krb5LoginModule", Flag: "required", Options: map[string]string{
					"principal": "zk/zk-0.zk.ns.svc@EXAMPLE.COM",
					"escapes":   "\\ \" \n \t A q /* // 中文",
					"literal":   "${{x}} ${open",
				}},
				{Class: "org.example.Other$Nested", Flag: "optional", Options: map[string]string{}},
			},
			"Server": {
				{Class: "a.B", Flag: "sufficient", Options: map[string]string{}},
				{Class: "c.D", Flag: "requisite", Options: map[string]string{}},
			},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("jdk.ReadJAAS (-want +got):\n%s", diff)
	}
}

// TestReadNestedFails checks that a file the JDK rejects fails the test
// with the JDK's message.
func TestReadNestedFails(t *testing.T) {
	tests := []struct {
		name, content, wantMsg string
		read                   func(tb testing.TB, file string)
	}{
		{"krb5 unclosed section header", "[libdefaults\n a = b\n", "Illegal config content", readKrb5},
		{"krb5 unclosed subsection", "[realms]\n R = {\n kdc = k\n", "Not closed", readKrb5},
		{"krb5 missing include", "include /nonexistent/krb5.conf\n[libdefaults]\n", "krb5.conf loading failed", readKrb5},
		{"krb5 relation without =", "[libdefaults]\n a b\n", "Illegal config content", readKrb5},
		{"jaas bad flag", "App { a.B mandatory; };\n", "Invalid control flag, MANDATORY", readJAAS},
		{"jaas missing property", "App { a.B required k=\"${no.such.property}\"; };\n", "no.such.property", readJAAS},
		{"jaas duplicate application", "App { a.B required; };\nApp { a.B required; };\n", "App", readJAAS},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			paths := writeFiles(t, map[string]string{"f": tt.content}, "f")
			msg := readFatal(t, func(tb testing.TB) { tt.read(tb, paths[0]) })
			if !strings.Contains(msg, tt.wantMsg) {
				t.Errorf("read failed with %q, want a message containing %q", msg, tt.wantMsg)
			}
		})
	}
}

func readKrb5(tb testing.TB, file string) { jdk.ReadKrb5(tb, file) }

func readJAAS(tb testing.TB, file string) { jdk.ReadJAAS(tb, nil, file) }

// fatalTB records the first Fatalf and stops the calling goroutine.
type fatalTB struct {
	testing.TB
	msg string
}

func (f *fatalTB) Helper() {}

func (f *fatalTB) Fatalf(format string, args ...any) {
	f.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// readFatal runs read and returns its Fatalf message; it fails t if read
// succeeds.
func readFatal(t *testing.T, read func(testing.TB)) string {
	t.Helper()
	tb := &fatalTB{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		read(tb)
	}()
	<-done
	if tb.msg == "" {
		t.Fatalf("read succeeded, want it to fail")
	}
	return tb.msg
}
