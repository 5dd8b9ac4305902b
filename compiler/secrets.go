package compiler

import (
	"fmt"
	"strconv"

	"cuelang.org/go/cue"
)

// isSecretRef tells a {secretKeyRef: {...}} value, which only keys the
// catalog marks secret accept.
func isSecretRef(v cue.Value) bool {
	return v.Kind() == cue.StructKind && v.LookupPath(cue.ParsePath("secretKeyRef")).Exists()
}

// placeSecrets gives every secret reference among settings its
// placeholder from the schema's secrets plan (key -> {env, placeholder}):
// the value never reaches a file. A file whose technology cannot expand a
// placeholder has no plan, and a reference there is an error at its
// position.
func placeSecrets(settings []Setting, plan cue.Value, file string) error {
	e := &Error{}
	for i, s := range settings {
		if !s.Secret {
			continue
		}
		placeholder, err := plan.LookupPath(cue.MakePath(cue.Str(s.Key), cue.Str("placeholder"))).String()
		if err != nil {
			e.Diagnostics = append(e.Diagnostics, Diagnostic{
				Pos:     s.Origin,
				Path:    strconv.Quote(s.Key),
				Message: fmt.Sprintf("%s cannot read a secret from the environment: set the key that takes a file instead (for ZooKeeper, the passwordPath twin) to a file mounted from the Secret", file),
			})
			continue
		}
		settings[i].Value = placeholder
	}
	if len(e.Diagnostics) > 0 {
		return e
	}
	return nil
}
