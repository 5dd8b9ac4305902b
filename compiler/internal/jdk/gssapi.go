package jdk

import (
	_ "embed"
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
)

// kafkaGSSAPISource is a single-file Java program run as
// "java [JVM options] KafkaGSSAPI.java JAAS CLIENT (LISTENER HOST)..." that
// authenticates a Kafka client to a broker listener with the JDK's SASL
// GSSAPI, one line of result per listener.
//
//go:embed KafkaGSSAPI.java
var kafkaGSSAPISource []byte

// KafkaLogin is what a Kafka broker and client authenticate with: the
// krb5.conf and JAAS file of both (the client's section among the broker's),
// the broker JVM's system properties that the JAAS file expands, and the
// client's JAAS section.
type KafkaLogin struct {
	Krb5Conf      string
	JAASFile      string
	Properties    map[string]string
	ClientSection string
}

// Dial is a Kafka client reaching a broker listener by the host name Host.
type Dial struct {
	Listener string
	Host     string
}

// KafkaGSSAPI runs the SASL GSSAPI exchange of a Kafka client and broker
// for each dial, in one java process: the broker logs in with the JAAS
// section Kafka picks for the listener (<listener>.KafkaServer, else
// KafkaServer) and serves kafka@<host of its principal>, the client asks
// for kafka@<dial host>. It returns, per dial, the authorization id the
// broker saw or the error that stopped the exchange.
func KafkaGSSAPI(t testing.TB, login KafkaLogin, dials []Dial) (ids []string, errs []error) {
	t.Helper()
	options := []string{"-Djava.security.krb5.conf=" + login.Krb5Conf}
	for _, name := range slices.Sorted(maps.Keys(login.Properties)) {
		options = append(options, "-D"+name+"="+login.Properties[name])
	}
	args := []string{login.JAASFile, login.ClientSection}
	for _, d := range dials {
		args = append(args, d.Listener, d.Host)
	}
	out := strings.Split(strings.TrimSuffix(string(runSource(t, "KafkaGSSAPI.java", kafkaGSSAPISource, options, args)), "\n"), "\n")
	if len(out) != len(dials) {
		t.Fatalf("jdk.KafkaGSSAPI: %d results for %d dials:\n%s", len(out), len(dials), strings.Join(out, "\n"))
	}
	ids, errs = make([]string, len(dials)), make([]error, len(dials))
	for i, line := range out {
		if id, ok := strings.CutPrefix(line, "ok "); ok {
			ids[i] = id
		} else {
			errs[i] = errors.New(strings.TrimPrefix(line, "error "))
		}
	}
	return ids, errs
}
