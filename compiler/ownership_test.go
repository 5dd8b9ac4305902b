package compiler

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/cuecontext"

	"github.com/bdconf/bdconf/schema"
)

// ownershipProfile uses every component, HDFS in high availability, on a
// platform named x: its nameservice is x, its NameNodes nn0 and nn1.
const ownershipProfile = securedProfile + `zookeeper: {}
hdfs: namenode: replicas: 2
kafka: {}
`

// securedProfile turns on TLS, Kerberos and authorization: every key of
// the tables is owned then.
const securedProfile = `name: "x"
security: tls: {issuer: {name: "ca", kind: "ClusterIssuer"}, keystorePassword: {name: "stores", key: "password"}}
security: kerberos: {realm: "EXAMPLE.COM", kdcs: ["kdc.example.com"], adminServer: "kdc.example.com"}
security: authorization: {}
`

// ownershipRoles names, per component, a role whose own config the
// walk sets keys in.
var ownershipRoles = map[string]string{"zookeeper": "server", "hdfs": "namenode", "kafka": "broker"}

// walkProfiles are the platforms the walk sets each component's keys in:
// the component alone, with what it needs.
var walkProfiles = map[string]string{
	"zookeeper": securedProfile + "zookeeper: {}\n",
	"hdfs":      securedProfile + "zookeeper: {}\nhdfs: namenode: replicas: 2\n",
	"kafka":     securedProfile + "kafka: {}\n",
}

// ownershipPlatform is the schema unified with ownershipProfile.
func ownershipPlatform(t *testing.T) cue.Value {
	t.Helper()
	ctx := cuecontext.New()
	profile, _, err := buildProfile(ctx, []Source{{Name: "p.cue", Data: []byte(ownershipProfile)}})
	if err != nil {
		t.Fatal(err)
	}
	platform, err := loadSchema(ctx, usedComponents(profile))
	if err != nil {
		t.Fatal(err)
	}
	return platform.Unify(profile)
}

// tables returns every component's ownership table.
func tables(t *testing.T) map[string]ownership {
	t.Helper()
	tables, err := ownershipTables()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sortedKeys(tables), schema.Components()) {
		t.Fatalf("ownership tables for %v, want one per component %v", sortedKeys(tables), schema.Components())
	}
	return tables
}

// keyForms expands a table key into the keys it stands for on platform x:
// each optional part with and without, <nameservice> as x, <namenode> as
// nn1, any other placeholder as 4.
func keyForms(key string) []string {
	var forms []string
	for _, optional := range optionalForms(key) {
		for _, form := range substitute(optional, map[string][]string{"nameservice": {"x"}, "namenode": {"nn1"}}) {
			if i := strings.IndexByte(form, '<'); i >= 0 {
				form = form[:i] + "4" + form[i+strings.IndexByte(form[i:], '>')+1:]
			}
			forms = append(forms, form)
		}
	}
	return forms
}

func TestKeyForms(t *testing.T) {
	got := keyForms("dfs.ha.zkfc.port[.<nameservice>[.<namenode>]]")
	want := []string{"dfs.ha.zkfc.port", "dfs.ha.zkfc.port.x", "dfs.ha.zkfc.port.x.nn1"}
	if !slices.Equal(got, want) {
		t.Errorf("keyForms = %q, want %q", got, want)
	}
	if got := keyForms("server.<N>"); !slices.Equal(got, []string{"server.4"}) {
		t.Errorf("keyForms(server.<N>) = %q", got)
	}
}

// TestOwnershipEntries proves each entry says where its key comes from or
// why bdconf fixes it, not both.
func TestOwnershipEntries(t *testing.T) {
	for component, table := range tables(t) {
		for file, keys := range table {
			for key, o := range keys {
				if (o.From == "") == (o.Because == "") {
					t.Errorf("%s %s %s: want one of from and because, got %+v", component, file, key, o)
				}
			}
		}
	}
}

// TestOwnedKeysAreRefused walks every ownership table: each form of each
// owned key, set under a component's config, a role's config, or
// unchecked, is refused at its position with its pointer, and nothing
// else is reported.
func TestOwnedKeysAreRefused(t *testing.T) {
	owned := tables(t)
	for _, component := range schema.Components() {
		role := ownershipRoles[component]
		for _, at := range [][]string{{"config"}, {role, "config"}, {"unchecked"}} {
			t.Run(component+"/"+strings.Join(at, "."), func(t *testing.T) {
				profile, want := refusalProfile(component, at, owned[component])
				_, err := Compile(context.Background(), Options{Sources: []Source{{Name: "p.cue", Data: []byte(profile)}}})
				if err == nil || err.Error() != want {
					t.Errorf("profile:\n%s\ngot:\n%v\nwant:\n%s", profile, err, want)
				}
			})
		}
	}
}

// refusalProfile sets every form of every key of table at the given place
// of component, one a line, and returns the diagnostics expected.
func refusalProfile(component string, at []string, table ownership) (profile, want string) {
	var b strings.Builder
	b.WriteString(walkProfiles[component])
	line := strings.Count(walkProfiles[component], "\n")
	role := ""
	if len(at) == 2 {
		role = at[0]
	}
	var diagnostics []string
	for _, file := range sortedKeys(table) {
		for _, key := range sortedKeys(table[file]) {
			for _, form := range keyForms(key) {
				prefix := fmt.Sprintf("%s: %s: %q: ", component, strings.Join(at, ": "), file)
				fmt.Fprintf(&b, "%s%q: \"v\"\n", prefix, form)
				line++
				selectors := []cue.Selector{cue.Str(component)}
				for _, s := range at {
					selectors = append(selectors, cue.Str(s))
				}
				path := cue.MakePath(append(selectors, cue.Str(file), cue.Str(form))...)
				diagnostics = append(diagnostics, fmt.Sprintf("p.cue:%d:%d: %s: %s", line, len(prefix)+1, path, table[file][key].message(form, role)))
			}
		}
	}
	return b.String(), strings.Join(diagnostics, "\n")
}

// TestOwnedKeysAreCatalogued proves each form of each owned key is a key
// its file's catalog knows: a misspelt entry would refuse nothing.
func TestOwnedKeysAreCatalogued(t *testing.T) {
	platform := ownershipPlatform(t)
	for component, table := range tables(t) {
		for file, keys := range table {
			catalog := platform.LookupPath(cue.MakePath(cue.Str(component), cue.Str("config"), cue.Str(file)))
			for key := range keys {
				for _, form := range keyForms(key) {
					if !catalog.Allows(cue.Str(form)) {
						t.Errorf("%s %s: %s is owned, but the catalog does not know it", component, file, form)
					}
				}
			}
		}
	}
}

// TestDeprecatedNamesOfOwnedKeysAreOwned proves no deprecated name of an
// owned key escapes: Hadoop reads it as its replacement.
func TestDeprecatedNamesOfOwnedKeysAreOwned(t *testing.T) {
	platform := ownershipPlatform(t)
	names := map[string][]string{"nameservice": {"x"}, "namenode": {"nn0", "nn1"}}
	for component, table := range tables(t) {
		matchers := compileOwnership(table, names, func(string) bool { return true })
		for file, owned := range matchers {
			catalog := platform.LookupPath(cue.MakePath(cue.Str(component), cue.Str("config"), cue.Str(file)))
			iter, err := catalog.Fields(cue.Optional(true))
			if err != nil {
				t.Fatal(err)
			}
			for iter.Next() {
				key := iter.Selector().Unquoted()
				attr := iter.Value().Attribute("upstream")
				replacements, found, _ := attr.Lookup(0, "deprecated")
				if !found {
					continue
				}
				for _, r := range strings.Split(replacements, ",") {
					_, replacementOwned := owned.lookup(r)
					if _, ok := owned.lookup(key); replacementOwned && !ok {
						t.Errorf("%s %s: %s is owned, but not its deprecated name %s", component, file, r, key)
					}
				}
			}
		}
	}
}

// TestREADMEListsOwnedKeys proves README.md's "Keys bdconf owns" is the
// ownership tables; BDCONF_UPDATE=1 rewrites it from them.
func TestREADMEListsOwnedKeys(t *testing.T) {
	const begin, end = "<!-- owned-keys:begin -->\n", "<!-- owned-keys:end -->"
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	before, rest, ok1 := strings.Cut(string(readme), begin)
	_, after, ok2 := strings.Cut(rest, end)
	if !ok1 || !ok2 {
		t.Fatalf("README.md has no %q ... %q section", begin, end)
	}
	section := ownershipMarkdown(tables(t))
	if os.Getenv("BDCONF_UPDATE") != "" {
		if err := os.WriteFile("../README.md", []byte(before+begin+section+end+after), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got := rest[:strings.Index(rest, end)]; got != section {
		t.Errorf("README.md's owned keys differ from the tables (BDCONF_UPDATE=1 rewrites them); want:\n%s", section)
	}
}

// ownershipMarkdown renders the tables as one Markdown table.
func ownershipMarkdown(tables map[string]ownership) string {
	var b strings.Builder
	b.WriteString("| File | Key | Set instead, or why bdconf sets it |\n|---|---|---|\n")
	for _, component := range sortedKeys(tables) {
		for _, file := range sortedKeys(tables[component]) {
			for _, key := range sortedKeys(tables[component][file]) {
				o := tables[component][file][key]
				// Outside code spans, <role> would read as an HTML tag.
				prose := strings.NewReplacer("<", "&lt;", ">", "&gt;")
				why := prose.Replace(o.Because)
				if o.From != "" {
					why = fmt.Sprintf("`%s`", o.From)
				}
				if o.Note != "" {
					why += " (" + prose.Replace(o.Note) + ")"
				}
				if o.When != "" {
					why = fmt.Sprintf("with `%s`: %s", o.When, why)
				}
				fmt.Fprintf(&b, "| %s | `%s` | %s |\n", file, key, why)
			}
		}
	}
	return b.String()
}

// TestOwnershipTablesUpToDate keeps the JSON the compiler reads equal to
// the CUE tables of schema/ownership; BDCONF_UPDATE=1 rewrites it.
func TestOwnershipTablesUpToDate(t *testing.T) {
	tables, err := evaluateOwnership()
	if err != nil {
		t.Fatal(err)
	}
	want, err := json.MarshalIndent(tables, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	want = append(want, '\n')
	file := filepath.Join("..", schemaDir, ownershipJSON)
	if os.Getenv("BDCONF_UPDATE") != "" {
		if err := os.WriteFile(file, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(file)
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("%s differs from schema/ownership (BDCONF_UPDATE=1 rewrites it): %v", file, err)
	}
}
