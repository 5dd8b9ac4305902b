package readers

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	hdfs "github.com/colinmarc/hdfs/v2"
	"github.com/colinmarc/hdfs/v2/hadoopconf"
)

// namenodeSet is what the test reads of a NameNode StatefulSet.
type namenodeSet struct {
	Metadata struct{ Name, Namespace string }
	Spec     struct {
		Replicas    int
		ServiceName string `json:"serviceName"`
		Template    struct {
			Spec struct {
				Containers []struct {
					Name  string
					Ports []struct {
						Name          string
						ContainerPort int `json:"containerPort"`
					}
				}
			}
		}
	}
}

// headlessService is what the test reads of the NameNodes' Service.
type headlessService struct {
	Metadata struct{ Name string }
	Spec     struct {
		ClusterIP string `json:"clusterIP"`
		Ports     []struct {
			Name       string
			Port       int
			TargetPort string `json:"targetPort"`
		}
	}
}

// kerberosDescriptor is what the test reads of kerberos.json.
type kerberosDescriptor struct {
	Realm      string
	Principals []struct{ Principal, Role string }
}

// platformClient is what an HDFS client must find in a platform's client
// configuration, read from the platform's manifests and descriptor.
type platformClient struct {
	namenodes  []string // host:port of every NameNode pod, sorted
	kerberos   bool     // the platform has a Kerberos descriptor
	principals []string // the descriptor's NameNode principals
}

// expectedClient derives platformClient from the golden platform dir: the
// NameNode StatefulSet's pods under its headless Service, on the port the
// namenode container names rpc (the one the Service's rpc port targets).
func expectedClient(t *testing.T, dir string) platformClient {
	t.Helper()
	sets, _ := filepath.Glob(filepath.Join(dir, "kubernetes", "statefulset-*-hdfs-namenode.yaml"))
	if len(sets) != 1 {
		t.Fatalf("%s: %d NameNode StatefulSets, want 1", dir, len(sets))
	}
	var set namenodeSet
	readYAML(t, sets[0], &set)
	var svc headlessService
	readYAML(t, filepath.Join(dir, "kubernetes", "service-"+set.Spec.ServiceName+".yaml"), &svc)
	port := rpcPort(t, set, svc)
	var want platformClient
	for i := range set.Spec.Replicas {
		host := fmt.Sprintf("%s-%d.%s.%s.svc.cluster.local", set.Metadata.Name, i, set.Spec.ServiceName, set.Metadata.Namespace)
		want.namenodes = append(want.namenodes, net.JoinHostPort(host, strconv.Itoa(port)))
	}
	slices.Sort(want.namenodes)
	if _, err := os.Stat(filepath.Join(dir, "kerberos.json")); err == nil {
		var d kerberosDescriptor
		readJSON(t, filepath.Join(dir, "kerberos.json"), &d)
		want.kerberos = true
		for _, p := range d.Principals {
			if p.Role == "namenode" {
				want.principals = append(want.principals, p.Principal)
			}
		}
	}
	return want
}

// rpcPort is the namenode container's port named rpc; the headless Service
// must expose it under the same name, or pod DNS names would be all a
// client has.
func rpcPort(t *testing.T, set namenodeSet, svc headlessService) int {
	t.Helper()
	if svc.Spec.ClusterIP != "None" {
		t.Fatalf("Service %s is not headless: pods get no DNS names", svc.Metadata.Name)
	}
	if !slices.ContainsFunc(svc.Spec.Ports, func(p struct {
		Name       string
		Port       int
		TargetPort string `json:"targetPort"`
	}) bool {
		return p.Name == "rpc" && p.TargetPort == "rpc"
	}) {
		t.Fatalf("Service %s has no port rpc targeting rpc", svc.Metadata.Name)
	}
	for _, c := range set.Spec.Template.Spec.Containers {
		for _, p := range c.Ports {
			if c.Name == "namenode" && p.Name == "rpc" {
				return p.ContainerPort
			}
		}
	}
	t.Fatalf("StatefulSet %s: container namenode has no port named rpc", set.Metadata.Name)
	return 0
}

// checkClientConfig loads the core-site.xml and hdfs-site.xml of confDir
// with hadoopconf, as a Go HDFS client would, and returns every way the
// resulting ClientOptions differ from want. The client then dials: it must
// try exactly want's NameNodes.
func checkClientConfig(confDir string, want platformClient) error {
	conf, err := hadoopconf.Load(confDir)
	if err != nil || conf == nil {
		return fmt.Errorf("hadoopconf.Load(%s): %v (nil conf: %v)", confDir, err, conf == nil)
	}
	opts := hdfs.ClientOptionsFromConf(conf)
	var errs []error
	if !slices.Equal(opts.Addresses, want.namenodes) {
		errs = append(errs, fmt.Errorf("NameNode addresses %v, want the StatefulSet's %v", opts.Addresses, want.namenodes))
	}
	if dialed := dialedNamenodes(opts); !slices.Equal(dialed, want.namenodes) {
		errs = append(errs, fmt.Errorf("the client dialed %v, want %v", dialed, want.namenodes))
	}
	if !opts.UseDatanodeHostname {
		errs = append(errs, errors.New("dfs.client.use.datanode.hostname is not on: DataNode pod IPs are not reachable by name outside the cluster"))
	}
	if got := opts.KerberosClient != nil; got != want.kerberos {
		errs = append(errs, fmt.Errorf("Kerberos %v, but the platform's Kerberos descriptor exists: %v", got, want.kerberos))
	}
	if want.kerberos {
		errs = append(errs, checkSecureClient(conf, opts, want)...)
	} else if opts.DataTransferProtection != "" {
		errs = append(errs, fmt.Errorf("data transfer protection %q without Kerberos", opts.DataTransferProtection))
	}
	return errors.Join(errs...)
}

// checkSecureClient requires a Kerberos client to find, for every NameNode
// it dials, a principal the descriptor declares (the client replaces _HOST
// by the host it dials, internal/rpc replaceSPNHostWildcard), and a SASL
// data transfer protection: DataNodes on unprivileged ports serve only that
// (Hadoop's DataNode.checkSecureConfig).
func checkSecureClient(conf hadoopconf.HadoopConf, opts hdfs.ClientOptions, want platformClient) []error {
	var errs []error
	spn := opts.KerberosServicePrincipleName
	_, realm, _ := strings.Cut(conf["dfs.namenode.kerberos.principal"], "@")
	if !regexp.MustCompile(`\A[^/@]+/_HOST\z`).MatchString(spn) || realm == "" {
		errs = append(errs, fmt.Errorf("NameNode principal %q (SPN %q) is not service/_HOST@REALM", conf["dfs.namenode.kerberos.principal"], spn))
	}
	for _, addr := range opts.Addresses {
		host, _, _ := net.SplitHostPort(addr)
		principal := strings.Replace(spn, "_HOST", host, 1) + "@" + realm
		if !slices.Contains(want.principals, principal) {
			errs = append(errs, fmt.Errorf("the client asks for %s, which the Kerberos descriptor does not declare for a NameNode", principal))
		}
	}
	if opts.DataTransferProtection == "" {
		errs = append(errs, errors.New("Kerberos without data transfer protection"))
	}
	return errs
}

// dialedNamenodes has a client built from opts dial, with a dial function
// that records each address and fails, so that the client tries them all.
// Kerberos is left out: the dial comes before any login.
func dialedNamenodes(opts hdfs.ClientOptions) []string {
	var dialed []string
	opts.KerberosClient = nil
	opts.User = "bdconf-readers"
	opts.NamenodeDialFunc = func(_ context.Context, _, addr string) (net.Conn, error) {
		dialed = append(dialed, addr)
		return nil, errors.New("no NameNode in this test")
	}
	_, _ = hdfs.NewClient(opts)
	slices.Sort(dialed)
	return dialed
}

// TestHDFSClientReadsEmittedConfig loads every platform's emitted HDFS
// client configuration with colinmarc/hdfs and requires it to reach exactly
// the NameNode pods the manifests run, with Kerberos, data transfer
// protection and DataNode host names as the platform needs them.
func TestHDFSClientReadsEmittedConfig(t *testing.T) {
	for _, dir := range platforms(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			want := expectedClient(t, dir)
			confDir := filepath.Join(dir, "native", "hdfs")
			if err := checkClientConfig(confDir, want); err != nil {
				t.Error(err)
			}
			t.Run("a changed NameNode address fails", func(t *testing.T) {
				broken := copyDir(t, confDir)
				moveLastNamenode(t, broken)
				err := checkClientConfig(broken, want)
				if err == nil || !strings.Contains(err.Error(), ":9999") {
					t.Errorf("with a NameNode on port 9999, the check returned %v, want an error naming it", err)
				}
			})
		})
	}
}

// moveLastNamenode changes the port of the last NameNode address of the
// configuration in dir: dfs.namenode.rpc-address.<ns>.<last id> with HA,
// fs.defaultFS otherwise.
func moveLastNamenode(t *testing.T, dir string) {
	t.Helper()
	conf, err := hadoopconf.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	file, name := "core-site.xml", "fs.defaultFS"
	ns := strings.TrimPrefix(conf["fs.defaultFS"], "hdfs://")
	if ids := conf["dfs.ha.namenodes."+ns]; ids != "" {
		file, name = "hdfs-site.xml", "dfs.namenode.rpc-address."+ns+"."+ids[strings.LastIndex(ids, ",")+1:]
	}
	path := filepath.Join(dir, file)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	value := regexp.MustCompile(`(<name>` + regexp.QuoteMeta(name) + `</name>\s*<value>[^<]*:)(\d+)(</value>)`)
	if !value.Match(data) {
		t.Fatalf("%s has no %s with a port", path, name)
	}
	data = value.ReplaceAll(data, []byte("${1}9999${3}"))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
