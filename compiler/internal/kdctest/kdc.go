// Package kdctest runs a real MIT Kerberos KDC (Debian's krb5-kdc,
// krb5-admin-server and krb5-user) on 127.0.0.1 for end-to-end tests: it
// creates principals, exports keytabs and checks with kinit that a krb5.conf
// lets a principal log in.
//
// Everything lives in t.TempDir(): the realm database, its stash, the KDC's
// kdc.conf (KRB5_KDC_PROFILE) and krb5.conf (KRB5_CONFIG) and its logs.
// Nothing under /etc is read, the KDC listens on a free port (never 88), and
// it needs no root.
package kdctest

import (
	"crypto/rand"
	"fmt"
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/bdconf/bdconf/compiler/internal/daemon"
)

// startAttempts is how often Start picks a new port when another process
// took the free port it found before krb5kdc could bind it.
const startAttempts = 3

// KDC is a running krb5kdc serving one realm from a database in a temporary
// directory; it stops at the end of the test that started it.
type KDC struct {
	realm   string
	address string   // 127.0.0.1:PORT, TCP and UDP
	dir     string   // database, configuration and logs
	env     []string // environment of krb5kdc, kdb5_util and kadmin.local
}

// Start creates a fresh database for realm in a temporary directory and runs
// krb5kdc for it on a free 127.0.0.1 port (TCP and UDP), stopping it at test
// cleanup. It fails the test when the MIT binaries are missing (call Require
// first to skip instead) or the KDC does not come up.
func Start(t testing.TB, realm string) *KDC {
	t.Helper()
	if checkName("realm", realm) != nil || strings.ContainsAny(realm, "/@") {
		t.Fatalf("kdctest.Start: invalid realm %q", realm)
	}
	if _, err := tools(); err != nil {
		t.Fatalf("kdctest.Start: %v", err)
	}
	k := &KDC{realm: realm, dir: t.TempDir()}
	var err error
	for attempt := 1; attempt <= startAttempts; attempt++ {
		if err = k.start(t, attempt == 1); err == nil {
			return k
		}
		if !strings.Contains(tail(20, k.logs()...), "Address already in use") {
			break
		}
	}
	t.Fatalf("kdctest.Start: %v\n%s", err, tail(20, k.logs()...))
	return nil
}

// Address is "127.0.0.1:PORT", the kdc = value of a krb5.conf for the realm.
func (k *KDC) Address() string { return k.address }

// Realm is the realm the KDC serves.
func (k *KDC) Realm() string { return k.realm }

// start configures the KDC on a new free port, creates the database when
// create is set, and runs krb5kdc.
func (k *KDC) start(t testing.TB, create bool) error {
	if err := k.configure(); err != nil {
		return err
	}
	if create {
		if err := k.createDatabase(); err != nil {
			return err
		}
	}
	return k.run(t)
}

// configure picks a free port and writes kdc.conf and krb5.conf for it.
func (k *KDC) configure() error {
	port, err := freePort()
	if err != nil {
		return err
	}
	k.address = net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	kdcConf, krb5Conf, err := writeConfigs(k.dir, k.realm, k.address)
	if err != nil {
		return err
	}
	k.env = cleanEnv("KRB5_CONFIG="+krb5Conf, "KRB5_KDC_PROFILE="+kdcConf, "KRB5RCACHEDIR="+k.dir)
	return nil
}

// createDatabase runs kdb5_util create with a random master password and
// the stash file in the run's directory.
func (k *KDC) createDatabase() error {
	kdb5util, err := tool("kdb5_util")
	if err != nil {
		return err
	}
	password := rand.Text()
	stdout, stderr, err := runTool(k.env, "", kdb5util, "create", "-s", "-r", k.realm, "-P", password)
	if err != nil {
		return fmt.Errorf("kdb5_util create: %v\n%s%s", err, stdout, stderr)
	}
	return nil
}

// run starts krb5kdc in the foreground (-n), registers its stop as a
// cleanup of t and waits until it listens.
func (k *KDC) run(t testing.TB) error {
	krb5kdc, err := tool("krb5kdc")
	if err != nil {
		return err
	}
	p, err := daemon.Start(k.dir, krb5kdc, k.env, "-n", "-r", k.realm)
	if err != nil {
		return err
	}
	t.Cleanup(p.Stop)
	if err := waitListening(p, k.address); err != nil {
		p.Stop()
		return err
	}
	return nil
}

// logs are the KDC's log files: its own log and its stdout and stderr
// (daemon.Process.Log).
func (k *KDC) logs() []string {
	return []string{filepath.Join(k.dir, "kdc.log"), filepath.Join(k.dir, "krb5kdc.log")}
}

// freePort returns a 127.0.0.1 port that is free for both TCP and UDP.
func freePort() (int, error) {
	var lastErr error
	for range 20 {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return 0, err
		}
		port := l.Addr().(*net.TCPAddr).Port
		u, err := net.ListenPacket("udp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
		l.Close()
		if err == nil {
			u.Close()
			return port, nil
		}
		lastErr = err
	}
	return 0, fmt.Errorf("no port free for both TCP and UDP on 127.0.0.1: %v", lastErr)
}
