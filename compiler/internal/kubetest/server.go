//go:build linux

// Package kubetest runs a real etcd and kube-apiserver on 127.0.0.1 for
// end-to-end tests and talks to the API server over HTTPS with net/http
// only: server-side apply with strict field validation, dry-run creation,
// the Warning headers the server sends (Pod Security admission only warns
// about workload templates) and vendored CRDs for kinds the API server
// does not serve itself.
//
// The binaries are built from the Go module proxy by .ci/kube/build.sh;
// `make e2e` builds them and runs the test with BinEnv pointing at them.
package kubetest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/bdconf/bdconf/compiler/internal/daemon"
)

// BinEnv names the environment variable that holds the directory with the
// etcd and kube-apiserver binaries.
const BinEnv = "BDCONF_KUBE_BIN"

// Binaries lists the executables Start needs in its directory.
var Binaries = []string{"etcd", "kube-apiserver"}

// Start runs etcd and kube-apiserver from binDir on free 127.0.0.1 ports
// with a fresh data directory, waits until the API server is ready and
// returns a client authenticated as a cluster administrator (a static
// token in group system:masters). Both processes are stopped when t's
// cleanup runs, also when t fails.
func Start(t testing.TB, binDir string) *Client {
	t.Helper()
	dir := t.TempDir()
	ports := freePorts(t, 3)
	etcdURL := fmt.Sprintf("http://127.0.0.1:%d", ports[0])
	startEtcd(t, binDir, dir, etcdURL, fmt.Sprintf("http://127.0.0.1:%d", ports[1]))
	return startAPIServer(t, binDir, dir, etcdURL, ports[2])
}

// startEtcd starts a single-member etcd without fsync (the data is thrown
// away) and waits until it is healthy.
func startEtcd(t testing.TB, binDir, dir, clientURL, peerURL string) {
	t.Helper()
	etcd := startProcess(t, dir, filepath.Join(binDir, "etcd"),
		"--name=e2e", "--data-dir="+filepath.Join(dir, "etcd"),
		"--listen-client-urls="+clientURL, "--advertise-client-urls="+clientURL,
		"--listen-peer-urls="+peerURL, "--initial-advertise-peer-urls="+peerURL,
		"--initial-cluster=e2e="+peerURL, "--unsafe-no-fsync", "--log-level=warn")
	waitUntil(t, etcd, 30*time.Second, "become healthy", func() bool {
		resp, err := (&http.Client{Timeout: 2 * time.Second}).Get(clientURL + "/health")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})
}

// startAPIServer starts kube-apiserver on port and returns a client once
// it is ready.
func startAPIServer(t testing.TB, binDir, dir, etcdURL string, port int) *Client {
	t.Helper()
	token := writeCredentials(t, dir)
	certDir := filepath.Join(dir, "pki")
	api := startProcess(t, dir, filepath.Join(binDir, "kube-apiserver"), apiserverArgs(dir, certDir, etcdURL, port)...)
	servingCert := filepath.Join(certDir, "apiserver.crt")
	var c *Client
	waitUntil(t, api, 60*time.Second, "become ready (/readyz)", func() bool {
		if c == nil { // until kube-apiserver has written its self-signed certificate
			c, _ = newClient(fmt.Sprintf("https://127.0.0.1:%d", port), servingCert, token)
		}
		return c != nil && c.ready(t.Context())
	})
	return c
}

// apiserverArgs configures kube-apiserver for one loopback-only run: a
// self-signed serving certificate in certDir for 127.0.0.1, static token
// authentication, RBAC, and the admission plugins of a typical cluster
// (PodSecurity and ServiceAccount among them). The endpoint reconciler is
// off: it rejects 127.0.0.1 as the kubernetes Service's endpoint.
func apiserverArgs(dir, certDir, etcdURL string, port int) []string {
	saKey := filepath.Join(dir, "service-account.key")
	return []string{
		"--etcd-servers=" + etcdURL,
		"--bind-address=127.0.0.1", "--advertise-address=127.0.0.1", fmt.Sprintf("--secure-port=%d", port),
		"--cert-dir=" + certDir,
		"--token-auth-file=" + filepath.Join(dir, "tokens.csv"),
		"--authorization-mode=RBAC",
		"--service-account-issuer=https://kubernetes.default.svc.cluster.local",
		"--service-account-key-file=" + saKey, "--service-account-signing-key-file=" + saKey,
		"--service-cluster-ip-range=10.96.0.0/24",
		"--enable-admission-plugins=NamespaceLifecycle,LimitRanger,ServiceAccount,PodSecurity,ResourceQuota," +
			"DefaultStorageClass,DefaultTolerationSeconds,MutatingAdmissionWebhook,ValidatingAdmissionWebhook,ValidatingAdmissionPolicy",
		"--endpoint-reconciler-type=none",
		"--profiling=false",
	}
}

// writeCredentials writes the service-account signing key and a token file
// with one cluster administrator, and returns that administrator's token.
func writeCredentials(t testing.TB, dir string) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatalf("kubetest: %v", err)
	}
	der, err := x509.MarshalECPrivateKey(key) // SEC 1: kube-apiserver reads its public half too
	if err != nil {
		t.Fatalf("kubetest: %v", err)
	}
	token := rand.Text()
	writeFile(t, filepath.Join(dir, "service-account.key"), pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: der}))
	writeFile(t, filepath.Join(dir, "tokens.csv"), []byte(token+",bdconf-e2e,bdconf-e2e,system:masters\n"))
	return token
}

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatalf("kubetest: %v", err)
	}
}

// freePorts reserves n distinct loopback ports.
func freePorts(t testing.TB, n int) []int {
	t.Helper()
	var ports []int
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatalf("kubetest: %v", err)
		}
		defer l.Close()
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports
}

// waitUntil polls cond until it holds; it fails t with the tail of p's log
// when p exits first or timeout passes.
func waitUntil(t testing.TB, p *daemon.Process, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if cond() {
			return
		}
		if p.Exited() {
			t.Fatalf("kubetest: %s exited before it could %s; last lines of its log:\n%s", p.Name, what, daemon.Tail(30, p.Log))
		}
	}
	t.Fatalf("kubetest: %s did not %s within %s; last lines of its log:\n%s", p.Name, what, timeout, daemon.Tail(30, p.Log))
}
