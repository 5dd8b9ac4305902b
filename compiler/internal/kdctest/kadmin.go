package kdctest

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// AddPrincipals creates each principal with random keys (kadmin.local
// addprinc -randkey), all in one kadmin.local session. A name without a realm
// gets the KDC's; a name in another realm, or one that already exists, fails
// the test.
func (k *KDC) AddPrincipals(t testing.TB, principals ...string) {
	t.Helper()
	names := k.fullNames(t, "AddPrincipals", principals)
	var commands []string
	for _, name := range names {
		commands = append(commands, "addprinc -randkey -clearpolicy "+name)
	}
	out := k.kadmin(t, "AddPrincipals", commands)
	for _, name := range names {
		if !strings.Contains(out, fmt.Sprintf("Principal %q created.", name)) {
			t.Fatalf("kdctest.AddPrincipals: %s was not created:\n%s", name, out)
		}
	}
}

// ExportKeytab adds the current keys of principals to the keytab at path
// (kadmin.local ktadd -norandkey), creating it if needed. The keys stay valid:
// exporting a principal again, to any keytab, does not change them.
func (k *KDC) ExportKeytab(t testing.TB, path string, principals ...string) {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil || checkName("keytab path", abs) != nil {
		t.Fatalf("kdctest.ExportKeytab: unusable keytab path %q (no spaces or quotes)", path)
	}
	names := k.fullNames(t, "ExportKeytab", principals)
	var commands []string
	for _, name := range names {
		commands = append(commands, "ktadd -k "+abs+" -norandkey "+name)
	}
	out := k.kadmin(t, "ExportKeytab", commands)
	for _, name := range names {
		if !strings.Contains(out, "Entry for principal "+name+" with kvno") {
			t.Fatalf("kdctest.ExportKeytab: no key of %s was written to %s:\n%s", name, abs, out)
		}
	}
}

// kadmin runs commands, one a line, in a single kadmin.local session and
// returns its stdout and stderr. kadmin.local exits 0 even when a command
// fails, so callers check the output for each command's success message.
func (k *KDC) kadmin(t testing.TB, caller string, commands []string) string {
	t.Helper()
	kadminLocal, err := tool("kadmin.local")
	if err != nil {
		t.Fatalf("kdctest.%s: %v", caller, err)
	}
	stdin := strings.Join(commands, "\n") + "\n"
	stdout, stderr, err := runTool(k.env, stdin, kadminLocal, "-r", k.realm)
	out := stdout + stderr
	if err != nil {
		t.Fatalf("kdctest.%s: kadmin.local: %v\n%s\n%s", caller, err, out,
			tail(20, filepath.Join(k.dir, "kadmin.log")))
	}
	return out
}

// fullNames checks principals and appends the KDC's realm to names without
// one; a principal of another realm fails the test (kadmin.local would
// create it in this database, where no client of that realm looks).
func (k *KDC) fullNames(t testing.TB, caller string, principals []string) []string {
	t.Helper()
	if len(principals) == 0 {
		t.Fatalf("kdctest.%s: no principals", caller)
	}
	var names []string
	for _, p := range principals {
		if err := checkName("principal", p); err != nil {
			t.Fatalf("kdctest.%s: %v", caller, err)
		}
		name, realm := splitRealm(p)
		if realm == "" {
			realm = k.realm
		}
		if realm != k.realm {
			t.Fatalf("kdctest.%s: principal %q is not in realm %s", caller, p, k.realm)
		}
		names = append(names, name+"@"+realm)
	}
	return names
}

// splitRealm splits a principal name at its last "@" into name and realm;
// realm is empty when there is no "@".
func splitRealm(principal string) (name, realm string) {
	i := strings.LastIndex(principal, "@")
	if i < 0 {
		return principal, ""
	}
	return principal[:i], principal[i+1:]
}

// checkName rejects an empty value and the characters that would split or
// escape a kadmin.local command line: whitespace, quotes and backslashes.
func checkName(what, value string) error {
	bad := func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(`"'\`, r) }
	if value == "" || strings.ContainsFunc(value, bad) {
		return fmt.Errorf("invalid %s %q: empty, or holds whitespace, a quote or a backslash", what, value)
	}
	return nil
}
