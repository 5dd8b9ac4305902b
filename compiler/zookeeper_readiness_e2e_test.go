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
	probe := readinessProbe(t, res, "e2e/kubernetes/statefulset-e2e-zookeeper-server.yaml", string(zooCfg))

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
	port := regexp.MustCompile(`\b` + p.emittedAdminPort + `\b`)
	var args []string
	for _, a := range p.Exec.Command {
		args = append(args, port.ReplaceAllString(a, strconv.Itoa(adminPort)))
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
