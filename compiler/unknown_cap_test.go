package compiler_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/bdconf/bdconf/compiler"
)

// TestUnknownFieldsAreCapped: a file of another product's keys pasted in
// the wrong place gets its first unknown keys explained and the rest
// counted, not thousands of lines (nor thousands of suggestion searches).
func TestUnknownFieldsAreCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("name: x\nhdfs:\n  config:\n    hdfs-site.xml:\n      dfs.replicaton: 1\n")
	for i := range 100 {
		fmt.Fprintf(&b, "      acme.key%d: %d\n", i, i)
	}
	_, err := compiler.Compile(context.Background(), compiler.Options{Sources: []compiler.Source{{Name: "p.yaml", Data: []byte(b.String())}}})
	var e *compiler.Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v, want diagnostics", err)
	}
	if len(e.Diagnostics) != 21 {
		t.Fatalf("%d diagnostics, want 20 unknown keys and one count:\n%v", len(e.Diagnostics), err)
	}
	if d := e.Diagnostics[0]; !strings.Contains(d.Message, `did you mean "dfs.replication"?`) {
		t.Errorf("first diagnostic %q lost its suggestion", d)
	}
	last := e.Diagnostics[20]
	if want := "p.yaml:25:7: hdfs.config.\"hdfs-site.xml\".\"acme.key19\": and 81 more unknown fields from here on, not listed one by one"; last.String() != want {
		t.Errorf("last diagnostic\n%s\nwant\n%s", last, want)
	}
}
