package native_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// MIT Kerberos reads krb5.conf with its profile library (libkrb5). These
// tests run it where it is installed (Debian: krb5-user for klist, libkrb5-3
// and a C compiler for the profile dump) and skip otherwise, unless
// BDCONF_REQUIRE_E2E is set.

// mitDumpSource prints the tree that libkrb5's profile library parsed from
// argv[1] as JSON: a node is a list of [name, value] pairs in the library's
// order, value a string for a relation and a node for a subsection. The
// profile API is declared here because libkrb5-dev may be missing.
const mitDumpSource = `#include <stdio.h>
typedef long errcode_t;
typedef struct _profile_t *profile_t;
errcode_t profile_init_path(const char *path, profile_t *profile);
errcode_t profile_iterator_create(profile_t, const char *const *names, int flags, void **iter);
errcode_t profile_iterator(void **iter, char **name, char **value);
void profile_iterator_free(void **iter);
#define PROFILE_ITER_LIST_SECTION 1

static void str(const char *s) {
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') printf("\\%c", *p);
        else if (*p < 0x20) printf("\\u%04x", *p);
        else putchar(*p);
    }
    putchar('"');
}

static int dump(profile_t prof, const char **names, int depth) {
    void *it; char *name, *value; errcode_t e; int n = 0;
    if (depth > 60) { fprintf(stderr, "too deep\n"); return 1; }
    if ((e = profile_iterator_create(prof, names, PROFILE_ITER_LIST_SECTION, &it))) {
        fprintf(stderr, "profile_iterator_create: error %ld\n", e); return 1;
    }
    putchar('[');
    for (;;) {
        if ((e = profile_iterator(&it, &name, &value))) {
            fprintf(stderr, "profile_iterator: error %ld\n", e); return 1;
        }
        if (name == NULL) break;
        if (n++) putchar(',');
        putchar('['); str(name); putchar(',');
        if (value) str(value);
        else {
            names[depth] = name; names[depth + 1] = NULL;
            if (dump(prof, names, depth + 1)) return 1;
            names[depth] = NULL;
        }
        putchar(']');
    }
    putchar(']');
    profile_iterator_free(&it);
    return 0;
}

int main(int argc, char **argv) {
    profile_t prof; const char *names[64] = {0}; errcode_t e;
    if (argc != 2) { fprintf(stderr, "usage: mitdump FILE\n"); return 2; }
    if ((e = profile_init_path(argv[1], &prof))) {
        fprintf(stderr, "profile_init_path: error %ld\n", e); return 1;
    }
    if (dump(prof, names, 0)) return 1;
    putchar('\n');
    return 0;
}
`

// TestKrb5ConfMITRoundTrip writes hostile but legal relations and requires
// MIT's profile library to read back exactly the intended values.
func TestKrb5ConfMITRoundTrip(t *testing.T) {
	dump := mitDumpBinary(t)
	in := krb5Hostile()
	file := writeKrb5(t, in)
	if diff := cmp.Diff(krb5Want(in), mitRead(t, dump, file)); diff != "" {
		t.Errorf("MIT's profile library reads krb5.conf differently (-want +got):\n%s", diff)
	}
}

// TestKrb5ConfMITKlist requires MIT's klist to initialize its library from
// rendered files, and to fail on a malformed one (so the check can fail).
func TestKrb5ConfMITKlist(t *testing.T) {
	klist := mitTool(t, "klist")
	dir := t.TempDir()
	keytab := filepath.Join(dir, "empty.keytab")
	if err := os.WriteFile(keytab, []byte{0x05, 0x02}, 0o600); err != nil { // keytab format 0x502, no entries
		t.Fatal(err)
	}
	malformed := filepath.Join(dir, "malformed.conf")
	if err := os.WriteFile(malformed, []byte("[libdefaults]\n  relation without equals\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := runKlist(klist, malformed, keytab); err == nil {
		t.Fatalf("klist accepted a malformed krb5.conf:\n%s", out)
	}
	realistic := lib("default_realm", "EXAMPLE.COM")
	realistic["realms"] = map[string]any{"EXAMPLE.COM": map[string]any{"kdc": []any{"kdc-0:88", "kdc-1:88"}, "admin_server": "kdc-0:749"}}
	for name, sections := range map[string]map[string]map[string]any{"realistic": realistic, "hostile": krb5Hostile()} {
		if out, err := runKlist(klist, writeKrb5(t, sections), keytab); err != nil {
			t.Errorf("klist rejects the %s krb5.conf: %v\n%s", name, err, out)
		}
	}
}

// runKlist lists an empty keytab with KRB5_CONFIG=conf: it fails only when
// libkrb5 cannot initialize from conf.
func runKlist(klist, conf, keytab string) ([]byte, error) {
	cmd := exec.Command(klist, "-k", "FILE:"+keytab)
	cmd.Env = append(os.Environ(), "KRB5_CONFIG="+conf, "KRB5CCNAME=MEMORY:bdconf-test")
	return cmd.CombinedOutput()
}

// mitDumpBinary compiles mitDumpSource against libkrb5 and returns the
// binary's path.
func mitDumpBinary(t *testing.T) string {
	t.Helper()
	cc := mitTool(t, "cc")
	dir := t.TempDir()
	src := filepath.Join(dir, "mitdump.c")
	bin := filepath.Join(dir, "mitdump")
	if err := os.WriteFile(src, []byte(mitDumpSource), 0o644); err != nil {
		t.Fatal(err)
	}
	var errs []string
	for _, lib := range []string{"-lkrb5", "-l:libkrb5.so.3"} {
		out, err := exec.Command(cc, "-o", bin, src, lib).CombinedOutput()
		if err == nil {
			return bin
		}
		errs = append(errs, strings.TrimSpace(string(out)))
	}
	mitMissing(t, "cannot link against libkrb5:\n"+strings.Join(errs, "\n"))
	return ""
}

// mitRead runs the dump binary on file and returns its tree in the shape of
// krb5Want.
func mitRead(t *testing.T, dump, file string) map[string]any {
	t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(dump, file)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("MIT profile library rejects %s: %v\n%s", file, err, stderr.String())
	}
	var pairs []any
	if err := json.Unmarshal(out, &pairs); err != nil {
		t.Fatalf("decoding the MIT dump: %v\n%s", err, out)
	}
	return mitTree(t, pairs)
}

// mitTree folds [name, value] pairs into a tree: repeated relations become
// one []string in order, subsections map[string]any.
func mitTree(t *testing.T, pairs []any) map[string]any {
	t.Helper()
	tree := map[string]any{}
	for _, p := range pairs {
		pair := p.([]any)
		name := pair[0].(string)
		switch v := pair[1].(type) {
		case string:
			values, _ := tree[name].([]string)
			tree[name] = append(values, v)
		case []any:
			if _, dup := tree[name]; dup {
				t.Fatalf("MIT dump: %q is both a subsection and something else", name)
			}
			tree[name] = mitTree(t, v)
		}
	}
	return tree
}

// mitTool returns the path of an MIT test prerequisite or skips the test.
func mitTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		mitMissing(t, err.Error())
	}
	return path
}

// mitMissing skips the test, or fails it when BDCONF_REQUIRE_E2E is set.
func mitMissing(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("BDCONF_REQUIRE_E2E") != "" {
		t.Fatalf("MIT Kerberos check required (BDCONF_REQUIRE_E2E) but unavailable: %s", why)
	}
	t.Skipf("MIT Kerberos check skipped: %s", why)
}
