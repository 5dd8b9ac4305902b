package compiler_test

import (
	"context"
	"fmt"
	"net/http"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
	"time"

	"sigs.k8s.io/yaml"

	"github.com/bdconf/bdconf/compiler"
)

// TestZooKeeperReadinessFollowsQuorum runs the readiness probe of the
// emitted server StatefulSet against a real three-server ensemble started
// from the emitted zoo.cfg: every server is ready once the ensemble forms;
// a server whose two peers die loses the quorum and reports not ready; it
// is ready again once they rejoin.
func TestZooKeeperReadinessFollowsQuorum(t *testing.T) {
	requireZooKeeper(t)
	zooCfg, probe := threeServers(t)

	dir := t.TempDir()
	ports := freePorts(t, 12)
	adminPort := func(i int) int { return ports[i*4+3] }
	cfgs := make([]string, 3)
	servers := make([]*zkServer, 3)
	for i := range servers {
		cfgs[i] = remapForOneHost(t, string(zooCfg), dir, i, ports, 3)
		servers[i] = startServer(t, dir, i, cfgs[i])
	}
	leader := waitForLeader(t, servers)
	waitForProbe(t, "every server ready once the ensemble forms", func() bool {
		return probe.passes(adminPort(0)) && probe.passes(adminPort(1)) && probe.passes(adminPort(2))
	})

	// The survivor is a follower: it sees its leader's connection close at
	// once and goes back to leader election, alone.
	survivor := 0
	for servers[survivor] == leader {
		survivor++
	}
	for i, s := range servers {
		if i != survivor {
			s.process.Kill()
		}
	}
	waitForProbe(t, fmt.Sprintf("server %d not ready without a quorum", survivor+1), func() bool {
		return !probe.passes(adminPort(survivor))
	})

	for i := range servers {
		if i != survivor {
			servers[i] = startServer(t, dir, i, cfgs[i])
		}
	}
	waitForProbe(t, "every server ready again once its peers rejoin", func() bool {
		return probe.passes(adminPort(0)) && probe.passes(adminPort(1)) && probe.passes(adminPort(2))
	})
}

// threeServers compiles a three-server ensemble and returns its zoo.cfg
// and its servers' readiness probe.
func threeServers(t *testing.T) ([]byte, *podProbe) {
	t.Helper()
	res, err := compiler.Compile(context.Background(), compiler.Options{Sources: []compiler.Source{{
		Name: "zk.yaml", Data: []byte("name: e2e\nzookeeper: {server: {replicas: 3}}\n"),
	}}})
	if err != nil {
		t.Fatal(err)
	}
	zooCfg, ok := res.File("e2e/native/zookeeper/zoo.cfg")
	if !ok {
		t.Fatal("no zoo.cfg among the output files")
	}
	return zooCfg, readinessProbe(t, res, "e2e/kubernetes/statefulset-e2e-zookeeper-server.yaml", string(zooCfg))
}

// zookeeperStatefulSet matches a ZooKeeper member's StatefulSet file:
// platform and role.
var zookeeperStatefulSet = regexp.MustCompile(`^([^/]+)/kubernetes/statefulset-.*-zookeeper-(server|observer)\.yaml$`)

// TestZooKeeperReadinessProbeEverywhere checks that every ZooKeeper
// StatefulSet of every reference profile, with TLS or without, server or
// observer, runs the probe that TestZooKeeperReadinessFollowsQuorum proves,
// on the port its own zoo.cfg gives the AdminServer, which serves plain
// HTTP.
func TestZooKeeperReadinessProbeEverywhere(t *testing.T) {
	_, proven := threeServers(t)
	want := proven.normalized()
	seen := 0
	for _, dir := range referenceProfiles(t) {
		res := compileFiles(t, dir)
		for _, f := range res.Files {
			m := zookeeperStatefulSet.FindStringSubmatch(f.Path)
			if m == nil {
				continue
			}
			cfgPath := m[1] + "/native/zookeeper/" + map[string]string{"server": "", "observer": "observer/"}[m[2]] + "zoo.cfg"
			cfg, ok := res.File(cfgPath)
			if !ok {
				t.Fatalf("%s: no %s beside %s", dir, cfgPath, f.Path)
			}
			if regexp.MustCompile(`(?m)^admin\.forceHttps=true$`).Match(cfg) {
				t.Errorf("%s: the AdminServer of %s serves HTTPS only", dir, cfgPath)
			}
			seen++
			if got := readinessProbe(t, res, f.Path, string(cfg)).normalized(); got != want {
				t.Errorf("%s: %s's readiness probe differs from the one proven on a real ensemble:\n%s\nwant:\n%s", dir, f.Path, got, want)
			}
		}
	}
	if seen == 0 {
		t.Fatal("no ZooKeeper StatefulSet in the reference profiles")
	}
}

// normalized is the probe with its admin port as ADMIN_PORT, for comparing
// the probes of members whose AdminServers listen on different ports.
func (p *podProbe) normalized() string {
	out, err := yaml.Marshal(p)
	if err != nil {
		panic(err)
	}
	return p.adminPort().ReplaceAllString(string(out), "ADMIN_PORT")
}

// adminPort matches the emitted admin port as a number of its own.
func (p *podProbe) adminPort() *regexp.Regexp {
	return regexp.MustCompile(`\b` + p.emittedAdminPort + `\b`)
}

// podProbe is the part of a Kubernetes probe that the kubelet acts on.
type podProbe struct {
	Exec *struct {
		Command []string `json:"command"`
	} `json:"exec"`
	HTTPGet *struct {
		Path string `json:"path"`
		Port string `json:"port"`
	} `json:"httpGet"`
	TimeoutSeconds int `json:"timeoutSeconds"`
	// emittedAdminPort is the admin port the emitted zoo.cfg listens on,
	// which the test remaps per server.
	emittedAdminPort string
}

// readinessProbe decodes the readiness probe of the only container of the
// StatefulSet in file.
func readinessProbe(t *testing.T, res *compiler.Result, file, zooCfg string) *podProbe {
	t.Helper()
	data, ok := res.File(file)
	if !ok {
		t.Fatalf("no %s among the output files", file)
	}
	var sts struct {
		Spec struct {
			Template struct {
				Spec struct {
					Containers []struct {
						ReadinessProbe *podProbe `json:"readinessProbe"`
					} `json:"containers"`
				} `json:"spec"`
			} `json:"template"`
		} `json:"spec"`
	}
	if err := yaml.Unmarshal(data, &sts); err != nil {
		t.Fatal(err)
	}
	if c := sts.Spec.Template.Spec.Containers; len(c) != 1 || c[0].ReadinessProbe == nil {
		t.Fatalf("%s: want one container with a readiness probe:\n%s", file, data)
	}
	p := sts.Spec.Template.Spec.Containers[0].ReadinessProbe
	if p.Exec == nil && (p.HTTPGet == nil || p.HTTPGet.Port != "admin") {
		t.Fatalf("%s: the readiness probe is neither exec nor httpGet on the admin port:\n%s", file, data)
	}
	p.emittedAdminPort = regexp.MustCompile(`(?m)^admin\.serverPort=(\d+)$`).FindStringSubmatch(zooCfg)[1]
	return p
}

// passes runs the probe as the kubelet does against the server whose
// AdminServer listens on adminPort: an exec probe passes when the command
// exits 0 within timeoutSeconds (the emitted admin port replaced by
// adminPort), an httpGet probe on a status from 200 to 399.
func (p *podProbe) passes(adminPort int) bool {
	timeout := time.Duration(p.TimeoutSeconds) * time.Second
	if p.HTTPGet != nil {
		client := http.Client{Timeout: timeout}
		resp, err := client.Get(fmt.Sprintf("http://127.0.0.1:%d%s", adminPort, p.HTTPGet.Path))
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode >= 200 && resp.StatusCode < 400
	}
	var args []string
	for _, a := range p.Exec.Command {
		args = append(args, p.adminPort().ReplaceAllString(a, strconv.Itoa(adminPort)))
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return exec.CommandContext(ctx, args[0], args[1:]...).Run() == nil
}

// waitForProbe polls cond until it holds, failing the test after a minute.
func waitForProbe(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(200 * time.Millisecond)
	}
}
