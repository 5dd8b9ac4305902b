package compiler_test

import (
	"path"
	"slices"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/bdconf/bdconf/compiler"
)

// affinityTerm is a required pod (anti-)affinity term.
type affinityTerm struct {
	LabelSelector struct {
		MatchLabels map[string]string `json:"matchLabels"`
	} `json:"labelSelector"`
	TopologyKey string `json:"topologyKey"`
}

// podSpec is the part of a pod spec the short-circuit proof reads.
type podSpec struct {
	Affinity struct {
		PodAffinity struct {
			Required []affinityTerm `json:"requiredDuringSchedulingIgnoredDuringExecution"`
		} `json:"podAffinity"`
		PodAntiAffinity struct {
			Required []any `json:"requiredDuringSchedulingIgnoredDuringExecution"`
		} `json:"podAntiAffinity"`
	} `json:"affinity"`
	Containers []struct {
		Name         string
		VolumeMounts []struct {
			Name      string
			MountPath string `json:"mountPath"`
		} `json:"volumeMounts"`
	}
	Volumes []struct {
		Name     string
		HostPath *struct{ Path string } `json:"hostPath"`
	}
}

// mountOf returns the volume a container reaches dir through, and the path
// of dir inside that volume (or inside the node, for a hostPath).
func (s podSpec) mountOf(container, dir string) (volume, where string, ok bool) {
	for _, c := range s.Containers {
		if c.Name != container {
			continue
		}
		for _, m := range c.VolumeMounts {
			if rel, found := strings.CutPrefix(dir, m.MountPath); found && (rel == "" || rel[0] == '/') {
				where = rel
				for _, v := range s.Volumes {
					if v.Name == m.Name && v.HostPath != nil {
						where = path.Join(v.HostPath.Path, rel)
					}
				}
				return m.Name, where, true
			}
		}
	}
	return "", "", false
}

func podSpecOf(t *testing.T, res *compiler.Result, manifest string) podSpec {
	t.Helper()
	data, ok := res.File(manifest)
	if !ok {
		t.Fatalf("no manifest %s", manifest)
	}
	var o struct {
		Spec struct {
			Template struct{ Spec podSpec }
		}
		Template struct{ Spec podSpec }
	}
	if err := yaml.Unmarshal(data, &o); err != nil {
		t.Fatal(err)
	}
	if len(o.Spec.Template.Spec.Containers) > 0 {
		return o.Spec.Template.Spec
	}
	return o.Template.Spec
}

// socketDir reads the directory of dfs.domain.socket.path from the
// platform's client hdfs-site.xml, if short-circuit reads are on.
func socketDir(res *compiler.Result) (string, bool) {
	for _, n := range res.Natives {
		if n.Path != res.Platform+"/native/hdfs/hdfs-site.xml" {
			continue
		}
		settings := map[string]string{}
		for _, s := range n.Settings {
			settings[s.Key] = s.Value
		}
		if settings["dfs.client.read.shortcircuit"] == "true" {
			return path.Dir(settings["dfs.domain.socket.path"]), true
		}
	}
	return "", false
}

// TestShortCircuitClientsShareTheSocket proves, for every reference profile
// with short-circuit reads, that each client reaches the very directory the
// DataNode creates its socket in: the same volume of the DataNode pod
// (colocated), or the same node directory from a pod bound to the
// DataNode's node (node).
func TestShortCircuitClientsShareTheSocket(t *testing.T) {
	checked := 0
	for _, dir := range referenceProfiles(t) {
		res := compileFiles(t, dir)
		socket, on := socketDir(res)
		if !on {
			continue
		}
		checked++
		datanodes := podSpecOf(t, res, res.Platform+"/kubernetes/statefulset-"+res.Platform+"-hdfs-datanode.yaml")
		volume, where, ok := datanodes.mountOf("datanode", socket)
		if !ok {
			t.Fatalf("%s: the DataNode does not mount its socket directory %s", dir, socket)
		}
		clients := 0
		for _, c := range datanodes.Containers {
			if c.Name == "datanode" || c.Name == "zkfc" {
				continue
			}
			clients++
			if v, w, ok := datanodes.mountOf(c.Name, socket); !ok || v != volume || w != where {
				t.Errorf("%s: client container %s does not reach the DataNode's socket directory %s", dir, c.Name, socket)
			}
		}
		bundle := res.Platform + "/kubernetes/podtemplate-" + res.Platform + "-hdfs-client.yaml"
		if _, isNodeMode := res.File(bundle); isNodeMode {
			checkNodeClient(t, dir, podSpecOf(t, res, bundle), datanodes, socket, where)
			clients++
		}
		if clients == 0 {
			t.Errorf("%s: short-circuit reads on, but no client is wired to the socket", dir)
		}
	}
	if checked < 2 {
		t.Fatalf("%d reference profiles use short-circuit reads, want both modes covered", checked)
	}
}

// checkNodeClient proves the client bundle reaches the node directory the
// DataNode uses, and lands on a node that runs a DataNode, of which there
// is one per node.
func checkNodeClient(t *testing.T, dir string, client, datanodes podSpec, socket, hostDir string) {
	t.Helper()
	if len(datanodes.Affinity.PodAntiAffinity.Required) == 0 {
		t.Errorf("%s: node mode needs one DataNode per node (required anti-affinity)", dir)
	}
	reached := false
	for _, c := range client.Containers {
		for _, m := range c.VolumeMounts {
			for _, v := range client.Volumes {
				if v.Name == m.Name && v.HostPath != nil && strings.HasPrefix(hostDir, v.HostPath.Path) {
					reached = reached || strings.HasPrefix(socket, m.MountPath)
				}
			}
		}
	}
	if !reached {
		t.Errorf("%s: the client PodTemplate does not mount the node directory %s", dir, hostDir)
	}
	onDataNodeHost := slices.ContainsFunc(client.Affinity.PodAffinity.Required, func(term affinityTerm) bool {
		return term.TopologyKey == "kubernetes.io/hostname" && term.LabelSelector.MatchLabels["app.kubernetes.io/component"] == "datanode"
	})
	if !onDataNodeHost {
		t.Errorf("%s: the client PodTemplate is not bound to a DataNode's node", dir)
	}
}
