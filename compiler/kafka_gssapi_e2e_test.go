package compiler_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/bdconf/bdconf/compiler"
	"github.com/bdconf/bdconf/compiler/internal/jdk"
	"github.com/bdconf/bdconf/compiler/internal/kdctest"
)

// kafkaClientPrincipal is the user the test's Kafka client logs in as.
const kafkaClientPrincipal = "bdconf-kafka-client@" + kerberosRealm

// TestKafkaListenersAuthenticateWithGSSAPI proves, with the JDK's SASL
// GSSAPI (the mechanism Kafka uses) and a real MIT KDC holding the
// descriptor's principals, that a Kerberos client reaches every listener of
// every prod-secure broker by the host the broker advertises for it: the
// broker logs in with the JAAS file its ConfigMap carries, the system
// properties its pod sets, and the keytab exported from its Secret's
// principals in the descriptor.
func TestKafkaListenersAuthenticateWithGSSAPI(t *testing.T) {
	kdctest.Require(t)
	kdc := kdctest.Start(t, kerberosRealm)
	res := compileAgainstKDC(t, kdc.Address())
	krb5conf := emittedKrb5Conf(t, res, kdc.Address())
	broker := kafkaBrokerOf(t, res)

	brokerRef, clientRef := keytabRef{broker.name + keytabSuffix, "keytab"}, keytabRef{"client", "keytab"}
	groups := map[keytabRef][]compiler.Principal{clientRef: {{Principal: kafkaClientPrincipal}}}
	for _, p := range res.Kerberos.Principals {
		if p.Secret == brokerRef.secret {
			groups[brokerRef] = append(groups[brokerRef], p)
		}
	}
	keytabs := exportKeytabs(t, kdc, groups)
	jaas := jaasWithClient(t, broker.jaas, keytabs[brokerRef], keytabs[clientRef])

	for i := range broker.replicas {
		pod := broker.name + "-" + strconv.Itoa(i)
		login := jdk.KafkaLogin{Krb5Conf: krb5conf, JAASFile: jaas, Properties: broker.properties(pod, i), ClientSection: "KafkaClient"}
		dials := broker.dials(pod, i)
		if len(dials) < 2 {
			t.Fatalf("%s advertises %v: prod-secure has an INTERNAL and an EXTERNAL listener", pod, dials)
		}
		ids, errs := jdk.KafkaGSSAPI(t, login, dials)
		for j, d := range dials {
			switch {
			case errs[j] != nil:
				t.Errorf("%s: a client reaching listener %s at %s does not authenticate: %v", pod, d.Listener, d.Host, errs[j])
			case ids[j] != kafkaClientPrincipal:
				t.Errorf("%s: listener %s at %s authorized %q, want %q", pod, d.Listener, d.Host, ids[j], kafkaClientPrincipal)
			}
		}
	}
}

// kafkaBroker is what the test reads of the broker StatefulSet and
// ConfigMap: the start script, the env (KAFKA_OPTS, POD_FQDN) and the JAAS
// file the pods mount.
type kafkaBroker struct {
	name     string
	replicas int
	script   string
	env      map[string]string
	jaas     []byte
}

// kafkaBrokerOf reads the broker role of res.
func kafkaBrokerOf(t *testing.T, res *compiler.Result) kafkaBroker {
	t.Helper()
	name := res.Platform + "-kafka-broker"
	var set struct {
		Spec struct {
			Replicas int
			Template struct {
				Spec struct {
					Containers []struct {
						Name    string
						Command []string
						Env     []struct{ Name, Value string }
					}
				}
			}
		}
	}
	var cm struct{ Data map[string]string }
	unmarshalOutput(t, res, res.Platform+"/kubernetes/statefulset-"+name+".yaml", &set)
	unmarshalOutput(t, res, res.Platform+"/kubernetes/configmap-"+name+".yaml", &cm)
	b := kafkaBroker{name: name, replicas: set.Spec.Replicas, env: map[string]string{}, jaas: []byte(cm.Data["jaas.conf"])}
	for _, c := range set.Spec.Template.Spec.Containers {
		if c.Name == "broker" {
			b.script = strings.Join(c.Command, "\n")
			for _, e := range c.Env {
				b.env[e.Name] = e.Value
			}
		}
	}
	if b.script == "" || b.env["KAFKA_OPTS"] == "" || b.env["POD_FQDN"] == "" || len(b.jaas) == 0 {
		t.Fatalf("%s: no broker container with a command, KAFKA_OPTS and POD_FQDN, or no jaas.conf in its ConfigMap", name)
	}
	return b
}

// unmarshalOutput decodes the YAML output file into v.
func unmarshalOutput(t *testing.T, res *compiler.Result, file string, v any) {
	t.Helper()
	data, ok := res.File(file)
	if !ok {
		t.Fatalf("no %s among the output files", file)
	}
	if err := yaml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
}

// inPod expands what the kubelet and the pod's shell expand in the env and
// start script of pod ordinal.
func (b kafkaBroker) inPod(s, pod string, ordinal int) string {
	return inShell(strings.ReplaceAll(s, "$(POD_FQDN)", strings.ReplaceAll(b.env["POD_FQDN"], "$(POD_NAME)", pod)), pod, ordinal)
}

// inShell expands the variables of bdconf's start scripts in pod ordinal.
func inShell(s, pod string, ordinal int) string {
	return strings.NewReplacer("${HOSTNAME}", pod, "${ordinal}", strconv.Itoa(ordinal)).Replace(s)
}

// bdconfProperty matches a -Dbdconf.*=value JVM flag: the system properties
// bdconf's JAAS files expand.
var bdconfProperty = regexp.MustCompile(`-D(bdconf\.[a-z.]+)=([^\s"]+)`)

// properties are the bdconf system properties of pod ordinal's JVM, from
// KAFKA_OPTS and the exports of the start script.
func (b kafkaBroker) properties(pod string, ordinal int) map[string]string {
	props := map[string]string{}
	for _, m := range bdconfProperty.FindAllStringSubmatch(b.env["KAFKA_OPTS"]+"\n"+b.script, -1) {
		props[m[1]] = b.inPod(m[2], pod, ordinal)
	}
	return props
}

// advertisedListeners matches the start script's advertised.listeners line.
var advertisedListeners = regexp.MustCompile(`advertised\.listeners=([^"\s]+)`)

// dials are the listeners pod ordinal advertises, each with its host.
func (b kafkaBroker) dials(pod string, ordinal int) []jdk.Dial {
	return advertised(b.script, pod, ordinal)
}

// advertised are the listeners a start script sets in advertised.listeners
// for pod ordinal, as its shell expands them, each with its host.
func advertised(script, pod string, ordinal int) []jdk.Dial {
	m := advertisedListeners.FindStringSubmatch(script)
	if m == nil {
		return nil
	}
	var dials []jdk.Dial
	for _, l := range strings.Split(inShell(m[1], pod, ordinal), ",") {
		listener, address, _ := strings.Cut(l, "://")
		dials = append(dials, jdk.Dial{Listener: listener, Host: address[:strings.LastIndex(address, ":")]})
	}
	return dials
}

// jaasWithClient writes the broker's JAAS file with its keyTab pointed at
// brokerKeytab, plus a KafkaClient section logging kafkaClientPrincipal in
// from clientKeytab, and returns its path.
func jaasWithClient(t *testing.T, jaas []byte, brokerKeytab, clientKeytab string) string {
	t.Helper()
	text := strings.ReplaceAll(string(jaas), `keyTab="/etc/security/keytabs/keytab"`, `keyTab="`+brokerKeytab+`"`)
	text += "\nKafkaClient {\n  com.sun.security.auth.module.Krb5LoginModule required\n" +
		`    useKeyTab="true" storeKey="true" useTicketCache="false" doNotPrompt="true"` + "\n" +
		`    keyTab="` + clientKeytab + `" principal="` + kafkaClientPrincipal + "\";\n};\n"
	path := t.TempDir() + "/jaas.conf"
	writeFile(t, path, []byte(text))
	return path
}
