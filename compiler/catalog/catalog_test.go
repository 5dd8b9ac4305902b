package catalog_test

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/bdconf/bdconf/compiler/catalog"
	"github.com/bdconf/bdconf/schema"
)

const fixture = `package demo

#DemoSite: {
	@catalog(file="demo-site.xml", source="demo/demo-default.xml", version="Demo 1.0")

	"demo.count"?: #Int & >=1 @upstream(default="3", unit="s")
	"demo.old"?:   #String    @upstream(deprecated="demo.new")
	"demo.new"?:   #String
	"demo.secret"?: #String   @upstream(secret)

	// demo.<name>.path
	[=~"^demo\\.[^.]+\\.path$" & !~"^demo\\.old\\.path$"]: #String

	// any host name
	[=~"^[a-z.]+$"]: #String
}
`

func load(t *testing.T) []catalog.Option {
	t.Helper()
	options, err := catalog.Load(fstest.MapFS{"catalog/demo/demo_gen.cue": {Data: []byte(fixture)}})
	if err != nil {
		t.Fatal(err)
	}
	return options
}

func strptr(s string) *string { return &s }

func TestLoadReadsFactsFromSyntax(t *testing.T) {
	got := load(t)
	source := "demo/demo-default.xml (Demo 1.0)"
	want := []catalog.Option{
		{Technology: "demo", File: "demo-site.xml", Key: "demo.count", Type: "int & >=1", Default: strptr("3"), Unit: "s", Source: source},
		{Technology: "demo", File: "demo-site.xml", Key: "demo.new", Type: "string", Source: source},
		{Technology: "demo", File: "demo-site.xml", Key: "demo.old", Type: "string", Deprecated: strptr("demo.new"), Source: source},
		{Technology: "demo", File: "demo-site.xml", Key: "demo.secret", Type: "string", Secret: true, Source: source},
		{Technology: "demo", File: "demo-site.xml", Key: `[=~"^[a-z.]+$"]`, Pattern: true, Type: "string", Source: source},
		{Technology: "demo", File: "demo-site.xml", Key: `[=~"^demo\\.[^.]+\\.path$" & !~"^demo\\.old\\.path$"]`, Pattern: true, Type: "string", Source: source},
	}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b catalog.Option) bool {
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		return string(ja) == string(jb)
	})); diff != "" {
		t.Errorf("Load (-want +got):\n%s", diff)
	}
}

func TestFind(t *testing.T) {
	options := load(t)
	family := `[=~"^demo\\.[^.]+\\.path$" & !~"^demo\\.old\\.path$"]`
	catchAll := `[=~"^[a-z.]+$"]`
	for key, want := range map[string]string{
		"demo.count":    "demo.count",
		"demo.x.path":   family,   // a family beats a catch-all
		"demo.old.path": catchAll, // excluded from the family
		"demo.cont":     "",       // a near miss of demo.count is a typo, not a host
		"Upper.Case":    "",       // matched by nothing
	} {
		found, err := catalog.Find(options, key)
		switch {
		case want == "" && err == nil:
			t.Errorf("Find(%q) = %v, want an error", key, found)
		case want != "" && (err != nil || len(found) != 1 || found[0].Key != want):
			t.Errorf("Find(%q) = %v, %v; want %s", key, found, err, want)
		}
	}
	_, err := catalog.Find(options, "demo.cont")
	if err == nil || !strings.Contains(err.Error(), `did you mean "demo.count"?`) {
		t.Errorf("Find of a typo: %v, want a suggestion", err)
	}
}

func TestLoadRequiresCatalogAttribute(t *testing.T) {
	fsys := fstest.MapFS{"catalog/x/x.cue": {Data: []byte("package x\n#X: {\"a\"?: string}\n")}}
	if _, err := catalog.Load(fsys); err == nil || !strings.Contains(err.Error(), "@catalog") {
		t.Errorf("Load = %v, want an error about the missing @catalog attribute", err)
	}
}

// TestEmbeddedCatalogs checks the real catalogs: every option names its
// technology, file and upstream source, and the files bdconf writes today
// are all there.
func TestEmbeddedCatalogs(t *testing.T) {
	options, err := catalog.Load(schema.FS)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]int{}
	for _, o := range options {
		if o.Technology == "" || o.File == "" || o.Key == "" || o.Type == "" || !strings.Contains(o.Source, "(") {
			t.Errorf("incomplete option %+v", o)
		}
		files[o.File]++
	}
	for _, f := range []string{"core-site.xml", "hdfs-site.xml", "server.properties", "zoo.cfg"} {
		if files[f] < 100 {
			t.Errorf("%s has %d options, want the full upstream catalog", f, files[f])
		}
	}
}

// TestLoadIsDeterministic: `bdconf schema` prints what Load returns, and
// one key may appear in several sections or catalogs of a file.
func TestLoadIsDeterministic(t *testing.T) {
	first, err := catalog.Load(schema.FS)
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		again, err := catalog.Load(schema.FS)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(first, again, cmp.Comparer(func(a, b catalog.Option) bool {
			ja, _ := json.Marshal(a)
			jb, _ := json.Marshal(b)
			return string(ja) == string(jb)
		})); diff != "" {
			t.Fatalf("two loads differ (-first +again):\n%s", diff)
		}
	}
}
