package compiler

import (
	"encoding/json"
	"path"
	"slices"
	"strings"

	"cuelang.org/go/cue"
)

// KerberosDescriptor lists every Kerberos principal of a platform, where its
// key goes and who uses it, so that KDC automation can create the principals
// and fill the keytab Secrets before the pods start. Build writes it as
// <platform>/kerberos.json.
type KerberosDescriptor struct {
	Realm      string      `json:"realm"`
	Principals []Principal `json:"principals"`
}

// Principal is one principal of the descriptor: the keytab Secret and key
// that hold its keys, and the pods that mount that Secret.
type Principal struct {
	Principal string   `json:"principal"`
	Component string   `json:"component"`
	Role      string   `json:"role"`
	Namespace string   `json:"namespace"`
	Secret    string   `json:"secret"`
	Key       string   `json:"key"`
	Pods      []string `json:"pods"`
}

// KerberosFile is the descriptor's path in a platform's output.
const KerberosFile = "kerberos.json"

// decodeKerberos reads #out.kerberos, when the platform uses Kerberos.
func decodeKerberos(v cue.Value) (*KerberosDescriptor, error) {
	if !v.Exists() {
		return nil, nil
	}
	d := &KerberosDescriptor{}
	if err := v.Decode(d); err != nil {
		return nil, err
	}
	slices.SortFunc(d.Principals, func(a, b Principal) int { return strings.Compare(a.Principal, b.Principal) })
	return d, nil
}

// kerberosFile renders the descriptor as indented JSON, one trailing newline.
func kerberosFile(platform string, d *KerberosDescriptor) (File, error) {
	data, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return File{}, err
	}
	return File{Path: path.Join(platform, KerberosFile), Data: append(data, '\n')}, nil
}
