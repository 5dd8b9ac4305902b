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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			paths := writeFiles(t, map[string]string{"f": tt.content}, "f")
			msg := readFatal(t, tt.mode, paths...)
			if !strings.Contains(msg, tt.wantMsg) {
				t.Errorf("jdk.Read failed with %q, want a message containing %q", msg, tt.wantMsg)
			}
		})
	}
}

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

// readFatal runs jdk.Read and returns its Fatalf message; it fails t if
// Read succeeds.
func readFatal(t *testing.T, mode string, files ...string) string {
	t.Helper()
	tb := &fatalTB{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		jdk.Read(tb, mode, files...)
	}()
	<-done
	if tb.msg == "" {
		t.Fatalf("jdk.Read(%q) succeeded, want it to fail", mode)
	}
	return tb.msg
}
