package compiler_test

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bdconf/bdconf/compiler"
	"github.com/bdconf/bdconf/compiler/internal/daemon"
)

// zookeeperClasspath runs Debian's zookeeper package (3.8), which .ci/run
// installs; the jar's manifest names its dependencies but the servlet API,
// without which the AdminServer (the readiness probe's) does not start.
const zookeeperClasspath = "/etc/zookeeper/conf:/usr/share/java/zookeeper.jar:/usr/share/java/servlet-api.jar"

// TestZooKeeperEnsembleFailover starts a real three-server ensemble from the
// zoo.cfg bdconf emits, with only what one host needs remapped (ports, the
// pod host names to 127.0.0.1, the data directories), then checks that a
// leader is elected, that a znode survives the leader's death and that a
// new leader takes over.
func TestZooKeeperEnsembleFailover(t *testing.T) {
	requireZooKeeper(t)
	res, err := compiler.Compile(context.Background(), compiler.Options{Sources: []compiler.Source{{
		Name: "zk.yaml", Data: []byte("name: e2e\nzookeeper: {server: {replicas: 3}}\n"),
	}}})
	if err != nil {
		t.Fatal(err)
	}
	data, ok := res.File("e2e/native/zookeeper/zoo.cfg")
	if !ok {
		t.Fatal("no zoo.cfg among the output files")
	}
	zooCfg := string(data)
	dir := t.TempDir()
	ports := freePorts(t, 12)
	servers := make([]*zkServer, 3)
	for i := range servers {
		servers[i] = startServer(t, dir, i, remapForOneHost(t, zooCfg, dir, i, ports, 3))
	}
	leader := waitForLeader(t, servers)
	zkCli(t, leader.clientPort, "create", "/bdconf-e2e", "written-before-failover")

	leader.process.Kill()
	var survivors []*zkServer
	for _, s := range servers {
		if s != leader {
			survivors = append(survivors, s)
		}
	}
	newLeader := waitForLeader(t, survivors)
	if out := zkCli(t, newLeader.clientPort, "get", "/bdconf-e2e"); !strings.Contains(out, "written-before-failover") {
		t.Fatalf("znode lost after failover; zkCli printed:\n%s", out)
	}
}

// TestZooKeeperObserverJoins starts three servers and an observer from the
// zoo.cfg files bdconf emits for each role, remapped for one host as
// above: the observer joins as an observer (myid 4, after the servers'),
// the servers still elect a leader among themselves, and a znode written
// through the leader reads back through the observer.
func TestZooKeeperObserverJoins(t *testing.T) {
	requireZooKeeper(t)
	res, err := compiler.Compile(context.Background(), compiler.Options{Sources: []compiler.Source{{
		Name: "zk.yaml", Data: []byte("name: e2e\nzookeeper: {server: {replicas: 3}, observer: {replicas: 1}}\n"),
	}}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	ports := freePorts(t, 16)
	var members []*zkServer
	for i, file := range []string{"zoo.cfg", "zoo.cfg", "zoo.cfg", "observer/zoo.cfg"} {
		data, ok := res.File("e2e/native/zookeeper/" + file)
		if !ok {
			t.Fatalf("no %s among the output files", file)
		}
		members = append(members, startServer(t, dir, i, remapForOneHost(t, string(data), dir, i, ports, 4)))
	}
	servers, observer := members[:3], members[3]
	leader := waitForLeader(t, servers)
	deadline := time.Now().Add(60 * time.Second)
	for mode(observer.clientPort) != "observer" {
		if time.Now().After(deadline) {
			t.Fatalf("member %d never became an observer (mode %q)", observer.id, mode(observer.clientPort))
		}
		time.Sleep(500 * time.Millisecond)
	}
	zkCli(t, leader.clientPort, "create", "/bdconf-observed", "written-through-the-leader")
	if out := zkCli(t, observer.clientPort, "get", "/bdconf-observed"); !strings.Contains(out, "written-through-the-leader") {
		t.Fatalf("the observer does not serve the znode; zkCli printed:\n%s", out)
	}
}

func requireZooKeeper(t *testing.T) {
	t.Helper()
	if _, err := os.Stat("/usr/share/java/zookeeper.jar"); err != nil {
		if os.Getenv("BDCONF_REQUIRE_E2E") != "" {
			t.Fatal("Debian's zookeeper package is not installed (apt-get install zookeeper)")
		}
		t.Skip("Debian's zookeeper package is not installed; .ci/run installs it")
	}
}

// freePorts reserves n distinct loopback ports.
func freePorts(t *testing.T, n int) []int {
	t.Helper()
	var ports []int
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
		defer l.Close()
	}
	return ports
}

// serverLine matches "server.N=<host>\:<quorum>\:<election>[\:observer];<client>".
var serverLine = regexp.MustCompile(`(?m)^server\.(\d+)=[^\\]+\\:\d+\\:\d+(\\:observer)?;\d+$`)

// remapForOneHost rewrites the emitted zoo.cfg for member i of an ensemble
// of members on one host. ports holds four ports per member: client,
// quorum, election, admin.
func remapForOneHost(t *testing.T, cfg, dir string, i int, ports []int, members int) string {
	t.Helper()
	port := func(server, which int) int { return ports[server*4+which] }
	replace := func(cfg, key, value string) string {
		re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(key) + `=.*$`)
		if !re.MatchString(cfg) {
			t.Fatalf("emitted zoo.cfg has no %s", key)
		}
		return re.ReplaceAllString(cfg, key+"="+value)
	}
	cfg = replace(cfg, "dataDir", filepath.Join(dir, fmt.Sprint(i)))
	cfg = replace(cfg, "clientPort", fmt.Sprint(port(i, 0)))
	cfg = replace(cfg, "admin.serverPort", fmt.Sprint(port(i, 3)))
	if n := len(serverLine.FindAllString(cfg, -1)); n != members {
		t.Fatalf("emitted zoo.cfg has %d server lines, want %d:\n%s", n, members, cfg)
	}
	return serverLine.ReplaceAllStringFunc(cfg, func(line string) string {
		var n int
		fmt.Sscanf(line, "server.%d=", &n)
		observer := serverLine.FindStringSubmatch(line)[2]
		return fmt.Sprintf(`server.%d=127.0.0.1\:%d\:%d%s;%d`, n, port(n-1, 1), port(n-1, 2), observer, port(n-1, 0))
	})
}

// zkServer is one running ZooKeeper process, stopped by PID at cleanup.
type zkServer struct {
	id         int
	clientPort int
	process    *daemon.Process
}

// startServer writes myid (the pod ordinal plus one, as the pod does) and
// the config, and starts QuorumPeerMain.
func startServer(t *testing.T, dir string, i int, cfg string) *zkServer {
	t.Helper()
	dataDir := filepath.Join(dir, fmt.Sprint(i))
	writeFile(t, filepath.Join(dataDir, "myid"), []byte(fmt.Sprintf("%d\n", i+1)))
	cfgPath := filepath.Join(dir, fmt.Sprintf("zoo-%d.cfg", i))
	writeFile(t, cfgPath, []byte(cfg))
	var clientPort int
	fmt.Sscanf(regexp.MustCompile(`(?m)^clientPort=(\d+)$`).FindStringSubmatch(cfg)[1], "%d", &clientPort)
	// The server logs to its data directory (java.log).
	p, err := daemon.Start(dataDir, "java", nil, "-cp", zookeeperClasspath, "org.apache.zookeeper.server.quorum.QuorumPeerMain", cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Kill)
	return &zkServer{id: i + 1, clientPort: clientPort, process: p}
}

// waitForLeader polls the srvr four-letter word until exactly one of
// servers leads and the others follow.
func waitForLeader(t *testing.T, servers []*zkServer) *zkServer {
	t.Helper()
	leader := pollForLeader(servers, 90*time.Second, func(s *zkServer) string { return mode(s.clientPort) })
	if leader == nil {
		t.Fatalf("no leader elected among servers %v within 90s", ids(servers))
	}
	return leader
}

// pollForLeader asks each server its mode (leader, follower ...) every half
// second until one leads and the others follow; nil after timeout.
func pollForLeader(servers []*zkServer, timeout time.Duration, modeOf func(*zkServer) string) *zkServer {
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); time.Sleep(500 * time.Millisecond) {
		var leader *zkServer
		followers := 0
		for _, s := range servers {
			switch modeOf(s) {
			case "leader":
				leader = s
			case "follower":
				followers++
			}
		}
		if leader != nil && followers == len(servers)-1 {
			return leader
		}
	}
	return nil
}

// mode asks a server its role with the srvr four-letter word.
func mode(port int) string {
	conn, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), time.Second)
	if err != nil {
		return ""
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(2 * time.Second))
	fmt.Fprint(conn, "srvr")
	scanner := bufio.NewScanner(conn)
	for scanner.Scan() {
		if m, ok := strings.CutPrefix(scanner.Text(), "Mode: "); ok {
			return m
		}
	}
	return ""
}

func ids(servers []*zkServer) []int {
	var out []int
	for _, s := range servers {
		out = append(out, s.id)
	}
	return out
}

// zkCli runs one command of ZooKeeper's own command-line client.
func zkCli(t *testing.T, port int, args ...string) string {
	t.Helper()
	cmdArgs := append([]string{"-cp", zookeeperClasspath, "org.apache.zookeeper.ZooKeeperMain", "-server", fmt.Sprintf("127.0.0.1:%d", port)}, args...)
	out, err := exec.Command("java", cmdArgs...).CombinedOutput()
	if err != nil {
		t.Fatalf("zkCli %v: %v\n%s", args, err, out)
	}
	return string(out)
}
