//go:build linux

package kubetest

import (
	"os"
	"path/filepath"
	"testing"
)

// RequireBinaries returns the directory named by $BDCONF_KUBE_BIN. The
// calling test skips when it is unset (`make test` stays fast; `make e2e`
// sets it), and when it lacks etcd or kube-apiserver, unless
// BDCONF_REQUIRE_E2E is set, which makes a missing binary a failure.
func RequireBinaries(t testing.TB) string {
	t.Helper()
	dir := os.Getenv(BinEnv)
	if dir == "" {
		t.Skipf("%s is not set; `make e2e` builds etcd and kube-apiserver and runs this test", BinEnv)
	}
	for _, name := range Binaries {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			if os.Getenv("BDCONF_REQUIRE_E2E") != "" {
				t.Fatalf("%s=%s: %v; run .ci/kube/build.sh", BinEnv, dir, err)
			}
			t.Skipf("%s=%s: %v; run .ci/kube/build.sh or `make e2e`", BinEnv, dir, err)
		}
	}
	return dir
}
