package compiler_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"sigs.k8s.io/yaml"

	"github.com/bdconf/bdconf/compiler"
)

// The start scripts bdconf emits decide, at every pod start, what to
// initialise. These tests run them with bash against fake daemons that log
// their calls, over the scenarios a pod lives through, to prove that first
// start initialises and that no restart ever reformats.

// startScript returns the shell script a container of a workload runs.
func startScript(t *testing.T, res *compiler.Result, manifest, container string) string {
	t.Helper()
	data, ok := res.File(manifest)
	if !ok {
		t.Fatalf("no manifest %s", manifest)
	}
	var sts struct {
		Spec struct {
			Template struct {
				Spec struct {
					Containers []struct {
						Name    string
						Command []string
					}
				}
			}
		}
	}
	if err := yaml.Unmarshal(data, &sts); err != nil {
		t.Fatal(err)
	}
	for _, c := range sts.Spec.Template.Spec.Containers {
		if c.Name == container && len(c.Command) == 3 && c.Command[0] == "/bin/bash" {
			return c.Command[2]
		}
	}
	t.Fatalf("%s has no bash container %s", manifest, container)
	return ""
}

// pod is a sandbox standing in for a pod: a root for the absolute paths the
// script uses, fake commands on PATH, and a log of their calls.
type pod struct {
	t    *testing.T
	root string
}

func newPod(t *testing.T) *pod {
	p := &pod{t: t, root: t.TempDir()}
	p.fake("sleep", "exit 0") // retry loops must not slow the test down
	return p
}

// fake installs a command that logs its arguments, then runs body.
func (p *pod) fake(name, body string) {
	script := "#!/bin/bash\necho \"" + name + " $*\" >> " + filepath.Join(p.root, "calls.log") + "\n" + body + "\n"
	writeFile(p.t, filepath.Join(p.root, "bin", name), []byte(script))
	if err := os.Chmod(filepath.Join(p.root, "bin", name), 0o755); err != nil {
		p.t.Fatal(err)
	}
}

// run executes script as pod hostname, with its absolute paths under the
// sandbox root, and returns the logged calls and the exit code.
func (p *pod) run(script, hostname string) ([]string, int) {
	p.t.Helper()
	for _, dir := range []string{"/data/", "/datalog/", "/etc/", "/var/run/", "/opt/kafka/bin/"} {
		script = strings.ReplaceAll(script, dir, p.root+dir)
	}
	os.Remove(filepath.Join(p.root, "calls.log"))
	cmd := exec.Command("/bin/bash", "-c", script)
	cmd.Env = []string{"PATH=" + filepath.Join(p.root, "bin") + ":/usr/bin:/bin", "HOSTNAME=" + hostname}
	out, err := cmd.CombinedOutput()
	code := 0
	if exitErr, ok := err.(*exec.ExitError); ok {
		code = exitErr.ExitCode()
	} else if err != nil {
		p.t.Fatalf("running the script: %v\n%s", err, out)
	}
	log, _ := os.ReadFile(filepath.Join(p.root, "calls.log"))
	return strings.Split(strings.TrimSpace(string(log)), "\n"), code
}

// fakeHDFS makes `hdfs namenode -format` and `-bootstrapStandby` behave as
// given (exit codes), creating the metadata on success, as Hadoop does.
func fakeHDFS(p *pod, formatExit, bootstrapExit string) {
	version := filepath.Join(p.root, "data/namenode/current/VERSION")
	p.fake("hdfs", `
case "$*" in
  *-format*) [ `+formatExit+` = 0 ] && mkdir -p `+filepath.Dir(version)+` && touch `+version+`; exit `+formatExit+`;;
  *-bootstrapStandby*) [ `+bootstrapExit+` = 0 ] && mkdir -p `+filepath.Dir(version)+` && touch `+version+`; exit `+bootstrapExit+`;;
esac`)
}

func TestNameNodeBootstrapIsIdempotent(t *testing.T) {
	res := compileFiles(t, "../profiles/prod-ha")
	script := startScript(t, res, "prod-ha/kubernetes/statefulset-prod-ha-hdfs-namenode.yaml", "namenode")
	format := "hdfs namenode -format -nonInteractive -clusterId data-prod-prod-ha"
	tests := []struct {
		name, hostname, formatExit, bootstrapExit string
		existing                                  bool
		want                                      []string
	}{
		{"first NameNode, first start", "prod-ha-hdfs-namenode-0", "0", "1", false,
			[]string{format, "hdfs namenode"}},
		{"first NameNode, restart", "prod-ha-hdfs-namenode-0", "0", "0", true,
			[]string{"hdfs namenode"}},
		{"first NameNode lost its volume, journals hold edits", "prod-ha-hdfs-namenode-0", "1", "0", false,
			[]string{format, "hdfs namenode -bootstrapStandby -nonInteractive", "hdfs namenode"}},
		{"second NameNode, first start", "prod-ha-hdfs-namenode-1", "0", "0", false,
			[]string{"hdfs namenode -bootstrapStandby -nonInteractive", "hdfs namenode"}},
		{"second NameNode, restart", "prod-ha-hdfs-namenode-1", "0", "0", true,
			[]string{"hdfs namenode"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newPod(t)
			fakeHDFS(p, tt.formatExit, tt.bootstrapExit)
			if tt.existing {
				writeFile(t, filepath.Join(p.root, "data/namenode/current/VERSION"), nil)
			}
			calls, code := p.run(script, tt.hostname)
			if code != 0 {
				t.Fatalf("script exited %d; calls: %q", code, calls)
			}
			if diff := cmp.Diff(tt.want, calls); diff != "" {
				t.Errorf("calls (-want +got):\n%s", diff)
			}
		})
	}
}

// TestStandbyNameNodeWaitsForItsPeer: bootstrapStandby fails until the
// first NameNode serves its metadata; the script retries.
func TestStandbyNameNodeWaitsForItsPeer(t *testing.T) {
	res := compileFiles(t, "../profiles/prod-ha")
	script := startScript(t, res, "prod-ha/kubernetes/statefulset-prod-ha-hdfs-namenode.yaml", "namenode")
	p := newPod(t)
	attempts := filepath.Join(p.root, "attempts")
	p.fake("hdfs", `
case "$*" in
  *-bootstrapStandby*) echo x >> `+attempts+`; [ "$(wc -l < `+attempts+`)" -ge 3 ] || exit 1;;
esac`)
	calls, code := p.run(script, "prod-ha-hdfs-namenode-1")
	bootstrap := "hdfs namenode -bootstrapStandby -nonInteractive"
	want := []string{bootstrap, "sleep 10", bootstrap, "sleep 10", bootstrap, "hdfs namenode"}
	if diff := cmp.Diff(want, calls); code != 0 || diff != "" {
		t.Errorf("exit %d, calls (-want +got):\n%s", code, diff)
	}
}

func TestZKFCFormatsTheFailoverZnodeOnce(t *testing.T) {
	res := compileFiles(t, "../profiles/prod-ha")
	script := startScript(t, res, "prod-ha/kubernetes/statefulset-prod-ha-hdfs-namenode.yaml", "zkfc")
	formatZK := "hdfs zkfc -formatZK -nonInteractive"
	for _, tt := range []struct {
		name, hostname, formatExit string
		wantExit                   int
		want                       []string
	}{
		{"first start", "prod-ha-hdfs-namenode-0", "0", 0, []string{formatZK, "hdfs zkfc"}},
		{"znode exists", "prod-ha-hdfs-namenode-0", "2", 0, []string{formatZK, "hdfs zkfc"}},
		{"ZooKeeper unreachable", "prod-ha-hdfs-namenode-0", "1", 1, []string{formatZK}},
		{"other NameNodes never format", "prod-ha-hdfs-namenode-1", "0", 0, []string{"hdfs zkfc"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := newPod(t)
			p.fake("hdfs", `case "$*" in *-formatZK*) exit `+tt.formatExit+`;; esac`)
			calls, code := p.run(script, tt.hostname)
			if diff := cmp.Diff(tt.want, calls); code != tt.wantExit || diff != "" {
				t.Errorf("exit %d (want %d), calls (-want +got):\n%s", code, tt.wantExit, diff)
			}
		})
	}
}

// TestKafkaPodConfigFromOrdinal: each broker appends its node.id and its
// stable DNS name to a copy of the role's server.properties, and formats
// storage idempotently with the platform's cluster id.
func TestKafkaPodConfigFromOrdinal(t *testing.T) {
	res := compileFiles(t, "../profiles/prod-ha")
	script := startScript(t, res, "prod-ha/kubernetes/statefulset-prod-ha-kafka-broker.yaml", "broker")
	p := newPod(t)
	roleFile, _ := res.File("prod-ha/native/kafka/broker/server.properties")
	writeFile(t, filepath.Join(p.root, "etc/kafka/server.properties"), roleFile)
	if err := os.MkdirAll(filepath.Join(p.root, "var/run/kafka"), 0o755); err != nil {
		t.Fatal(err)
	}
	p.fake("kafka-storage.sh", "")
	p.fake("kafka-server-start.sh", "")
	for _, f := range []string{"kafka-storage.sh", "kafka-server-start.sh"} {
		os.MkdirAll(filepath.Join(p.root, "opt/kafka/bin"), 0o755)
		os.Rename(filepath.Join(p.root, "bin", f), filepath.Join(p.root, "opt/kafka/bin", f))
	}
	calls, code := p.run(script, "prod-ha-kafka-broker-2")
	if code != 0 || len(calls) != 2 || !strings.Contains(calls[0], "format --config") || !strings.Contains(calls[0], "--ignore-formatted") {
		t.Fatalf("exit %d, calls %q", code, calls)
	}
	podFile, _ := os.ReadFile(filepath.Join(p.root, "var/run/kafka/server.properties"))
	wantTail := string(roleFile) + "node.id=2\nadvertised.listeners=INTERNAL://prod-ha-kafka-broker-2.prod-ha-kafka-broker.data-prod.svc.cluster.local:9092\n"
	if diff := cmp.Diff(wantTail, string(podFile)); diff != "" {
		t.Errorf("pod's server.properties (-want +got):\n%s", diff)
	}
}

// TestZooKeeperMyidFromOrdinal: the server's myid is its ordinal plus one,
// the N of its server.N line, written before ZooKeeper starts.
func TestZooKeeperMyidFromOrdinal(t *testing.T) {
	res := compileFiles(t, "../profiles/prod-ha")
	script := startScript(t, res, "prod-ha/kubernetes/statefulset-prod-ha-zookeeper-server.yaml", "server")
	p := newPod(t)
	if err := os.MkdirAll(filepath.Join(p.root, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	p.fake("zkServer.sh", "")
	calls, code := p.run(script, "prod-ha-zookeeper-server-2")
	myid, _ := os.ReadFile(filepath.Join(p.root, "data/myid"))
	want := []string{"zkServer.sh start-foreground " + p.root + "/etc/zookeeper/zoo.cfg"}
	if diff := cmp.Diff(want, calls); code != 0 || diff != "" || string(myid) != "3\n" {
		t.Errorf("exit %d, myid %q (want \"3\\n\"), calls (-want +got):\n%s", code, myid, diff)
	}
	zooCfg, _ := res.File("prod-ha/native/zookeeper/zoo.cfg")
	if !strings.Contains(string(zooCfg), "\nserver.3=prod-ha-zookeeper-server-2.") {
		t.Errorf("zoo.cfg has no server.3 line for ordinal 2:\n%s", zooCfg)
	}
}

// TestZooKeeperObserverIdsFollowTheServers: an observer's myid comes after
// the servers' ids, and is the N of a server.N line that names the
// observer's host as an observer, in the servers' zoo.cfg and in the
// observers' own, which says peerType=observer.
func TestZooKeeperObserverIdsFollowTheServers(t *testing.T) {
	res := compileFiles(t, "../profiles/prod-secure")
	script := startScript(t, res, "prod-secure/kubernetes/statefulset-prod-secure-zookeeper-observer.yaml", "observer")
	p := newPod(t)
	if err := os.MkdirAll(filepath.Join(p.root, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	p.fake("zkServer.sh", "")
	if calls, code := p.run(script, "prod-secure-zookeeper-observer-1"); code != 0 || len(calls) != 1 {
		t.Fatalf("exit %d, calls %q", code, calls)
	}
	myid, _ := os.ReadFile(filepath.Join(p.root, "data/myid"))
	settings := nativeSettings(res)
	servers, observers := settings["zookeeper/zoo.cfg"], settings["zookeeper/observer/zoo.cfg"]
	key := "server." + strings.TrimSpace(string(myid))
	for file, cfg := range map[string]map[string]string{"servers'": servers, "observers'": observers} {
		if line := cfg[key]; !strings.HasPrefix(line, "prod-secure-zookeeper-observer-1.") || !strings.Contains(line, ":observer") {
			t.Errorf("myid %q: the %s zoo.cfg has %s=%q, want the observer's host as an observer", myid, file, key, line)
		}
	}
	if observers["peerType"] != "observer" || servers["peerType"] != "" {
		t.Errorf("peerType: observers %q, servers %q; want observer, unset", observers["peerType"], servers["peerType"])
	}
}

// TestZooKeeperMovesItsTransactionLog: with a transaction log volume, a
// server whose dataDir still holds transaction logs (written before the
// volume existed) moves them there before it starts, since ZooKeeper
// refuses a dataDir with logs when dataLogDir differs; snapshots stay, and
// a restart finds nothing to move.
func TestZooKeeperMovesItsTransactionLog(t *testing.T) {
	res := compileFiles(t, "../profiles/prod-ha")
	zooCfg, _ := res.File("prod-ha/native/zookeeper/zoo.cfg")
	if !strings.Contains(string(zooCfg), "\ndataLogDir=/datalog\n") {
		t.Fatalf("zoo.cfg has no dataLogDir=/datalog:\n%s", zooCfg)
	}
	script := startScript(t, res, "prod-ha/kubernetes/statefulset-prod-ha-zookeeper-server.yaml", "server")
	p := newPod(t)
	for _, f := range []string{"data/version-2/log.100000001", "data/version-2/snapshot.0"} {
		writeFile(t, filepath.Join(p.root, f), []byte("x"))
	}
	if err := os.MkdirAll(filepath.Join(p.root, "datalog"), 0o755); err != nil {
		t.Fatal(err)
	}
	p.fake("zkServer.sh", "")
	for _, start := range []string{"first", "restart"} {
		if calls, code := p.run(script, "prod-ha-zookeeper-server-0"); code != 0 || len(calls) != 1 {
			t.Fatalf("%s: exit %d, calls %q", start, code, calls)
		}
		for f, want := range map[string]bool{
			"datalog/version-2/log.100000001": true,
			"data/version-2/log.100000001":    false,
			"data/version-2/snapshot.0":       true,
		} {
			if _, err := os.Stat(filepath.Join(p.root, f)); (err == nil) != want {
				t.Errorf("%s: %s exists: %v, want %v", start, f, err == nil, want)
			}
		}
	}
}

// TestDataNodeCreatesItsSocketDirectory: the DataNode makes the socket
// directory its own and closed to others (Hadoop refuses one that other
// users can write) before it starts.
func TestDataNodeCreatesItsSocketDirectory(t *testing.T) {
	res := compileFiles(t, "../profiles/reads-colocated")
	script := startScript(t, res, "reads-colocated/kubernetes/statefulset-reads-colocated-hdfs-datanode.yaml", "datanode")
	p := newPod(t)
	p.fake("hdfs", "")
	calls, code := p.run(script, "reads-colocated-hdfs-datanode-0")
	info, err := os.Stat(filepath.Join(p.root, "data/sockets"))
	if err != nil || code != 0 {
		t.Fatalf("exit %d, socket directory: %v", code, err)
	}
	if mode := info.Mode().Perm(); mode != 0o755 {
		t.Errorf("socket directory mode %o, want 755", mode)
	}
	if diff := cmp.Diff([]string{"hdfs datanode"}, calls); diff != "" {
		t.Errorf("calls (-want +got):\n%s", diff)
	}
}
