package compiler_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"sigs.k8s.io/yaml"

	"github.com/bdconf/bdconf/compiler"
)

// storageLocation is Hadoop's StorageLocation.parse: an optional [TYPE]
// tag, in any case, before the directory; DISK when untagged.
var storageLocation = regexp.MustCompile(`^\[(\w*)\](.+)$`)

// claimSpec is what a DataNode volume asks of Kubernetes and of HDFS.
type claimSpec struct{ Size, Class, Type string }

// TestDataNodeVolumesBackEveryDataDir: each directory of
// dfs.datanode.data.dir lies on a volume of the DataNode container whose
// claim has the size and class the profile gave that volume, and carries
// the volume's storage type; no claim goes unused.
func TestDataNodeVolumesBackEveryDataDir(t *testing.T) {
	profile := `name: tiers
hdfs:
  datanode:
    replicas: 3
    storage: {size: 500Gi, class: fast, type: SSD}
    volumes:
      spare: {size: 1Ti}
      archive: {size: 4Ti, class: cold, type: archive}
`
	want := map[string]claimSpec{
		"data":         {"500Gi", "fast", "SSD"},
		"data-archive": {"4Ti", "cold", "ARCHIVE"},
		"data-spare":   {"1Ti", "", "DISK"},
	}
	res, err := compiler.Compile(context.Background(), compiler.Options{Sources: []compiler.Source{{Name: "tiers.yaml", Data: []byte(profile)}}})
	if err != nil {
		t.Fatal(err)
	}
	sts := dataNodeStatefulSet(t, res)
	claims := map[string]claimSpec{}
	for _, c := range sts.Spec.VolumeClaimTemplates {
		claims[c.Metadata.Name] = claimSpec{Size: c.Spec.Resources.Requests.Storage, Class: c.Spec.StorageClassName}
	}
	got := map[string]claimSpec{}
	for _, location := range strings.Split(dataDir(t, res), ",") {
		storageType, dir := "DISK", location
		if m := storageLocation.FindStringSubmatch(location); m != nil {
			storageType, dir = strings.ToUpper(m[1]), m[2]
		}
		volume := mountOf(sts.Spec.Template.Spec.Containers[0].VolumeMounts, strings.TrimPrefix(dir, "file://"))
		claim, ok := claims[volume]
		if !ok {
			t.Errorf("%s is on %q, which is no claim", location, volume)
			continue
		}
		claim.Type = storageType
		got[volume] = claim
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("volumes behind dfs.datanode.data.dir (-want +got):\n%s", diff)
	}
	if len(claims) != len(want) {
		t.Errorf("claims %v, want one per volume %v", claims, want)
	}
}

// dataNodeSet is what the volume test reads of a StatefulSet.
type dataNodeSet struct {
	Spec struct {
		Template struct {
			Spec struct {
				Containers []struct {
					VolumeMounts []struct{ Name, MountPath string } `json:"volumeMounts"`
				}
			}
		}
		VolumeClaimTemplates []struct {
			Metadata struct{ Name string }
			Spec     struct {
				StorageClassName string `json:"storageClassName"`
				Resources        struct {
					Requests struct{ Storage string }
				}
			}
		} `json:"volumeClaimTemplates"`
	}
}

func dataNodeStatefulSet(t *testing.T, res *compiler.Result) dataNodeSet {
	t.Helper()
	data, ok := res.File(res.Platform + "/kubernetes/statefulset-" + res.Platform + "-hdfs-datanode.yaml")
	if !ok {
		t.Fatal("no DataNode StatefulSet")
	}
	var sts dataNodeSet
	if err := yaml.Unmarshal(data, &sts); err != nil {
		t.Fatal(err)
	}
	return sts
}

// dataDir is the DataNodes' dfs.datanode.data.dir.
func dataDir(t *testing.T, res *compiler.Result) string {
	t.Helper()
	for _, n := range res.Natives {
		if strings.HasSuffix(n.Path, "/hdfs-site.xml") {
			for _, s := range n.Settings {
				if s.Key == "dfs.datanode.data.dir" {
					return s.Value
				}
			}
		}
	}
	t.Fatal("no dfs.datanode.data.dir in any hdfs-site.xml")
	return ""
}

// mountOf names the volume mounted at the longest mount path containing dir.
func mountOf(mounts []struct{ Name, MountPath string }, dir string) string {
	best, name := "", ""
	for _, m := range mounts {
		if (dir == m.MountPath || strings.HasPrefix(dir, m.MountPath+"/")) && len(m.MountPath) > len(best) {
			best, name = m.MountPath, m.Name
		}
	}
	return name
}
