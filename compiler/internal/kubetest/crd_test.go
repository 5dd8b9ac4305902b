//go:build linux

package kubetest

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// certificate is a Certificate with every field bdconf emits.
const certificate = `apiVersion: cert-manager.io/v1
kind: Certificate
metadata: {name: kafka-tls, namespace: data}
spec:
  secretName: kafka-tls
  commonName: kafka.data.svc.cluster.local
  dnsNames: [kafka.data.svc.cluster.local, "*.kafka-headless.data.svc.cluster.local"]
  duration: 2160h
  renewBefore: 360h
  usages: [server auth, client auth, digital signature, key encipherment]
  subject:
    organizations: [bdconf]
  privateKey: {algorithm: RSA, size: 3072, encoding: PKCS8, rotationPolicy: Always}
  keystores:
    pkcs12:
      create: true
      passwordSecretRef: {name: kafka-tls-keystore, key: password}
      profile: Modern2023
  secretTemplate:
    labels: {app.kubernetes.io/name: kafka, app.kubernetes.io/managed-by: bdconf}
  issuerRef: {name: bdconf-ca, kind: Issuer, group: cert-manager.io}
`

// TestCertificateCRD proves against a real kube-apiserver that the
// vendored cert-manager CRD installs without warnings, accepts (and stores
// unchanged) a Certificate with every field bdconf emits, and rejects
// unknown fields, unsupported enum values and missing required fields.
// It needs the binaries of .ci/kube/build.sh in $BDCONF_KUBE_BIN.
func TestCertificateCRD(t *testing.T) {
	c := Start(t, RequireBinaries(t))
	cert, err := ParseObject("certificate", []byte(certificate))
	if err != nil {
		t.Fatal(err)
	}
	ns, err := NewObject("namespace", map[string]any{"apiVersion": "v1", "kind": "Namespace", "metadata": map[string]any{"name": cert.Namespace}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Apply(t.Context(), ns); err != nil {
		t.Fatal(err)
	}
	crds, err := c.InstallCRDs(t.Context(), []Object{cert}) // fails on warnings too
	if err != nil || !slices.Equal(crds, []string{"certificates.cert-manager.io"}) {
		t.Fatalf("InstallCRDs: installed %q, error %v", crds, err)
	}

	r, err := c.Apply(t.Context(), cert)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Warnings) > 0 {
		t.Errorf("apply %s: the API server warned: %q", cert, r.Warnings)
	}
	if got, want := child(r.Object, "spec"), child(cert.Body, "spec"); !reflect.DeepEqual(got, want) {
		t.Errorf("stored spec differs from the applied one:\n got %v\nwant %v", got, want)
	}

	for _, tc := range []struct {
		path  string
		value any // nil deletes the field
		want  string
	}{
		{"spec.keystores.pkcs12.bogus", true, `.spec.keystores.pkcs12.bogus: field not declared in schema`},
		{"spec.privateKey.algorithm", "DSA", `spec.privateKey.algorithm: Unsupported value: "DSA"`},
		{"spec.privateKey.encoding", "PKCS12", `spec.privateKey.encoding: Unsupported value: "PKCS12"`},
		{"spec.keystores.pkcs12.profile", "Modern2099", `spec.keystores.pkcs12.profile: Unsupported value: "Modern2099"`},
		{"spec.usages", []any{"server auth", "sever auth"}, `spec.usages[1]: Unsupported value: "sever auth"`},
		{"spec.keystores.pkcs12.create", nil, `spec.keystores.pkcs12.create: Required value`},
		{"spec.issuerRef.name", nil, `spec.issuerRef.name: Required value`},
	} {
		t.Run(tc.path+"="+describe(tc.value), func(t *testing.T) {
			body := cert.Copy()
			SetField(body, tc.value, strings.Split(tc.path, ".")...)
			o, err := NewObject(cert.Source+" with "+tc.path+"="+describe(tc.value), body)
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.DryRunApply(t.Context(), o)
			var refusal *StatusError
			if !errors.As(err, &refusal) || !strings.Contains(refusal.Message, tc.want) {
				t.Fatalf("want the API server to refuse with %q, got error %v", tc.want, err)
			}
			t.Logf("refused as expected: %v", err)
		})
	}
}

// describe names a test case's value: "unset" for nil.
func describe(v any) string {
	if v == nil {
		return "unset"
	}
	return fmt.Sprint(v)
}
