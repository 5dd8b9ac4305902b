package compiler_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	krbclient "github.com/jcmturner/gokrb5/v8/client"
	"github.com/jcmturner/gokrb5/v8/config"
	"github.com/jcmturner/gokrb5/v8/keytab"

	"github.com/bdconf/bdconf/compiler"
	"github.com/bdconf/bdconf/compiler/internal/kdctest"
)

// TestGokrb5ReadsEmittedKerberos is the Kerberos side of a Go client
// (gokrb5, what colinmarc/hdfs logs in with): config.Load parses every
// golden krb5.conf, and with the real MIT KDC every principal of the
// prod-secure descriptor logs in from the keytab exported for its Secret,
// through the krb5.conf bdconf emits. A principal dropped from its keytab
// must then fail to log in.
func TestGokrb5ReadsEmittedKerberos(t *testing.T) {
	t.Run("every golden krb5.conf", checkGoldenKrb5Confs)
	kdctest.Require(t)
	kdc := kdctest.Start(t, kerberosRealm)
	res := compileAgainstKDC(t, kdc.Address())
	cfg := loadKrb5Conf(t, emittedKrb5Conf(t, res, kdc.Address()))
	groups := groupPrincipals(res.Kerberos.Principals, func(p compiler.Principal) keytabRef { return keytabRef{p.Secret, p.Key} })
	keytabs := exportKeytabs(t, kdc, groups)
	t.Run("every principal logs in with its keytab", func(t *testing.T) {
		for _, ref := range sortedRefs(groups) {
			kt := loadKeytab(t, keytabs[ref])
			for _, p := range groups[ref] {
				if err := gokrb5Login(cfg, kt, p.Principal); err != nil {
					t.Errorf("principal of Secret %s key %s: %v", ref.secret, ref.key, err)
				}
			}
		}
		t.Logf("%d principals in %d keytabs logged in", len(res.Kerberos.Principals), len(groups))
	})
	t.Run("a principal dropped from its keytab does not log in", func(t *testing.T) {
		ref := sortedRefs(groups)[0]
		kept, dropped := groups[ref][:len(groups[ref])-1], groups[ref][len(groups[ref])-1]
		path := filepath.Join(t.TempDir(), "dropped.keytab")
		var names []string
		for _, p := range kept {
			names = append(names, p.Principal)
		}
		kdc.ExportKeytab(t, path, names...)
		err := gokrb5Login(cfg, loadKeytab(t, path), dropped.Principal)
		if err == nil || !strings.Contains(err.Error(), "matching key not found in keytab") {
			t.Errorf("login of %s from a keytab without it: %v, want no matching key", dropped.Principal, err)
		}
	})
}

// checkGoldenKrb5Confs loads every golden krb5.conf with gokrb5 and
// requires the platform's realm as default realm, with KDCs, and as the
// realm gokrb5 resolves (domain_realm) for every principal's host.
func checkGoldenKrb5Confs(t *testing.T) {
	confs, _ := filepath.Glob("../golden/*/native/kerberos/krb5.conf")
	if len(confs) == 0 {
		t.Fatal("no golden krb5.conf")
	}
	for _, path := range confs {
		cfg := loadKrb5Conf(t, path)
		d := goldenDescriptor(t, filepath.Join(path, "../../../kerberos.json"))
		if cfg.LibDefaults.DefaultRealm != d.Realm {
			t.Errorf("%s: default realm %q, want %q", path, cfg.LibDefaults.DefaultRealm, d.Realm)
		}
		if n, kdcs, err := cfg.GetKDCs(d.Realm, true); err != nil || n == 0 {
			t.Errorf("%s: KDCs of %s: %v %v", path, d.Realm, kdcs, err)
		}
		for _, p := range d.Principals {
			name, _, _ := strings.Cut(p.Principal, "@")
			_, host, _ := strings.Cut(name, "/")
			if got := cfg.ResolveRealm(host); got != d.Realm {
				t.Errorf("%s: %s resolves to realm %q, want %q", path, host, got, d.Realm)
			}
		}
	}
}

// goldenDescriptor reads a golden kerberos.json.
func goldenDescriptor(t *testing.T, path string) compiler.KerberosDescriptor {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var d compiler.KerberosDescriptor
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return d
}

// loadKrb5Conf parses the krb5.conf at path with gokrb5.
func loadKrb5Conf(t *testing.T, path string) *config.Config {
	t.Helper()
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatalf("gokrb5 config.Load(%s): %v", path, err)
	}
	return cfg
}

// loadKeytab parses the MIT keytab at path with gokrb5.
func loadKeytab(t *testing.T, path string) *keytab.Keytab {
	t.Helper()
	kt, err := keytab.Load(path)
	if err != nil {
		t.Fatalf("gokrb5 keytab.Load(%s): %v", path, err)
	}
	return kt
}

// gokrb5Login logs principal in (an AS exchange with pre-authentication)
// with its key from kt.
func gokrb5Login(cfg *config.Config, kt *keytab.Keytab, principal string) error {
	name, realm, _ := strings.Cut(principal, "@")
	c := krbclient.NewWithKeytab(name, realm, kt, cfg, krbclient.DisablePAFXFAST(true))
	defer c.Destroy()
	return c.Login()
}
