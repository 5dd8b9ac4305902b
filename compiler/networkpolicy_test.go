package compiler_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"testing"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/cuecontext"
	"cuelang.org/go/cue/load"

	"github.com/bdconf/bdconf/compiler"
	"github.com/bdconf/bdconf/schema"
)

// networkProfiles are built-in profiles beside the reference ones: without
// HDFS, ZooKeeper with observers, HDFS without ZooKeeper, and HA with moved ports, a cluster domain
// and a namespace of its own.
var networkProfiles = []struct{ name, yaml string }{
	{"zookeeper-kafka", "name: zk\nzookeeper: {server: {replicas: 3}}\nkafka: {controller: {replicas: 3}, broker: {replicas: 2}}\n"},
	{"observers", "name: obs\nzookeeper: {server: {replicas: 3}, observer: {replicas: 2}}\nhdfs: {namenode: {replicas: 2}, datanode: {replicas: 3}}\n"},
	{"hdfs-alone", "name: solo\nhdfs: {namenode: {replicas: 1}, datanode: {replicas: 3}}\n"},
	{"moved", `name: moved
namespace: lake
clusterDomain: corp.example
zookeeper: {server: {replicas: 3, ports: {client: 12181}}}
hdfs:
  namenode: {replicas: 3, ports: {rpc: 9000, zkfc: 18019}}
  journalnode: {replicas: 5, ports: {http: 18480}}
  datanode: {replicas: 3, ports: {data: 19866}}
kafka: {controller: {replicas: 3, ports: {controller: 19093}}, broker: {replicas: 3, ports: {internal: 19092}}}
`},
}

// TestNetworkPoliciesAllowExactlyTheConfiguredFlows evaluates the emitted
// NetworkPolicies against the flows the emitted native files call for: every
// configured flow is allowed, no other flow between the platform's pods
// (or from an unlabelled pod of the namespace) is, and a client pod reaches
// only the ports clients are configured to use.
func TestNetworkPoliciesAllowExactlyTheConfiguredFlows(t *testing.T) {
	for _, dir := range referenceProfiles(t) {
		res := compileFiles(t, dir)
		t.Run(path.Base(dir), func(t *testing.T) { checkFlows(t, res) })
	}
	for _, p := range networkProfiles {
		t.Run(p.name, func(t *testing.T) {
			res, err := compiler.Compile(t.Context(), compiler.Options{Sources: []compiler.Source{{Name: p.name + ".yaml", Data: []byte(p.yaml)}}})
			if err != nil {
				t.Fatal(err)
			}
			checkFlows(t, res)
		})
	}
}

// checkFlows compares the flows the policies of res allow with those its
// native files call for. The client pod carries the platform's default
// client label.
func checkFlows(t *testing.T, res *compiler.Result) {
	t.Helper()
	objects := manifests(t, res)
	pods := platformPods(t, res.Platform, objects)
	policies := networkPolicies(t, res.Platform, objects, pods)
	namespace := pods[0].namespace
	clients := map[string]string{"bdconf.dev/client-of": res.Platform}
	sources := append(slices.Clone(pods),
		netPod{name: clientRole, role: clientRole, namespace: namespace, labels: clients},
		netPod{name: otherRole, role: otherRole, namespace: namespace})
	want := configuredFlows(t, res, sources, pods)
	got := allowedFlows(policies, sources, pods)
	t.Logf("configured flows:\n%s", strings.Join(sorted(want), "\n"))
	for _, f := range sorted(difference(want, got)) {
		t.Errorf("configured but denied: %s", f)
	}
	for _, f := range sorted(difference(got, want)) {
		if strings.HasPrefix(f, clientRole+" ") {
			t.Errorf("a client reaches a port clients are not configured to use: %s", f)
		} else {
			t.Errorf("allowed but not configured: %s", f)
		}
	}
}

// A netPod is, as NetworkPolicies see it, one replica of a role, or a pod the test adds to the namespace.
type netPod struct {
	name, role, service, namespace string
	labels                         map[string]string
	ports                          []int
}

// statefulSet is the part of a StatefulSet the evaluator reads.
type statefulSet struct {
	Metadata struct{ Name, Namespace string }
	Spec     struct {
		Replicas    int
		ServiceName string
		Template    struct {
			Metadata struct{ Labels map[string]string }
			Spec     struct {
				Containers []struct {
					Ports []struct{ ContainerPort int }
				}
			}
		}
	}
}

// platformPods lists the pods the StatefulSets of a platform run.
func platformPods(t *testing.T, platform string, objects map[string]map[string]any) []netPod {
	t.Helper()
	var pods []netPod
	for _, name := range slices.Sorted(maps.Keys(objects)) {
		if objects[name]["kind"] != "StatefulSet" {
			continue
		}
		s := convert[statefulSet](t, objects[name])
		var ports []int
		for _, c := range s.Spec.Template.Spec.Containers {
			for _, p := range c.Ports {
				ports = append(ports, p.ContainerPort)
			}
		}
		for i := range s.Spec.Replicas {
			pods = append(pods, netPod{
				name:      fmt.Sprintf("%s-%d", s.Metadata.Name, i),
				role:      strings.TrimPrefix(s.Metadata.Name, platform+"-"),
				service:   s.Spec.ServiceName,
				namespace: s.Metadata.Namespace,
				labels:    s.Spec.Template.Metadata.Labels,
				ports:     ports,
			})
		}
	}
	if len(pods) == 0 {
		t.Fatal("the platform runs no pod")
	}
	return pods
}

// networkPolicies returns the platform's NetworkPolicies, requiring one per
// role and the platform's default deny.
func networkPolicies(t *testing.T, platform string, objects map[string]map[string]any, pods []netPod) []networkPolicy {
	t.Helper()
	want := map[string]bool{platform + "-default-deny": true}
	for _, p := range pods {
		want[platform+"-"+p.role] = true
	}
	var policies []networkPolicy
	got := map[string]bool{}
	for _, o := range objects {
		if o["kind"] == "NetworkPolicy" {
			requireModelled(t, o)
			p := convert[networkPolicy](t, o)
			policies = append(policies, p)
			got[p.Metadata.Name] = true
		}
	}
	if !maps.Equal(got, want) {
		t.Fatalf("NetworkPolicies %v, want %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
	}
	return policies
}

// allowedFlows lists the flows the policies allow from sources to every
// port of targets that a pod declares or a policy names.
func allowedFlows(policies []networkPolicy, sources, targets []netPod) map[flow]bool {
	ports := map[int]bool{}
	for _, p := range targets {
		for _, n := range p.ports {
			ports[n] = true
		}
	}
	for _, p := range policies {
		for _, r := range p.Spec.Ingress {
			for _, n := range r.Ports {
				ports[n.Port] = true
			}
		}
	}
	flows := map[flow]bool{}
	for _, src := range sources {
		for _, dst := range targets {
			for port := range ports {
				if src.name != dst.name && allowed(policies, src, dst, port) {
					flows[flow{src.role, dst.role, port}] = true
				}
			}
		}
	}
	return flows
}

// networkPolicy is the part of a NetworkPolicy the evaluator models; it
// refuses, when decoding, what it does not (ipBlock, matchExpressions,
// named ports, port ranges, protocols other than TCP).
type networkPolicy struct {
	Metadata struct{ Name, Namespace string }
	Spec     struct {
		PodSelector labelSelector
		PolicyTypes []string
		Ingress     []struct {
			From []struct {
				PodSelector, NamespaceSelector *labelSelector
			}
			Ports []struct {
				Protocol string
				Port     int
			}
		}
	}
}

// labelSelector is a selector by labels only.
type labelSelector struct {
	MatchLabels map[string]string
}

// matches tells whether labels carry every label of s; a nil selector, a
// field left out, selects everything.
func (s *labelSelector) matches(labels map[string]string) bool {
	if s == nil {
		return true
	}
	for k, v := range s.MatchLabels {
		if labels[k] != v {
			return false
		}
	}
	return true
}

// allowed applies Kubernetes semantics: a pod that a policy selects for
// ingress is isolated, and then admits a source only if some rule of some
// policy selecting it admits the source on the port.
func allowed(policies []networkPolicy, src, dst netPod, port int) bool {
	isolated := false
	for _, p := range policies {
		if p.Metadata.Namespace != dst.namespace || !p.Spec.PodSelector.matches(dst.labels) || !p.forIngress() {
			continue
		}
		isolated = true
		if p.admits(src, port) {
			return true
		}
	}
	return !isolated
}

// forIngress tells whether the policy isolates its pods for ingress.
func (p networkPolicy) forIngress() bool {
	return len(p.Spec.PolicyTypes) == 0 || slices.Contains(p.Spec.PolicyTypes, "Ingress")
}

// admits tells whether a rule of p lets src reach port: a rule without
// peers admits any source, one without ports any port.
func (p networkPolicy) admits(src netPod, port int) bool {
	sourceNamespace := map[string]string{"kubernetes.io/metadata.name": src.namespace}
	for _, r := range p.Spec.Ingress {
		peer := len(r.From) == 0
		for _, f := range r.From {
			inNamespace := f.NamespaceSelector.matches(sourceNamespace) && (f.NamespaceSelector != nil || src.namespace == p.Metadata.Namespace)
			peer = peer || inNamespace && f.PodSelector.matches(src.labels)
		}
		onPort := len(r.Ports) == 0
		for _, n := range r.Ports {
			onPort = onPort || n.Port == port
		}
		if peer && onPort {
			return true
		}
	}
	return false
}

// convert decodes an object into T: a field of the wrong type, such as a
// named port where T wants a number, fails the test.
func convert[T any](t *testing.T, o map[string]any) T {
	t.Helper()
	var v T
	data, err := json.Marshal(o)
	if err == nil {
		err = json.Unmarshal(data, &v)
	}
	if err != nil {
		t.Fatalf("%v: %v", o["metadata"], err)
	}
	return v
}

// requireModelled refuses the NetworkPolicy features the evaluator ignores:
// ipBlock peers, matchExpressions, port ranges, protocols other than TCP.
func requireModelled(t *testing.T, o map[string]any) {
	t.Helper()
	data, _ := json.Marshal(o["spec"])
	for _, unsupported := range []string{`"ipBlock"`, `"matchExpressions"`, `"endPort"`} {
		if strings.Contains(string(data), unsupported) {
			t.Fatalf("the evaluator does not model %s: %s", unsupported, data)
		}
	}
	for _, r := range convert[networkPolicy](t, o).Spec.Ingress {
		for _, p := range r.Ports {
			if p.Protocol != "TCP" {
				t.Fatalf("the evaluator models TCP only, not %q: %s", p.Protocol, data)
			}
		}
	}
}

// TestMetricsPortsAdmitOnlyMonitoring proves the metrics mechanism, which
// no role uses yet: a port listed in metrics admits the monitoring pods
// (by namespace and pod labels) and nothing else.
func TestMetricsPortsAdmitOnlyMonitoring(t *testing.T) {
	ctx := cuecontext.New()
	v := ctx.CompileString(`(#NetworkPolicy & {
		#ctx: {
			platform: "p", namespace: "data", clusterDomain: "cluster.local", zoneSpread: "none"
			network: {
				clients: {"bdconf.dev/client-of": "p"}
				monitoring: {namespaceLabels: {"kubernetes.io/metadata.name": "monitoring"}, podLabels: {app: "prometheus"}}
			}
		}
		workload: {
			name: "p-demo-server", selector: {app: "demo"}, labels: selector
			ports: [{name: "rpc", port: 8000}, {name: "metrics", port: 9404}]
		}
		allow: [{from: [{podSelector: matchLabels: {app: "demo"}}], ports: ["rpc"]}]
		metrics: ["metrics"]
	}).object`, cue.Scope(commonPackage(t, ctx)))
	var o map[string]any
	if err := v.Decode(&o); err != nil {
		t.Fatal(err)
	}
	server := netPod{name: "server-0", role: "server", namespace: "data", labels: map[string]string{"app": "demo"}, ports: []int{8000, 9404}}
	sources := []netPod{
		server,
		{name: "peer", role: "server", namespace: "data", labels: map[string]string{"app": "demo"}},
		{name: "prometheus", role: "monitoring", namespace: "monitoring", labels: map[string]string{"app": "prometheus"}},
		{name: "lookalike", role: "lookalike", namespace: "data", labels: map[string]string{"app": "prometheus"}},
	}
	requireModelled(t, o)
	got := sorted(allowedFlows([]networkPolicy{convert[networkPolicy](t, o)}, sources, []netPod{server}))
	want := []string{"monitoring -> server:9404", "server -> server:8000"}
	if !slices.Equal(got, want) {
		t.Errorf("allowed %v, want %v", got, want)
	}
}

// commonPackage loads the schema's common package, embedded.
func commonPackage(t *testing.T, ctx *cue.Context) cue.Value {
	t.Helper()
	insts := load.Instances([]string{"./common"}, &load.Config{FS: schema.FS})
	if err := insts[0].Err; err != nil {
		t.Fatal(err)
	}
	v := ctx.BuildInstance(insts[0])
	if err := v.Err(); err != nil {
		t.Fatal(err)
	}
	return v
}

// difference returns the flows of a that b lacks.
func difference(a, b map[flow]bool) map[flow]bool {
	d := map[flow]bool{}
	for f := range a {
		if !b[f] {
			d[f] = true
		}
	}
	return d
}

// sorted renders flows, sorted.
func sorted(flows map[flow]bool) []string {
	var s []string
	for f := range flows {
		s = append(s, f.String())
	}
	slices.Sort(s)
	return s
}
