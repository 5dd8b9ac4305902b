package compiler_test

import (
	"cmp"
	"maps"
	"net"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/bdconf/bdconf/compiler"
	"github.com/bdconf/bdconf/compiler/internal/kdctest"
)

const (
	// kerberosProfile is the reference profile that turns security.kerberos on.
	kerberosProfile = "../profiles/prod-secure/platform.yaml"
	// kerberosRealm is the realm kerberosProfile names.
	kerberosRealm = "DATA.EXAMPLE.COM"
	// keytabSuffix ends every keytab Secret's name: <statefulset>-keytab.
	keytabSuffix = "-keytab"
	// controlPrincipal exists in the KDC but in no keytab: the negative control.
	controlPrincipal = "bdconf-control/not-in-any-keytab@" + kerberosRealm
)

// kerberosServices are the first components of the principals each role's
// daemons log in with, as the emitted configuration names them (JAAS
// principal, hdfs-site.xml dfs.*.kerberos.principal and the SPNEGO HTTP
// principal): component/role -> service names.
var kerberosServices = map[string][]string{
	"zookeeper/server":   {"zookeeper"},
	"zookeeper/observer": {"zookeeper"},
	"hdfs/namenode":      {"nn", "HTTP"},
	"hdfs/journalnode":   {"jn", "HTTP"},
	"hdfs/datanode":      {"dn", "HTTP"},
	"kafka/controller":   {"kafka"},
	"kafka/broker":       {"kafka"},
}

// TestKerberosDescriptorAgainstMITKDC creates every principal of the
// prod-secure descriptor in a real MIT KDC, exports one keytab per Secret
// key as KDC automation would, and logs each principal in with its own
// keytab and the krb5.conf bdconf emits. It also checks the descriptor's
// shape against the compiled StatefulSets: realm, mounted Secrets, pods and
// one principal per service name and pod.
func TestKerberosDescriptorAgainstMITKDC(t *testing.T) {
	kdctest.Require(t)
	kdc := kdctest.Start(t, kerberosRealm)
	res := compileAgainstKDC(t, kdc.Address())
	d := res.Kerberos
	if d == nil || len(d.Principals) == 0 {
		t.Fatalf("%s turns Kerberos on, but the result has no principal (descriptor %+v)", kerberosProfile, d)
	}
	checkRealm(t, d)
	krb5conf := emittedKrb5Conf(t, res, kdc.Address())
	groups := groupPrincipals(d.Principals, func(p compiler.Principal) keytabRef { return keytabRef{p.Secret, p.Key} })
	keytabs := exportKeytabs(t, kdc, groups)
	t.Logf("%d principals in %d keytabs", len(d.Principals), len(keytabs))

	t.Run("every principal logs in with its keytab", func(t *testing.T) {
		for _, ref := range sortedRefs(groups) {
			for _, p := range groups[ref] {
				if err := kdctest.Kinit(krb5conf, keytabs[ref], p.Principal); err != nil {
					t.Errorf("principal of Secret %s key %s: %v", ref.secret, ref.key, err)
				}
			}
		}
	})
	t.Run("a principal in no keytab does not log in", func(t *testing.T) {
		checkNegativeControl(t, kdc, krb5conf, keytabs)
	})
	t.Run("keytab Secrets are mounted by the pods named", func(t *testing.T) {
		bySecret := groupPrincipals(d.Principals, func(p compiler.Principal) string { return p.Secret })
		for _, secret := range slices.Sorted(maps.Keys(bySecret)) {
			checkKeytabSecret(t, res, secret, bySecret[secret])
		}
	})
	t.Run("every mounted keytab is described", func(t *testing.T) {
		checkMountedKeytabsDescribed(t, res, d)
	})
}

// compileAgainstKDC compiles kerberosProfile with its KDCs and admin server
// replaced by the test KDC's address.
func compileAgainstKDC(t *testing.T, address string) *compiler.Result {
	t.Helper()
	sources, err := compiler.ReadFiles(kerberosProfile)
	if err != nil || len(sources) != 1 {
		t.Fatalf("reading %s: %d sources, %v", kerberosProfile, len(sources), err)
	}
	sources[0].Data = pointAtKDC(t, sources[0].Data, address)
	res, err := compiler.Compile(t.Context(), compiler.Options{Sources: sources})
	if err != nil {
		t.Fatalf("compiling %s pointed at %s:\n%v", kerberosProfile, address, err)
	}
	return res
}

// pointAtKDC rewrites the kdcs and adminServer lines of the profile to the
// KDC at address. This is the only change the test makes to the reference
// profile. The admin server gets the KDC's host, as the schema's default
// does; kinit never talks to it.
func pointAtKDC(t *testing.T, profile []byte, address string) []byte {
	t.Helper()
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		t.Fatal(err)
	}
	text := string(profile)
	for _, r := range []struct{ old, new string }{
		{"kdcs: [kdc-1.data.example.com, kdc-2.data.example.com]", `kdcs: ["` + address + `"]`},
		{"adminServer: kdc-1.data.example.com", "adminServer: " + host},
	} {
		if n := strings.Count(text, r.old); n != 1 {
			t.Fatalf("%s holds %q %d times, want once: the profile changed, update this test", kerberosProfile, r.old, n)
		}
		text = strings.Replace(text, r.old, r.new, 1)
	}
	return []byte(text)
}

// checkRealm requires the descriptor and each principal to be in
// kerberosRealm, before the KDC refuses a principal of another realm.
func checkRealm(t *testing.T, d *compiler.KerberosDescriptor) {
	t.Helper()
	if d.Realm != kerberosRealm {
		t.Errorf("descriptor realm = %q, want %q", d.Realm, kerberosRealm)
	}
	for _, p := range d.Principals {
		if name, realm, _ := strings.Cut(p.Principal, "@"); name == "" || realm != kerberosRealm {
			t.Errorf("principal %q is not name@%s", p.Principal, kerberosRealm)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
}

// emittedKrb5Conf writes the platform's krb5.conf, as bdconf emits it, to a
// temporary file and returns its path; it must name the KDC at address.
func emittedKrb5Conf(t *testing.T, res *compiler.Result, address string) string {
	t.Helper()
	file := res.Platform + "/native/kerberos/krb5.conf"
	data, ok := res.File(file)
	if !ok {
		t.Fatalf("no %s among the output files", file)
	}
	if !regexp.MustCompile(`(?m)^\s*kdc\s*=\s*` + regexp.QuoteMeta(address) + `\s*$`).Match(data) {
		t.Fatalf("%s does not name the test KDC %s:\n%s", file, address, data)
	}
	path := filepath.Join(t.TempDir(), "krb5.conf")
	writeFile(t, path, data)
	return path
}

// keytabRef names one keytab: the key of a Secret that KDC automation fills.
type keytabRef struct{ secret, key string }

// sortedRefs returns the keytabs of groups by Secret, then key.
func sortedRefs(groups map[keytabRef][]compiler.Principal) []keytabRef {
	return slices.SortedFunc(maps.Keys(groups), func(a, b keytabRef) int {
		return cmp.Or(strings.Compare(a.secret, b.secret), strings.Compare(a.key, b.key))
	})
}

// groupPrincipals groups principals by key, keeping their order.
func groupPrincipals[K comparable](principals []compiler.Principal, key func(compiler.Principal) K) map[K][]compiler.Principal {
	groups := map[K][]compiler.Principal{}
	for _, p := range principals {
		groups[key(p)] = append(groups[key(p)], p)
	}
	return groups
}

// exportKeytabs creates every principal of groups in the KDC (a duplicate
// fails the test) and exports one keytab per group into a temporary
// directory; it returns each group's keytab path.
func exportKeytabs(t *testing.T, kdc *kdctest.KDC, groups map[keytabRef][]compiler.Principal) map[keytabRef]string {
	t.Helper()
	var all []string
	for _, ref := range sortedRefs(groups) {
		for _, p := range groups[ref] {
			all = append(all, p.Principal)
		}
	}
	kdc.AddPrincipals(t, all...)
	dir := t.TempDir()
	paths := map[keytabRef]string{}
	for _, ref := range sortedRefs(groups) {
		paths[ref] = filepath.Join(dir, ref.secret+"."+ref.key+".keytab")
		var names []string
		for _, p := range groups[ref] {
			names = append(names, p.Principal)
		}
		kdc.ExportKeytab(t, paths[ref], names...)
	}
	return paths
}

// checkNegativeControl creates controlPrincipal, exported to no keytab, and
// requires kinit from each platform keytab to fail for lack of its key:
// the successful logins are the keytabs' doing, not a lax KDC's.
func checkNegativeControl(t *testing.T, kdc *kdctest.KDC, krb5conf string, keytabs map[keytabRef]string) {
	t.Helper()
	kdc.AddPrincipals(t, controlPrincipal)
	for ref, keytab := range keytabs {
		err := kdctest.Kinit(krb5conf, keytab, controlPrincipal)
		if err == nil {
			t.Errorf("kinit %s from the keytab of Secret %s key %s succeeded", controlPrincipal, ref.secret, ref.key)
		} else if !strings.Contains(err.Error(), "no suitable keys") {
			t.Errorf("kinit %s from the keytab of Secret %s key %s failed, but not for lack of a key: %v", controlPrincipal, ref.secret, ref.key, err)
		}
	}
}

// keytabWorkload is what the test reads of a StatefulSet that mounts a
// keytab.
type keytabWorkload struct {
	manifest string
	set      statefulSet // name, namespace, replicas, labels
	spec     podSpec     // containers and their mounts
	volumes  []secretVolume
	scripts  []string // the containers' commands
}

// secretVolume is a pod volume and the Secret it projects, if any.
type secretVolume struct {
	Name   string
	Secret *struct {
		SecretName string `json:"secretName"`
		Items      []struct{ Key string }
	}
}

// workloadOf parses the StatefulSet manifest of res.
func workloadOf(t *testing.T, res *compiler.Result, manifest string) keytabWorkload {
	t.Helper()
	w := keytabWorkload{manifest: manifest, spec: podSpecOf(t, res, manifest)}
	data, _ := res.File(manifest)
	var volumes struct {
		Spec struct {
			Template struct {
				Spec struct {
					Volumes    []secretVolume
					Containers []struct{ Command []string }
				}
			}
		}
	}
	for _, v := range []any{&w.set, &volumes} {
		if err := yaml.Unmarshal(data, v); err != nil {
			t.Fatalf("%s: %v", manifest, err)
		}
	}
	w.volumes = volumes.Spec.Template.Spec.Volumes
	for _, c := range volumes.Spec.Template.Spec.Containers {
		w.scripts = append(w.scripts, strings.Join(c.Command, "\n"))
	}
	return w
}

// role is the workload's component/role, from its pod labels.
func (w keytabWorkload) role() string {
	labels := w.set.Spec.Template.Metadata.Labels
	return labels["app.kubernetes.io/name"] + "/" + labels["app.kubernetes.io/component"]
}

// pods are the names of the workload's pods, by ordinal.
func (w keytabWorkload) pods() []string {
	var pods []string
	for i := range w.set.Spec.Replicas {
		pods = append(pods, w.set.Metadata.Name+"-"+strconv.Itoa(i))
	}
	return pods
}

// hosts are the pods' stable DNS names,
// <pod>.<service>.<namespace>.svc.cluster.local, and every other host a
// pod advertises in its start script's advertised.listeners (a Kafka
// broker's external address): clients ask for a ticket to each.
func (w keytabWorkload) hosts() []string {
	hosts := map[string]bool{}
	for i, pod := range w.pods() {
		hosts[pod+"."+w.set.Spec.ServiceName+"."+w.set.Metadata.Namespace+".svc.cluster.local"] = true
		for _, script := range w.scripts {
			for _, d := range advertised(script, pod, i) {
				hosts[d.Host] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(hosts))
}

// mountedSecret returns the volume projecting secret that container
// mounts, if it mounts one.
func (w keytabWorkload) mountedSecret(container, secret string) (secretVolume, bool) {
	for _, c := range w.spec.Containers {
		if c.Name != container {
			continue
		}
		for _, m := range c.VolumeMounts {
			for _, v := range w.volumes {
				if v.Name == m.Name && v.Secret != nil && v.Secret.SecretName == secret {
					return v, true
				}
			}
		}
	}
	return secretVolume{}, false
}

// checkKeytabSecret checks the principals the descriptor keeps in secret
// against the StatefulSet the Secret is named after.
func checkKeytabSecret(t *testing.T, res *compiler.Result, secret string, principals []compiler.Principal) {
	t.Helper()
	name, ok := strings.CutSuffix(secret, keytabSuffix)
	if !ok {
		t.Errorf("keytab Secret %q does not end in %q", secret, keytabSuffix)
		return
	}
	manifest := res.Platform + "/kubernetes/statefulset-" + name + ".yaml"
	if _, ok := res.File(manifest); !ok {
		t.Errorf("Secret %s: no %s among the output files", secret, manifest)
		return
	}
	w := workloadOf(t, res, manifest)
	for _, p := range principals {
		checkPrincipalMount(t, w, p)
	}
	checkRolePrincipals(t, w, principals)
}

// checkPrincipalMount requires p to describe w's role and pods, and the
// role's main container (named after the role) to mount p's Secret key.
func checkPrincipalMount(t *testing.T, w keytabWorkload, p compiler.Principal) {
	t.Helper()
	if got := p.Component + "/" + p.Role; got != w.role() || p.Namespace != w.set.Metadata.Namespace {
		t.Errorf("%s: component/role %s in %s, but %s runs %s in %s", p.Principal, got, p.Namespace, w.manifest, w.role(), w.set.Metadata.Namespace)
	}
	v, ok := w.mountedSecret(p.Role, p.Secret)
	switch {
	case !ok:
		t.Errorf("%s: container %q of %s mounts no volume of Secret %s", p.Principal, p.Role, w.manifest, p.Secret)
	case len(v.Secret.Items) > 0 && !slices.ContainsFunc(v.Secret.Items, func(i struct{ Key string }) bool { return i.Key == p.Key }):
		t.Errorf("%s: volume %s of %s does not project key %q of Secret %s", p.Principal, v.Name, w.manifest, p.Key, p.Secret)
	}
	if !slices.Equal(p.Pods, w.pods()) {
		t.Errorf("%s: pods %v, but %s runs %v", p.Principal, p.Pods, w.manifest, w.pods())
	}
}

// checkRolePrincipals requires the role's principals to be exactly one per
// service name of kerberosServices and host the pods are reached by.
func checkRolePrincipals(t *testing.T, w keytabWorkload, principals []compiler.Principal) {
	t.Helper()
	services, ok := kerberosServices[w.role()]
	if !ok {
		t.Errorf("%s: role %s has a keytab, but kerberosServices does not list its service names", w.manifest, w.role())
		return
	}
	var want, got []string
	for _, s := range services {
		for _, h := range w.hosts() {
			want = append(want, s+"/"+h+"@"+kerberosRealm)
		}
	}
	for _, p := range principals {
		got = append(got, p.Principal)
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("%s: %d principals, want %d (%v × %d hosts):\ngot  %s\nwant %s", w.role(), len(got), len(want),
			services, len(w.hosts()), strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
}

// checkMountedKeytabsDescribed is the converse of checkKeytabSecret: every
// keytab Secret a StatefulSet mounts holds principals of the descriptor.
// Otherwise KDC automation never creates the Secret and the pods cannot
// start.
func checkMountedKeytabsDescribed(t *testing.T, res *compiler.Result, d *compiler.KerberosDescriptor) {
	t.Helper()
	described := groupPrincipals(d.Principals, func(p compiler.Principal) string { return p.Secret })
	prefix := res.Platform + "/kubernetes/statefulset-"
	for _, f := range res.Files {
		if !strings.HasPrefix(f.Path, prefix) {
			continue
		}
		for _, v := range workloadOf(t, res, f.Path).volumes {
			if v.Secret != nil && strings.HasSuffix(v.Secret.SecretName, keytabSuffix) && described[v.Secret.SecretName] == nil {
				t.Errorf("%s mounts keytab Secret %s, but the Kerberos descriptor lists no principal in it", f.Path, v.Secret.SecretName)
			}
		}
	}
}
