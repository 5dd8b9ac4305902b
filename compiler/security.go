package compiler

import (
	"regexp"

	"cuelang.org/go/cue"
)

// securityMention finds the platform security settings a rule's message
// names: a rule that a security setting imposes says which.
var securityMention = regexp.MustCompile(`\bsecurity\.(tls|kerberos|authorization)\b`)

// securitySettings returns the profile positions of the security settings
// message names, so that a value contradicting a security setting is
// reported with both positions: the value's and the setting's.
func securitySettings(profile cue.Value, message string, files map[string]bool) []Related {
	var related []Related
	seen := map[string]bool{}
	for _, m := range securityMention.FindAllString(message, -1) {
		if seen[m] || !profile.Exists() {
			continue
		}
		seen[m] = true
		v := profile.LookupPath(cue.ParsePath(m))
		if pos := position(v.Pos()); v.Exists() && files[pos.File] {
			related = append(related, Related{Pos: pos, Note: m + " is set here"})
		}
	}
	return related
}
