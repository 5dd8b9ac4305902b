package compiler_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bdconf/bdconf/compiler/internal/jdk"
	"github.com/bdconf/bdconf/compiler/native"
)

// podFQDN and podExternalHost stand for the pod's host names that JAAS
// principals expand: its stable DNS name and the name clients outside the
// cluster reach it by.
const (
	podFQDN         = "pod-0.svc.ns.svc.cluster.local"
	podExternalHost = "pod-0.example.com"
)

// jaasProperties are the system properties JAAS files expand, as a pod's JVM
// has them.
var jaasProperties = map[string]string{"bdconf.pod.fqdn": podFQDN, "bdconf.external.host": podExternalHost}

// TestNestedFilesReadBackByJDK reads every krb5.conf and JAAS file of the
// reference profiles with the JDK's own parsers (sun.security.krb5.Config,
// com.sun.security.auth.login.ConfigFile), as the daemons' JVMs do, and
// requires exactly the relations and login modules the compiler meant.
func TestNestedFilesReadBackByJDK(t *testing.T) {
	tmp := t.TempDir()
	wantKrb5 := map[string]map[string]any{}
	wantJAAS := map[string]map[string][]jdk.LoginModule{}
	for _, dir := range referenceProfiles(t) {
		res := compileFiles(t, dir)
		for _, n := range res.Natives {
			file := filepath.Join(tmp, filepath.FromSlash(n.Path))
			data, _ := res.File(n.Path)
			switch nested := n.Nested.(type) {
			case map[string]map[string]any:
				writeFile(t, file, data)
				wantKrb5[file] = krb5AsRead(nested)
			case map[string][]native.LoginModule:
				writeFile(t, file, data)
				wantJAAS[file] = jaasAsRead(nested)
			}
		}
	}
	if len(wantKrb5) == 0 || len(wantJAAS) == 0 {
		t.Fatalf("reference profiles hold %d krb5.conf and %d JAAS files; want both formats covered", len(wantKrb5), len(wantJAAS))
	}
	compareRead(t, wantKrb5, jdk.ReadKrb5(t, keys(wantKrb5)...))
	compareRead(t, wantJAAS, jdk.ReadJAAS(t, jaasProperties, keys(wantJAAS)...))
}

// krb5AsRead is what the JDK reads from sections: every relation's values
// as strings in order, subsections alike.
func krb5AsRead(sections map[string]map[string]any) map[string]any {
	out := map[string]any{}
	for name, relations := range sections {
		out[name] = krb5Values(relations)
	}
	return out
}

func krb5Values(relations map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range relations {
		switch v := v.(type) {
		case map[string]any:
			out[k] = krb5Values(v)
		case []any:
			values := make([]string, len(v))
			for i, e := range v {
				values[i] = fmt.Sprint(e)
			}
			out[k] = values
		default:
			out[k] = []string{fmt.Sprint(v)}
		}
	}
	return out
}

// jaasAsRead is what the JDK reads from apps: options with the pod's host
// names expanded.
func jaasAsRead(apps map[string][]native.LoginModule) map[string][]jdk.LoginModule {
	out := map[string][]jdk.LoginModule{}
	for app, modules := range apps {
		for _, m := range modules {
			options := map[string]string{}
			for k, v := range m.Options {
				for name, value := range jaasProperties {
					v = strings.ReplaceAll(v, "${"+name+"}", value)
				}
				options[k] = v
			}
			out[app] = append(out[app], jdk.LoginModule{Class: m.Class, Flag: m.Flag, Options: options})
		}
	}
	return out
}

func compareRead[V any](t *testing.T, want, got map[string]V) {
	t.Helper()
	for file, w := range want {
		if diff := cmp.Diff(w, got[file]); diff != "" {
			t.Errorf("%s read back by the JDK differs (-meant +read):\n%s", file, diff)
		}
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
