package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const krbFixture = `Intro
=====

[libdefaults]
~~~~~~~~~~~~~

**forwardable**
    If this flag is true, tickets are forwardable.  The default value is false.

**ticket_lifetime**
    (:ref:` + "`duration`" + ` string.)  The default value is 1 day.

**ldap_kdc_dn** and **ldap_kadmind_dn**
    Names.  The default is 300 seconds.

[plugins]
~~~~~~~~~

**module**
    This tag may have multiple values.

ccselect interface
##################

**k5identity**
    A module, not a relation.

PKINIT krb5.conf options
~~~~~~~~~~~~~~~~~~~~~~~~

* **pkinit_pool**
`

func TestParseKrbRST(t *testing.T) {
	var got []string
	for _, r := range parseKrbRST(krbFixture) {
		got = append(got, r.Section+"."+r.Name)
	}
	want := []string{"libdefaults.forwardable", "libdefaults.ticket_lifetime", "libdefaults.ldap_kdc_dn", "libdefaults.ldap_kadmind_dn", "plugins.module", "pkinit.pkinit_pool"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestKrbKey(t *testing.T) {
	rels := parseKrbRST(krbFixture)
	want := map[string]Key{
		"forwardable":     {Name: "forwardable", Type: typ(KindBool), Default: "false", HasDefault: true},
		"ticket_lifetime": {Name: "ticket_lifetime", Type: typ(KindDuration), Default: "1d", HasDefault: true},
		"ldap_kdc_dn":     {Name: "ldap_kdc_dn", Type: typ(KindDuration), Default: "300s", HasDefault: true},
		"module":          {Name: "module", Type: typ(KindList)},
	}
	for _, r := range rels {
		w, ok := want[r.Name]
		if !ok {
			continue
		}
		if diff := cmp.Diff(w, krbKey(r)); diff != "" {
			t.Errorf("%s: (-want +got):\n%s", r.Name, diff)
		}
	}
}

// TestKrbOverridesUsed requires every reviewed entry to name a documented
// relation of its section.
func TestKrbOverridesUsed(t *testing.T) {
	needUpstream(t)
	names := map[string]bool{}
	for _, src := range []string{"kerberos/krb5_conf.rst", "kerberos/kdc_conf.rst"} {
		rels, err := readKrbRelations(upstreamDir, src)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rels {
			names[r.Section+"."+r.Name] = true
		}
	}
	requireAll(t, "krbTypeOverrides", sortedKeys(krbTypeOverrides), names)
	for def, st := range krbSectionTargets {
		if len(st.sections) == 0 && len(st.decls) == 0 {
			t.Errorf("krbSectionTargets[%s] is empty", def)
		}
		if len(st.sections) == 0 && !strings.HasPrefix(def, "Krb5") {
			t.Errorf("krbSectionTargets[%s]: a pattern-only section must be a krb5.conf one", def)
		}
	}
}
