package kdctest

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

const (
	realm    = "EXAMPLE.COM"
	user     = "alice@" + realm
	namenode = "nn/dev-hdfs-namenode-0.dev-hdfs-namenode.dev.svc.cluster.local@" + realm
	http     = "HTTP/dev-hdfs-namenode-0.dev-hdfs-namenode.dev.svc.cluster.local@" + realm
)

// writeKrb5Conf writes a minimal client krb5.conf for realm with kdc at
// address and returns its path; kinit talks TCP to it
// (udp_preference_limit = 1).
func writeKrb5Conf(t *testing.T, address string) string {
	t.Helper()
	return writeKrb5ConfUDP(t, address, 1)
}

// writeKrb5ConfUDP is writeKrb5Conf with the given udp_preference_limit:
// requests smaller than it go over UDP first.
func writeKrb5ConfUDP(t *testing.T, address string, udpLimit int) string {
	t.Helper()
	conf := fmt.Sprintf(`[libdefaults]
	default_realm = %[1]s
	dns_lookup_kdc = false
	rdns = false
	dns_canonicalize_hostname = false
	udp_preference_limit = %[3]d

[realms]
	%[1]s = {
		kdc = %[2]s
	}
`, realm, address, udpLimit)
	path := filepath.Join(t.TempDir(), "krb5.conf")
	if err := os.WriteFile(path, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestKDC(t *testing.T) {
	Require(t)
	kdc := Start(t, realm)
	host, port, err := net.SplitHostPort(kdc.Address())
	if err != nil || host != "127.0.0.1" || port == "88" {
		t.Fatalf("Address() = %q, want 127.0.0.1 and a port other than 88", kdc.Address())
	}
	kdc.AddPrincipals(t, user, namenode, http)
	keytab := filepath.Join(t.TempDir(), "service.keytab")
	kdc.ExportKeytab(t, keytab, user, namenode)
	conf := writeKrb5Conf(t, kdc.Address())

	t.Run("kinit from the keytab", func(t *testing.T) {
		for _, p := range []string{user, namenode} {
			if err := Kinit(conf, keytab, p); err != nil {
				t.Errorf("Kinit(%s): %v", p, err)
			}
		}
	})
	t.Run("default realm from the given krb5.conf", func(t *testing.T) {
		if err := Kinit(conf, keytab, "alice"); err != nil {
			t.Errorf("Kinit(alice): %v", err)
		}
	})
	t.Run("principal not in the keytab", func(t *testing.T) {
		err := Kinit(conf, keytab, http)
		if err == nil || !strings.Contains(err.Error(), "no suitable keys") {
			t.Errorf("Kinit(%s) = %v, want kinit's 'no suitable keys' error", http, err)
		}
	})
	t.Run("stale key rejected by the KDC", func(t *testing.T) {
		stale := filepath.Join(t.TempDir(), "http.keytab")
		kdc.ExportKeytab(t, stale, http)
		kdc.kadmin(t, "test", []string{"cpw -randkey " + http})
		err := Kinit(conf, stale, http)
		if err == nil || !strings.Contains(err.Error(), "Preauthentication failed") {
			t.Errorf("Kinit(%s) with a key changed since export = %v, want 'Preauthentication failed'", http, err)
		}
	})
	t.Run("exporting again keeps keys valid", func(t *testing.T) {
		kdc.ExportKeytab(t, filepath.Join(t.TempDir(), "nn.keytab"), namenode)
		if err := Kinit(conf, keytab, namenode); err != nil {
			t.Errorf("Kinit(%s) with the first keytab after a second export: %v", namenode, err)
		}
	})
	t.Run("krb5.conf naming another KDC", func(t *testing.T) {
		wrong := writeKrb5Conf(t, unusedAddress(t))
		err := Kinit(wrong, keytab, user)
		if err == nil || !strings.Contains(err.Error(), "Cannot contact any KDC") {
			t.Errorf("Kinit with a krb5.conf naming no KDC = %v, want 'Cannot contact any KDC'", err)
		}
	})
	t.Run("KDC answers over UDP", func(t *testing.T) {
		trace := kinitTrace(t, writeKrb5ConfUDP(t, kdc.Address(), 65535), keytab, user)
		want := "Received answer (" // ... bytes) from dgram 127.0.0.1:PORT
		if !strings.Contains(trace, want) || !strings.Contains(trace, "from dgram "+kdc.Address()) {
			t.Errorf("kinit got no UDP answer from %s; trace:\n%s", kdc.Address(), trace)
		}
	})
	t.Run("kadmin.local failures fail the test", func(t *testing.T) {
		cases := []struct {
			want string // in the failure message
			call func(tb testing.TB)
		}{
			{"Principal or policy already exists", func(tb testing.TB) { kdc.AddPrincipals(tb, user) }},
			{"is not in realm EXAMPLE.COM", func(tb testing.TB) { kdc.AddPrincipals(tb, "bob@OTHER.ORG") }},
			{"Principal nobody@EXAMPLE.COM does not exist", func(tb testing.TB) {
				kdc.ExportKeytab(tb, filepath.Join(t.TempDir(), "x.keytab"), "nobody")
			}},
		}
		for _, c := range cases {
			if msg := fatalMessage(t, c.call); !strings.Contains(msg, c.want) {
				t.Errorf("failure message %q does not contain %q", msg, c.want)
			}
		}
	})
	t.Run("missing krb5.conf", func(t *testing.T) {
		missing := filepath.Join(t.TempDir(), "krb5.conf")
		if err := Kinit(missing, keytab, user); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Kinit with missing %s = %v, want an error wrapping fs.ErrNotExist", missing, err)
		}
	})
}

// TestManyPrincipals creates and exports as many principals as a generated
// platform has, each in a keytab of its own, and logs them all in.
func TestManyPrincipals(t *testing.T) {
	Require(t)
	kdc := Start(t, realm)
	var principals []string
	for i := range 20 {
		host := fmt.Sprintf("dev-hdfs-datanode-%d.dev-hdfs-datanode.dev.svc.cluster.local", i)
		principals = append(principals, "dn/"+host+"@"+realm, "HTTP/"+host+"@"+realm)
	}
	kdc.AddPrincipals(t, principals...)
	conf := writeKrb5Conf(t, kdc.Address())
	dir := t.TempDir()
	for i := 0; i < len(principals); i += 2 {
		kdc.ExportKeytab(t, filepath.Join(dir, fmt.Sprintf("%d.keytab", i)), principals[i:i+2]...)
	}
	for i, p := range principals {
		if err := Kinit(conf, filepath.Join(dir, fmt.Sprintf("%d.keytab", i/2*2)), p); err != nil {
			t.Errorf("Kinit(%s): %v", p, err)
		}
	}
}

func TestMissingToolsNamePackages(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PATH", dir)
	_, err := lookupTools(nil)
	want := "apt-get install krb5-kdc krb5-admin-server krb5-user"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("lookupTools with an empty PATH = %v, want an error naming %q", err, want)
	}
	for _, name := range []string{"kinit", "klist"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	_, err = lookupTools(nil)
	want = "not found: krb5kdc, kdb5_util, kadmin.local (apt-get install krb5-kdc krb5-admin-server)"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("lookupTools with only kinit and klist = %v, want an error naming %q", err, want)
	}
}

// kinitTrace runs kinit for principal from keytab with conf and returns
// its KRB5_TRACE output; kinit must succeed.
func kinitTrace(t *testing.T, conf, keytab, principal string) string {
	t.Helper()
	kinit, err := tool("kinit")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	trace := filepath.Join(dir, "trace")
	env := cleanEnv("KRB5_CONFIG="+conf, "KRB5_TRACE="+trace, "KRB5CCNAME=FILE:"+filepath.Join(dir, "ccache"))
	if stdout, stderr, err := runTool(env, "", kinit, "-k", "-t", keytab, principal); err != nil {
		t.Fatalf("kinit: %v\n%s%s", err, stdout, stderr)
	}
	data, err := os.ReadFile(trace)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// fatalTB records the first Fatalf instead of failing the real test.
type fatalTB struct {
	testing.TB
	msg string
}

// Fatalf records the message and ends the calling goroutine, as
// testing.T.Fatalf does.
func (f *fatalTB) Fatalf(format string, args ...any) {
	f.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// fatalMessage runs call with a testing.TB whose Fatalf is recorded and
// returns the message, or "" when call did not call Fatalf.
func fatalMessage(t *testing.T, call func(testing.TB)) string {
	f := &fatalTB{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		call(f)
	}()
	<-done
	return f.msg
}

// unusedAddress returns a 127.0.0.1 address where nothing listens.
func unusedAddress(t *testing.T) string {
	t.Helper()
	port, err := freePort()
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("127.0.0.1:%d", port)
}
