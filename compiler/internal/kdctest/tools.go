package kdctest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// requireEnv is set by CI (.ci/run): end-to-end tests fail instead of
// skipping when a real component is missing.
const requireEnv = "BDCONF_REQUIRE_E2E"

// toolPackages maps every MIT Kerberos binary the harness runs to the Debian
// package that ships it.
var toolPackages = []struct{ name, pkg string }{
	{"krb5kdc", "krb5-kdc"},
	{"kdb5_util", "krb5-kdc"},
	{"kadmin.local", "krb5-admin-server"},
	{"kinit", "krb5-user"},
	{"klist", "krb5-user"},
}

// sbinDirs are searched after PATH: Debian installs the KDC tools in
// /usr/sbin, which is not on a normal user's PATH.
var sbinDirs = []string{"/usr/sbin", "/sbin"}

// tools resolves every binary of toolPackages once, name -> absolute path.
var tools = sync.OnceValues(func() (map[string]string, error) { return lookupTools(sbinDirs) })

// Require skips the test when the MIT Kerberos binaries are missing, or fails
// it when BDCONF_REQUIRE_E2E is set (CI sets it); the message names the Debian
// packages to install.
func Require(t testing.TB) {
	t.Helper()
	if _, err := tools(); err != nil {
		if os.Getenv(requireEnv) != "" {
			t.Fatalf("kdctest: %v", err)
		}
		t.Skipf("kdctest: %v; .ci/run installs them", err)
	}
}

// tool returns the absolute path of the MIT binary name.
func tool(name string) (string, error) {
	paths, err := tools()
	if err != nil {
		return "", err
	}
	return paths[name], nil
}

// lookupTools finds every binary of toolPackages on PATH or in dirs; the
// error lists the missing binaries and the packages that ship them.
func lookupTools(dirs []string) (map[string]string, error) {
	paths := map[string]string{}
	var missing, pkgs []string
	for _, tp := range toolPackages {
		path, ok := lookTool(tp.name, dirs)
		if !ok {
			missing = append(missing, tp.name)
			if !slices.Contains(pkgs, tp.pkg) {
				pkgs = append(pkgs, tp.pkg)
			}
			continue
		}
		paths[tp.name] = path
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("MIT Kerberos binaries not found: %s (apt-get install %s)",
			strings.Join(missing, ", "), strings.Join(pkgs, " "))
	}
	return paths, nil
}

// lookTool finds name on PATH, then in dirs.
func lookTool(name string, dirs []string) (string, bool) {
	if path, err := exec.LookPath(name); err == nil {
		if abs, err := filepath.Abs(path); err == nil {
			return abs, true
		}
	}
	for _, dir := range dirs {
		path := filepath.Join(dir, name)
		if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() && info.Mode()&0o111 != 0 {
			return path, true
		}
	}
	return "", false
}
