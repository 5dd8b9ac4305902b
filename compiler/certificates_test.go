package compiler_test

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bdconf/bdconf/compiler"
)

// podHost matches an in-cluster address in configs and start scripts: a
// pod's stable DNS name (pod.service.namespace.svc.cluster.local, the pod
// possibly spelled ${HOSTNAME} or $(POD_NAME) for "every pod") or a
// Service's (service.namespace.svc.cluster.local).
var podHost = regexp.MustCompile(`(?:(\$\{HOSTNAME\}|\$\(POD_NAME\)|[a-z0-9-]+)\.)?([a-z0-9-]+)\.([a-z0-9-]+)\.svc\.cluster\.local`)

// externalHost matches a broker's advertised external address in its start
// script, ${ordinal} standing for the broker's ordinal.
var externalHost = regexp.MustCompile(`EXTERNAL://([a-z0-9.{}$-]+):`)

// servedHost is a host name a config refers to, and the StatefulSet whose
// pods serve it.
type servedHost struct{ host, statefulSet string }

// TestCertificatesCoverEveryConfiguredHost proves, for every reference
// profile with TLS, that each host name a native config or start script
// refers to is a SAN of the certificate that the pods serving it mount.
func TestCertificatesCoverEveryConfiguredHost(t *testing.T) {
	var tlsProfiles int
	for _, dir := range referenceProfiles(t) {
		res := compileFiles(t, dir)
		objects := manifests(t, res)
		sans := certificateSANs(objects)
		if len(sans) == 0 {
			continue
		}
		tlsProfiles++
		named := map[string]int{}
		for _, h := range configuredHosts(res, objects) {
			named[h.statefulSet]++
			secret := mountedTLSSecret(objects["statefulset-"+h.statefulSet+".yaml"])
			if !slices.Contains(sans[secret], h.host) {
				t.Errorf("%s: %s is served by %s, whose certificate (Secret %q) does not cover it", dir, h.host, h.statefulSet, secret)
			}
		}
		// Every role's pods are named somewhere, or the scan missed them.
		for name, o := range objects {
			if o["kind"] == "StatefulSet" && named[strings.TrimSuffix(strings.TrimPrefix(name, "statefulset-"), ".yaml")] == 0 {
				t.Errorf("%s: no config names a host of %s: the scan is blind to it", dir, name)
			}
		}
	}
	if tlsProfiles == 0 {
		t.Fatal("no reference profile turns TLS on")
	}
}

// certificateSANs maps each Certificate's Secret to its DNS names.
func certificateSANs(objects map[string]map[string]any) map[string][]string {
	sans := map[string][]string{}
	for _, o := range objects {
		if o["kind"] != "Certificate" {
			continue
		}
		spec := o["spec"].(map[string]any)
		for _, n := range spec["dnsNames"].([]any) {
			sans[spec["secretName"].(string)] = append(sans[spec["secretName"].(string)], n.(string))
		}
	}
	return sans
}

// mountedTLSSecret is the Secret of the volume "tls" of a StatefulSet's pods.
func mountedTLSSecret(sts map[string]any) string {
	spec := dig(sts, "spec", "template", "spec")
	for _, v := range spec["volumes"].([]any) {
		volume := v.(map[string]any)
		if volume["name"] == "tls" {
			return volume["secret"].(map[string]any)["secretName"].(string)
		}
	}
	return ""
}

// configuredHosts lists the platform's own hosts named in native files and
// StatefulSets (start scripts, advertised listeners), with the pods'
// placeholders expanded for every replica.
func configuredHosts(res *compiler.Result, objects map[string]map[string]any) []servedHost {
	seen := map[servedHost]bool{}
	for _, f := range res.Files {
		for _, m := range podHost.FindAllStringSubmatch(string(f.Data), -1) {
			for _, h := range expandPodHost(m, objects) {
				seen[h] = true
			}
		}
		for _, m := range externalHost.FindAllStringSubmatch(string(f.Data), -1) {
			for _, h := range expandExternal(m[1], f.Path, objects) {
				seen[h] = true
			}
		}
	}
	var hosts []servedHost
	for h := range seen {
		hosts = append(hosts, h)
	}
	return hosts
}

// expandPodHost resolves one podHost match to the hosts it stands for,
// keeping only the platform's StatefulSets.
func expandPodHost(m []string, objects map[string]map[string]any) []servedHost {
	pod, service, namespace := m[1], m[2], m[3]
	sts, ok := objects["statefulset-"+service+".yaml"]
	if pod == "" {
		// service.namespace.svc...: the Service itself, unless it is a
		// pod name's tail (pod.service.namespace matched from the middle).
		if sts, ok = objects["statefulset-"+service+".yaml"]; !ok {
			return nil
		}
		return []servedHost{{m[0], service}}
	}
	if !ok {
		return nil
	}
	suffix := fmt.Sprintf(".%s.%s.svc.cluster.local", service, namespace)
	if !strings.HasPrefix(pod, "$") {
		return []servedHost{{pod + suffix, service}}
	}
	var hosts []servedHost
	for i := range replicas(sts) {
		hosts = append(hosts, servedHost{fmt.Sprintf("%s-%d%s", service, i, suffix), service})
	}
	return hosts
}

// expandExternal resolves a broker's external address for every broker of
// the StatefulSet whose manifest holds it.
func expandExternal(host, file string, objects map[string]map[string]any) []servedHost {
	name := strings.TrimSuffix(file[strings.LastIndex(file, "/statefulset-")+len("/statefulset-"):], ".yaml")
	sts, ok := objects["statefulset-"+name+".yaml"]
	if !ok {
		return nil
	}
	var hosts []servedHost
	for i := range replicas(sts) {
		hosts = append(hosts, servedHost{strings.ReplaceAll(host, "${ordinal}", fmt.Sprint(i)), name})
	}
	return hosts
}

func replicas(sts map[string]any) int {
	return int(dig(sts, "spec")["replicas"].(float64))
}

// dig walks nested maps by keys.
func dig(o map[string]any, keys ...string) map[string]any {
	for _, k := range keys {
		o = o[k].(map[string]any)
	}
	return o
}

// TestPasswordFilesAreMounted proves that every password file a native
// config names (ZooKeeper's *.passwordPath) is mounted in each pod of the
// component that reads the config, and that no other pod mounts the
// stores' password: the others take it from their environment.
func TestPasswordFilesAreMounted(t *testing.T) {
	checked := 0
	for _, dir := range referenceProfiles(t) {
		res := compileFiles(t, dir)
		readers := passwordFileReaders(res)
		for name, o := range manifests(t, res) {
			if o["kind"] != "StatefulSet" {
				continue
			}
			component := dig(o, "metadata", "labels")["app.kubernetes.io/name"].(string)
			for _, c := range dig(o, "spec", "template", "spec")["containers"].([]any) {
				mounted := mountPaths(c.(map[string]any))
				for _, file := range readers[component] {
					checked++
					if !mounted[path.Dir(file)] {
						t.Errorf("%s: %s reads %s, which container %s does not mount", dir, name, file, c.(map[string]any)["name"])
					}
				}
				if len(readers[component]) == 0 && mounted["/etc/tls-password"] {
					t.Errorf("%s: %s mounts the stores' password file, which none of its configs reads", dir, name)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no reference profile reads a password file: the test proves nothing")
	}
}

// passwordFileReaders maps each component to the password files its native
// configs name.
func passwordFileReaders(res *compiler.Result) map[string][]string {
	readers := map[string][]string{}
	for _, n := range res.Natives {
		component := strings.Split(n.Path, "/")[2] // <platform>/native/<component>/...
		for _, s := range n.Settings {
			if strings.HasSuffix(s.Key, "passwordPath") && !slices.Contains(readers[component], s.Value) {
				readers[component] = append(readers[component], s.Value)
			}
		}
	}
	return readers
}

// mountPaths is the set of a container's mount paths.
func mountPaths(container map[string]any) map[string]bool {
	paths := map[string]bool{}
	for _, m := range container["volumeMounts"].([]any) {
		paths[m.(map[string]any)["mountPath"].(string)] = true
	}
	return paths
}
