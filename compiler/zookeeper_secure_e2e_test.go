package compiler_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bdconf/bdconf/compiler/internal/daemon"
	"github.com/bdconf/bdconf/compiler/internal/kdctest"
	"sigs.k8s.io/yaml"
	"software.sslmate.com/src/go-pkcs12"
)

// secureGolden is the prod-secure output whose ZooKeeper ensemble runs with
// quorum TLS, client TLS and Kerberos SASL.
const secureGolden = "../golden/prod-secure"

// zookeeperTLSClasspath adds the Netty jars Debian's zookeeper.jar manifest
// leaves out, which NettyServerCnxnFactory and its TLS handler need, and
// slf4j-simple so that the servers log to their daemon.Process.Log.
const zookeeperTLSClasspath = zookeeperClasspath + ":/usr/share/java/netty-codec.jar:/usr/share/java/netty-resolver.jar:/usr/share/java/slf4j-simple.jar"

// Secret names of the keytabs and Certificates the test issues.
const (
	zkServerRole = "prod-secure-zookeeper-server"
	namenodeRole = "prod-secure-hdfs-namenode"
	datanodeRole = "prod-secure-hdfs-datanode"
)

// TestZooKeeperSecureEnsemble runs three servers from prod-secure's zoo.cfg
// and JAAS file with keytabs from a real MIT KDC and PKCS12 stores shaped as
// cert-manager writes them, then proves the ensemble forms, that the
// NameNode identity writes under the HA znode ACL, that other identities
// and clients without SASL or a certificate are refused, and that data
// survives the leader's death. A store missing one of the Certificate's
// dnsNames keeps the ensemble from forming.
func TestZooKeeperSecureEnsemble(t *testing.T) {
	requireZooKeeper(t)
	kdctest.Require(t)
	env := newSecureEnv(t)

	t.Run("store missing a dnsName", func(t *testing.T) { checkStoreMissingName(t, env) })

	servers := env.startEnsemble(t, env.issue(t, readCertificate(t, zkServerRole)))
	leader := env.waitForEnsemble(servers, 60*time.Second)
	if leader == nil {
		t.Fatalf("no ensemble of three formed within 60s\n%s", daemon.Tail(20, servers[0].process.Log))
	}
	nn := env.client(t, namenodeRole, 0, true, true)
	acl := haZooKeeperACL(t)
	if out := nn.run(leader, "create", "/hadoop-ha", "nn-wrote", acl); !strings.Contains(out, "Created /hadoop-ha") {
		t.Fatalf("the NameNode cannot create /hadoop-ha with ACL %s:\n%s", acl, out)
	}
	checkReaders(t, env, servers[(slices.Index(servers, leader)+1)%len(servers)])

	leader.process.Kill()
	survivors := slices.DeleteFunc(slices.Clone(servers), func(s *zkServer) bool { return s == leader })
	newLeader := env.waitForEnsemble(survivors, 60*time.Second)
	if newLeader == nil {
		t.Fatal("no new leader among the survivors within 60s")
	}
	if out := nn.run(newLeader, "get", "/hadoop-ha"); !strings.Contains(out, "nn-wrote") {
		t.Fatalf("/hadoop-ha lost after the leader's death:\n%s", out)
	}
}

// checkStoreMissingName starts the ensemble with a store that lacks the
// Certificate's first dnsName (server-0's pod name): the peers that dial it
// refuse its certificate and no ensemble of three forms in more than twice
// the time a good one takes (about 7 s here).
func checkStoreMissingName(t *testing.T, env *secureEnv) {
	cert := readCertificate(t, zkServerRole)
	dropped := cert.DNSNames[0]
	cert.DNSNames = cert.DNSNames[1:]
	servers := env.startEnsemble(t, env.issue(t, cert))
	if leader := env.waitForEnsemble(servers, 15*time.Second); leader != nil {
		t.Fatalf("an ensemble formed although the store lacks %s", dropped)
	}
	for _, s := range servers {
		s.process.Kill()
	}
	refusal := "Failed to verify hostname: " + dropped
	if !slices.ContainsFunc(servers, func(s *zkServer) bool { return logContains(s.process.Log, refusal) }) {
		t.Fatalf("no server logged %q", refusal)
	}
}

// checkReaders reads /hadoop-ha through server s, in parallel, as the other
// NameNode (allowed by sasl:nn, since kerberos.removeHostFromPrincipal and
// removeRealmFromPrincipal reduce nn/<pod>@REALM to nn), a DataNode, a
// NameNode without SASL (enforce.auth) and one without a certificate
// (ssl.clientAuth=need): only the first may read it.
func checkReaders(t *testing.T, env *secureEnv, s *zkServer) {
	readers := []struct {
		name    string
		client  *zkClient
		allowed bool
		want    string // in the client's output
	}{
		{"other NameNode", env.client(t, namenodeRole, 1, true, true), true, "nn-wrote"},
		{"DataNode identity", env.client(t, datanodeRole, 0, true, true), false, "Insufficient permission"},
		{"no SASL", env.client(t, namenodeRole, 0, false, true), false, "failed to authenticate"},
		{"no certificate", env.client(t, namenodeRole, 0, true, false), false, "ConnectionLoss"},
	}
	var wg sync.WaitGroup
	for _, r := range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out := r.client.run(s, "get", "/hadoop-ha")
			if strings.Contains(out, "nn-wrote") != r.allowed || !strings.Contains(out, r.want) {
				t.Errorf("%s reading /hadoop-ha: allowed=%v, want %q in the output:\n%s", r.name, r.allowed, r.want, out)
			}
		}()
	}
	wg.Wait()
}

// secureEnv is what every server and client of the test shares: the KDC's
// keytabs, the krb5.conf pointed at it, the JDK hosts file, the CA and the
// keystore password.
type secureEnv struct {
	dir      string
	zooCfg   string
	krb5Conf string
	hosts    string
	keytabs  map[string]string // role (Secret prefix) -> keytab path
	password string
	ca       *x509.Certificate
	caKey    *rsa.PrivateKey
	hostOf   map[int]string // server id -> pod FQDN from zoo.cfg
	ports    []int          // quorum, election, client, admin
	probe    *tlsSecret     // the NameNode's certificate, for srvr probes
}

func newSecureEnv(t *testing.T) *secureEnv {
	t.Helper()
	e := &secureEnv{dir: t.TempDir(), password: rand.Text(), keytabs: map[string]string{}, hostOf: map[int]string{}}
	e.zooCfg = readGolden(t, "native/zookeeper/zoo.cfg")
	kdc := kdctest.Start(t, "DATA.EXAMPLE.COM")
	e.exportKeytabs(t, kdc)
	e.krb5Conf = filepath.Join(e.dir, "krb5.conf")
	kdcLine := regexp.MustCompile(`(?m)^(\s*kdc = ).*$`)
	writeFile(t, e.krb5Conf, []byte(kdcLine.ReplaceAllString(readGolden(t, "native/kerberos/krb5.conf"), "${1}"+kdc.Address())))
	e.ca, e.caKey = newCA(t)
	e.ports = freePorts(t, 4)
	e.probe = e.issue(t, readCertificate(t, namenodeRole))
	e.writeHosts(t)
	return e
}

// exportKeytabs creates in the KDC exactly the descriptor's principals of
// the ZooKeeper servers and of the two HDFS roles the clients play, and
// exports one keytab per Secret.
func (e *secureEnv) exportKeytabs(t *testing.T, kdc *kdctest.KDC) {
	var descriptor struct {
		Principals []struct{ Principal, Secret string }
	}
	if err := json.Unmarshal([]byte(readGolden(t, "kerberos.json")), &descriptor); err != nil {
		t.Fatal(err)
	}
	bySecret := map[string][]string{}
	for _, p := range descriptor.Principals {
		bySecret[p.Secret] = append(bySecret[p.Secret], p.Principal)
	}
	for _, role := range []string{zkServerRole, namenodeRole, datanodeRole} {
		principals := bySecret[role+"-keytab"]
		if len(principals) == 0 {
			t.Fatalf("kerberos.json has no principals for the Secret %s-keytab", role)
		}
		kdc.AddPrincipals(t, principals...)
		e.keytabs[role] = filepath.Join(e.dir, role+".keytab")
		kdc.ExportKeytab(t, e.keytabs[role], principals...)
	}
}

// writeHosts maps every server.N host of zoo.cfg to 127.0.0.(10+N) in a JDK
// hosts file, and names 127.0.0.1, the source address of every loopback
// connection, after the headless Service (a dnsName of the Certificate):
// ZooKeeper 3.8, unlike 3.9, ignores ssl.quorum.clientHostnameVerification
// and checks the connecting peer's certificate against that address
// (X509Util, QuorumX509Util.shouldVerifyClientHostname).
func (e *secureEnv) writeHosts(t *testing.T) {
	var lines []string
	for _, m := range regexp.MustCompile(`(?m)^server\.(\d+)=([^\\]+)\\:`).FindAllStringSubmatch(e.zooCfg, -1) {
		var id int
		fmt.Sscan(m[1], &id)
		e.hostOf[id] = m[2]
		lines = append(lines, fmt.Sprintf("127.0.0.%d %s", 10+id, m[2]))
	}
	var service []string
	for _, name := range readCertificate(t, zkServerRole).DNSNames {
		if !slices.Contains(slices.Collect(maps.Values(e.hostOf)), name) {
			service = append(service, name)
		}
	}
	if len(service) != 1 {
		t.Fatalf("want exactly one dnsName besides the pods, got %v", service)
	}
	lines = append([]string{"127.0.0.1 " + service[0] + " localhost"}, lines...)
	e.hosts = filepath.Join(e.dir, "hosts")
	writeFile(t, e.hosts, []byte(strings.Join(lines, "\n")+"\n"))
}

// certificateSpec is the part of a cert-manager Certificate the test issues.
type certificateSpec struct {
	CommonName string   `json:"commonName"`
	DNSNames   []string `json:"dnsNames"`
}

func readCertificate(t *testing.T, name string) certificateSpec {
	t.Helper()
	var c struct{ Spec certificateSpec }
	if err := yaml.Unmarshal([]byte(readGolden(t, "kubernetes/certificate-"+name+".yaml")), &c); err != nil {
		t.Fatal(err)
	}
	return c.Spec
}

func readGolden(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(secureGolden, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// tlsSecret is what cert-manager writes into a Certificate's Secret.
type tlsSecret struct {
	dir  string // keystore.p12, truststore.p12
	leaf tls.Certificate
}

func newCA(t *testing.T) (*x509.Certificate, *rsa.PrivateKey) {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "platform-ca"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	ca, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return ca, key
}

// issue signs a leaf with spec's commonName and dnsNames and the emitted
// usages, and encodes keystore.p12 and truststore.p12 with cert-manager's
// default PKCS12 profile (LegacyRC2).
func (e *secureEnv) issue(t *testing.T, spec certificateSpec) *tlsSecret {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	serial, _ := rand.Int(rand.Reader, big.NewInt(1<<62))
	tmpl := &x509.Certificate{
		SerialNumber: serial, Subject: pkix.Name{CommonName: spec.CommonName}, DNSNames: spec.DNSNames,
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, e.ca, &key.PublicKey, e.caKey)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	keystore, err := pkcs12.LegacyRC2.Encode(key, leaf, []*x509.Certificate{e.ca}, e.password)
	if err != nil {
		t.Fatal(err)
	}
	truststore, err := pkcs12.LegacyRC2.EncodeTrustStore([]*x509.Certificate{e.ca}, e.password)
	if err != nil {
		t.Fatal(err)
	}
	s := &tlsSecret{dir: t.TempDir(), leaf: tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}}
	writeFile(t, filepath.Join(s.dir, "keystore.p12"), keystore)
	writeFile(t, filepath.Join(s.dir, "truststore.p12"), truststore)
	writeFile(t, filepath.Join(s.dir, "password"), []byte(e.password))
	return s
}

// startEnsemble starts the three voting servers of zoo.cfg (the observers'
// lines stay, their hosts unserved) with the Secret secret.
func (e *secureEnv) startEnsemble(t *testing.T, secret *tlsSecret) []*zkServer {
	t.Helper()
	dir := t.TempDir()
	jaas := strings.ReplaceAll(readGolden(t, "native/zookeeper/jaas.conf"), "/etc/security/keytabs/keytab", e.keytabs[zkServerRole])
	writeFile(t, filepath.Join(dir, "jaas.conf"), []byte(jaas))
	var servers []*zkServer
	for id := 1; id <= 3; id++ {
		servers = append(servers, e.startSecureServer(t, dir, id, secret))
	}
	return servers
}

// startSecureServer writes member id's zoo.cfg: the emitted one with the
// Secret's paths, the data directory, free ports and its own loopback
// address as bind address; the server.N hosts stay the pods' names.
func (e *secureEnv) startSecureServer(t *testing.T, dir string, id int, secret *tlsSecret) *zkServer {
	t.Helper()
	dataDir := filepath.Join(dir, fmt.Sprint(id))
	writeFile(t, filepath.Join(dataDir, "myid"), []byte(fmt.Sprintf("%d\n", id)))
	address := fmt.Sprintf("127.0.0.%d", 10+id)
	cfg := strings.NewReplacer("/etc/tls-password/password", filepath.Join(secret.dir, "password"),
		"/etc/tls/", secret.dir+"/", "dataDir=/data\n", "dataDir="+dataDir+"\n",
		"quorumListenOnAllIPs=true", "quorumListenOnAllIPs=false",
		"secureClientPort=2281", fmt.Sprintf("secureClientPort=%d", e.ports[2]),
		"admin.serverPort=8080", fmt.Sprintf("admin.serverPort=%d", e.ports[3]),
	).Replace(e.zooCfg)
	cfg = regexp.MustCompile(`(?m)^(server\.\d+=[^\\]+)\\:\d+\\:\d+`).ReplaceAllString(cfg, fmt.Sprintf(`${1}\:%d\:%d`, e.ports[0], e.ports[1]))
	cfg += fmt.Sprintf("secureClientPortAddress=%s\nadmin.serverAddress=%s\n", address, address)
	cfgPath := filepath.Join(dir, fmt.Sprintf("zoo-%d.cfg", id))
	writeFile(t, cfgPath, []byte(cfg))
	p, err := daemon.Start(dataDir, "java", nil, "-Xmx256m", "-Dsun.net.inetaddr.ttl=10", "-Dsun.net.inetaddr.negative.ttl=1",
		"-Djava.security.krb5.conf="+e.krb5Conf, "-Djava.security.auth.login.config="+filepath.Join(dir, "jaas.conf"),
		"-Dbdconf.pod.fqdn="+e.hostOf[id], "-Djdk.net.hosts.file="+e.hosts,
		"-cp", zookeeperTLSClasspath, "org.apache.zookeeper.server.quorum.QuorumPeerMain", cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Kill)
	return &zkServer{id: id, clientPort: e.ports[2], process: p}
}

// waitForEnsemble polls srvr over client TLS until one of servers leads and
// the others follow; nil when that does not happen within timeout.
func (e *secureEnv) waitForEnsemble(servers []*zkServer, timeout time.Duration) *zkServer {
	return pollForLeader(servers, timeout, func(s *zkServer) string { return e.secureMode(s, e.probe.leaf) })
}

// secureMode asks server s its role with srvr over client TLS.
func (e *secureEnv) secureMode(s *zkServer, probe tls.Certificate) string {
	pool := x509.NewCertPool()
	pool.AddCert(e.ca)
	dialer := &net.Dialer{Timeout: time.Second}
	conn, err := tls.DialWithDialer(dialer, "tcp", fmt.Sprintf("127.0.0.%d:%d", 10+s.id, s.clientPort),
		&tls.Config{RootCAs: pool, ServerName: e.hostOf[s.id], Certificates: []tls.Certificate{probe}})
	if err != nil {
		return ""
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(2 * time.Second))
	fmt.Fprint(conn, "srvr")
	out := make([]byte, 4096)
	n, _ := io.ReadFull(conn, out)
	if m := regexp.MustCompile(`(?m)^Mode: (\w+)`).FindSubmatch(out[:n]); m != nil {
		return string(m[1])
	}
	return ""
}

// logContains reports whether the file at path holds text.
func logContains(path, text string) bool {
	data, err := os.ReadFile(path)
	return err == nil && strings.Contains(string(data), text)
}

// haZooKeeperACL is the emitted ha.zookeeper.acl of core-site.xml, the ACL
// the ZKFC puts on its znode.
func haZooKeeperACL(t *testing.T) string {
	t.Helper()
	m := regexp.MustCompile(`<name>ha.zookeeper.acl</name>\s*<value>([^<]+)</value>`).FindStringSubmatch(readGolden(t, "native/hdfs/core-site.xml"))
	if m == nil {
		t.Fatal("core-site.xml has no ha.zookeeper.acl")
	}
	return m[1]
}

// zkClient is ZooKeeper's command-line client with one pod's identity.
type zkClient struct {
	env  *secureEnv
	args []string
}

// client is a ZooKeeperMain with the Kerberos identity of role's pod
// ordinal (the NameNode's jaas.conf Client section, its principal swapped
// for another role's) when sasl is set, and role's certificate when cert
// is set; the trust store is always there.
func (e *secureEnv) client(t *testing.T, role string, ordinal int, sasl, cert bool) *zkClient {
	t.Helper()
	dir := t.TempDir()
	secret := e.issue(t, readCertificate(t, role))
	props := fmt.Sprintf("zookeeper.client.secure=true\nzookeeper.clientCnxnSocket=org.apache.zookeeper.ClientCnxnSocketNetty\n"+
		"zookeeper.ssl.trustStore.location=%s/truststore.p12\nzookeeper.ssl.trustStore.password=%s\n", secret.dir, e.password)
	if cert {
		props += fmt.Sprintf("zookeeper.ssl.keyStore.location=%s/keystore.p12\nzookeeper.ssl.keyStore.password=%s\n", secret.dir, e.password)
	}
	writeFile(t, filepath.Join(dir, "client.properties"), []byte(props))
	pod := readCertificate(t, role).DNSNames[ordinal]
	args := []string{"-Djava.security.krb5.conf=" + e.krb5Conf, "-Djdk.net.hosts.file=" + e.hosts,
		"-Dbdconf.pod.fqdn=" + pod, "-Dzookeeper.sasl.client.canonicalize.hostname=false"}
	if sasl {
		jaas := strings.ReplaceAll(readGolden(t, "native/hdfs/jaas.conf"), "/etc/security/keytabs/keytab", e.keytabs[role])
		if role == datanodeRole {
			jaas = strings.ReplaceAll(jaas, `principal="nn/`, `principal="dn/`)
		}
		writeFile(t, filepath.Join(dir, "jaas.conf"), []byte(jaas))
		args = append(args, "-Djava.security.auth.login.config="+filepath.Join(dir, "jaas.conf"))
	}
	args = append(args, "-cp", zookeeperTLSClasspath, "org.apache.zookeeper.ZooKeeperMain",
		"-client-configuration", filepath.Join(dir, "client.properties"))
	return &zkClient{env: e, args: args}
}

// run runs one command against server s and returns what the client
// printed; a client that gets nowhere is stopped after 20 s.
func (c *zkClient) run(s *zkServer, command ...string) string {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	args := append(slices.Clone(c.args), "-server", fmt.Sprintf("%s:%d", c.env.hostOf[s.id], s.clientPort))
	out, _ := exec.CommandContext(ctx, "java", append(args, command...)...).CombinedOutput()
	return string(out)
}
