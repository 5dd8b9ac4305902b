package compiler_test

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/bdconf/bdconf/compiler"
)

// A flow is a connection that pods of one role open to a port of another
// role's pods. Roles are named <component>-<role>, as objects are without
// the platform's name; clientRole and otherRole stand for pods of the
// namespace that bdconf does not run.
type flow struct {
	from, to string
	port     int
}

// String renders f as source -> target:port.
func (f flow) String() string { return fmt.Sprintf("%s -> %s:%d", f.from, f.to, f.port) }

const (
	// clientRole is a pod carrying the platform's client labels.
	clientRole = "client"
	// otherRole is a pod of the namespace carrying no label.
	otherRole = "other"
	// anyone reads a connection that every source may open.
	anyone = "*"
)

// A target is where a native file sends its readers: one pod, by host name,
// or every pod of a role.
type target struct {
	host, role string
	port       int
}

// A connection says who connects where, as one native file tells.
type connection struct {
	// readers are the roles whose pods connect.
	readers []string
	// file is the native file's path under <platform>/native.
	file string
	// targets reads the file's settings.
	targets func(settings map[string]string) []target
}

// connections is what the test knows of each daemon: which keys it reads
// to find its peers, and which ports its peers learn at run time (a
// DataNode's, announced by registration). No port number is written here:
// every number comes from the native files.
var connections = []connection{
	// ZooKeeper servers and observers reach the voting servers' quorum and
	// election ports; a voting server answers an observer's election
	// notification on a connection of its own, to the observer's election
	// port (QuorumCnxManager.toSend); clients reach every member's client port.
	{[]string{"zookeeper-server", "zookeeper-observer"}, "zookeeper/zoo.cfg", zooKeeperServers("participant", quorumAndElection)},
	{[]string{"zookeeper-server"}, "zookeeper/zoo.cfg", zooKeeperServers("observer", election)},
	{[]string{clientRole}, "zookeeper/zoo.cfg", zooKeeperServers("", clientPort)},
	// The ZKFC beside each HA NameNode holds the failover lock in ZooKeeper.
	{[]string{"hdfs-namenode"}, "hdfs/core-site.xml", addresses(`^ha\.zookeeper\.quorum$`)},
	// Clients reach the NameNodes' RPC and HTTP ports; NameNodes exchange
	// images over HTTP.
	{[]string{clientRole}, "hdfs/core-site.xml", addresses(`^fs\.defaultFS$`)},
	{[]string{clientRole}, "hdfs/hdfs-site.xml", addresses(`^dfs\.namenode\.rpc-address(\..+)?$`)},
	{[]string{"hdfs-namenode", clientRole}, "hdfs/hdfs-site.xml", addresses(`^dfs\.namenode\.https?-address(\..+)?$`)},
	// DataNodes use the service RPC address when there is one, and so do
	// NameNodes among themselves (bootstrapStandby, edit log rolls, ZKFC
	// fencing).
	{[]string{"hdfs-datanode", "hdfs-namenode"}, "hdfs/hdfs-site.xml", addresses(`^dfs\.namenode\.servicerpc-address(\..+)?$`)},
	// NameNodes write edits to the JournalNodes and read segments back over
	// HTTP; JournalNodes find each other in the same key and sync missing
	// segments (a manifest by RPC, the segment by HTTP).
	{[]string{"hdfs-namenode", "hdfs-journalnode"}, "hdfs/hdfs-site.xml", addresses(`^dfs\.namenode\.shared\.edits\.dir$`)},
	{[]string{"hdfs-namenode", "hdfs-journalnode"}, "hdfs/hdfs-site.xml", listening("hdfs-journalnode", `^dfs\.journalnode\.https?-address$`)},
	// ZKFCs ask each other to cede the active state (graceful failover).
	{[]string{"hdfs-namenode"}, "hdfs/hdfs-site.xml", listening("hdfs-namenode", `^dfs\.ha\.zkfc\.port$`)},
	// DataNodes stream blocks to each other (replication pipeline) and
	// recover replicas through each other's IPC port; clients read and
	// write blocks, ask a DataNode for the length of a block being written,
	// and follow WebHDFS redirects to its HTTP port.
	{[]string{"hdfs-datanode", clientRole}, "hdfs/hdfs-site.xml", listening("hdfs-datanode", `^dfs\.datanode\.(address|ipc\.address)$`)},
	{[]string{clientRole}, "hdfs/hdfs-site.xml", listening("hdfs-datanode", `^dfs\.datanode\.https?\.address$`)},
	// Controllers form the KRaft quorum; brokers fetch metadata from it.
	{[]string{"kafka-controller", "kafka-broker"}, "kafka/controller/server.properties", addresses(`^controller\.quorum\.voters$`)},
	// Brokers replicate from each other on the inter-broker listener, which
	// clients use too; any other listener is for clients outside.
	{[]string{"kafka-broker", clientRole}, "kafka/broker/server.properties", brokerListeners(true)},
	{[]string{anyone}, "kafka/broker/server.properties", brokerListeners(false)},
}

// clusterAddress matches a host:port inside the cluster.
var clusterAddress = regexp.MustCompile(`([a-z0-9][-a-z0-9.]*\.svc\.[-a-z0-9.]*[a-z0-9]):([0-9]+)`)

// addresses reads every in-cluster host:port in the values of the keys
// that match key, whatever the syntax around them (lists, URIs, voters).
func addresses(key string) func(map[string]string) []target {
	re := regexp.MustCompile(key)
	return func(settings map[string]string) []target {
		var targets []target
		for k, v := range settings {
			if !re.MatchString(k) {
				continue
			}
			for _, m := range clusterAddress.FindAllStringSubmatch(v, -1) {
				targets = append(targets, target{host: m[1], port: atoi(m[2])})
			}
		}
		return targets
	}
}

// listening reads the port a role binds, from keys that match key and hold
// a bind address (0.0.0.0:port) or a port.
func listening(role, key string) func(map[string]string) []target {
	re := regexp.MustCompile(key)
	return func(settings map[string]string) []target {
		var targets []target
		for k, v := range settings {
			if re.MatchString(k) {
				targets = append(targets, target{role: role, port: atoi(v[strings.LastIndex(v, ":")+1:])})
			}
		}
		return targets
	}
}

// zooKeeperServers reads the server.N lines of zoo.cfg
// (host:quorum:election[:type];client) of members of peerType
// (participant, the default, or observer; "" for all), keeping the ports
// ports picks. With TLS the lines carry no client port (it would open a
// plaintext one): the servers listen on secureClientPort.
func zooKeeperServers(peerType string, ports func(quorum, election, client string) []string) func(map[string]string) []target {
	server := regexp.MustCompile(`^server\.[0-9]+$`)
	return func(settings map[string]string) []target {
		var targets []target
		for k, v := range settings {
			if !server.MatchString(k) {
				continue
			}
			address, client, _ := strings.Cut(v, ";")
			if client == "" {
				client = settings["secureClientPort"]
			}
			f := strings.Split(address, ":")
			if lineType := append(f, "participant")[3]; peerType != "" && lineType != peerType {
				continue
			}
			for _, p := range ports(f[1], f[2], client) {
				targets = append(targets, target{host: f[0], port: atoi(p)})
			}
		}
		return targets
	}
}

// quorumAndElection keeps a server's peer ports.
func quorumAndElection(quorum, election, _ string) []string { return []string{quorum, election} }

// election keeps a server's election port.
func election(_, election, _ string) []string { return []string{election} }

// clientPort keeps a server's client port.
func clientPort(_, _, client string) []string { return []string{client} }

// brokerListeners reads the brokers' listeners: the inter-broker one, or
// the others. Brokers advertise their pod's name at run time, so each
// listener's port is reached on every broker.
func brokerListeners(interBroker bool) func(map[string]string) []target {
	return func(settings map[string]string) []target {
		var targets []target
		for _, l := range strings.Split(settings["listeners"], ",") {
			name, address, _ := strings.Cut(l, "://")
			if (name == settings["inter.broker.listener.name"]) == interBroker {
				targets = append(targets, target{role: "kafka-broker", port: atoi(address[strings.LastIndex(address, ":")+1:])})
			}
		}
		return targets
	}
}

// configuredFlows lists every flow the native files of res call for,
// between distinct pods: a pod reaching itself needs no policy.
func configuredFlows(t *testing.T, res *compiler.Result, sources, pods []netPod) map[flow]bool {
	t.Helper()
	natives := nativeSettings(res)
	flows := map[flow]bool{}
	for _, c := range connections {
		settings, ok := natives[c.file]
		if !ok {
			continue
		}
		for _, tg := range c.targets(settings) {
			for _, dst := range resolve(t, tg, pods) {
				for _, src := range readers(sources, c.readers) {
					if src.name != dst.name {
						flows[flow{src.role, dst.role, tg.port}] = true
					}
				}
			}
		}
	}
	return flows
}

// nativeSettings maps each native file of res, by its path under
// <platform>/native, to its key/values.
func nativeSettings(res *compiler.Result) map[string]map[string]string {
	files := map[string]map[string]string{}
	for _, n := range res.Natives {
		settings := map[string]string{}
		for _, s := range n.Settings {
			settings[s.Key] = s.Value
		}
		files[strings.TrimPrefix(n.Path, path.Join(res.Platform, "native")+"/")] = settings
	}
	return files
}

// resolve returns the pods a target names: the pod whose stable DNS name
// (<pod>.<service>.<namespace>.svc...) is its host, or every pod of its role.
func resolve(t *testing.T, tg target, pods []netPod) []netPod {
	t.Helper()
	var found []netPod
	for _, p := range pods {
		if tg.role == p.role || tg.host != "" && strings.HasPrefix(tg.host, p.name+"."+p.service+"."+p.namespace+".svc.") {
			found = append(found, p)
		}
	}
	if len(found) == 0 {
		t.Errorf("%+v names no pod of the platform", tg)
	}
	return found
}

// readers returns the sources whose role is among roles.
func readers(sources []netPod, roles []string) []netPod {
	var found []netPod
	for _, p := range sources {
		for _, r := range roles {
			if r == anyone || r == p.role {
				found = append(found, p)
				break
			}
		}
	}
	return found
}

// atoi reads a port number from a native file.
func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		panic(fmt.Sprintf("not a port: %q", s))
	}
	return n
}
