package compiler

import (
	"fmt"
	"regexp"

	"cuelang.org/go/cue"
)

// nameRule is what the API server, or a controller acting on the object,
// requires of one kind's metadata.name.
type nameRule struct {
	max int
	// label: a DNS-1123 label (lower-case letters, digits, '-'), else a
	// DNS-1123 subdomain, which also allows '.'.
	label bool
	// letterFirst: a DNS-1035 label, which starts with a letter.
	letterFirst bool
	why         string
}

// nameRules gives the rule per kind; other kinds are DNS-1123 subdomains of
// at most 253 characters.
var nameRules = map[string]nameRule{
	"Namespace": {max: 63, label: true, why: "a Namespace name is a DNS-1123 label"},
	"Service":   {max: 63, label: true, letterFirst: true, why: "a Service name is a DNS-1035 label"},
	// A StatefulSet's pods carry the label controller-revision-hash =
	// <name>-<hash of up to 10 characters>, and a label value holds 63.
	"StatefulSet": {max: 52, label: true, why: "a StatefulSet's pods carry its name and a 10-character hash in a 63-character label"},
	// cert-manager labels what it creates with the Certificate's name.
	"Certificate": {max: 63, label: true, why: "cert-manager labels the Secrets and requests it creates with the Certificate's name"},
}

var defaultNameRule = nameRule{max: 253, why: "an object name is a DNS-1123 subdomain"}

var (
	dns1123Label     = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`)
	dns1035Label     = regexp.MustCompile(`^[a-z]([-a-z0-9]*[a-z0-9])?$`)
	dns1123Subdomain = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`)
)

// valid tells whether name satisfies the rule's syntax, whatever its length.
func (r nameRule) valid(name string) bool {
	switch {
	case r.letterFirst:
		return dns1035Label.MatchString(name)
	case r.label:
		return dns1123Label.MatchString(name)
	}
	return dns1123Subdomain.MatchString(name)
}

// checkObjectNames refuses a platform whose objects the API server would
// refuse for their names: a name too long for its kind, or a Service name
// that does not start with a letter. Every name derives from the platform
// name (the Namespace's from namespace), so the error sits there and says
// the longest name it would give and how long the setting may be.
func checkObjectNames(platform string, objects []object, profile cue.Value, sources []Source) error {
	worst := nameProblem{}
	for _, o := range objects {
		kind, _ := o["kind"].(string)
		meta, _ := o["metadata"].(map[string]any)
		name, _ := meta["name"].(string)
		if p := checkName(kind, name, platform); p.worse(worst) {
			worst = p
		}
	}
	if worst.kind == "" {
		return nil
	}
	field := "name"
	if worst.kind == "Namespace" {
		field = "namespace"
	}
	files := sourceNames(sources)
	return &Error{Diagnostics: []Diagnostic{{
		Pos:     nearestProfilePos(profile, []string{field}, sources[0].Name, files),
		Path:    field,
		Message: worst.message(field),
	}}}
}

// nameProblem is a generated name its kind does not allow.
type nameProblem struct {
	kind, name string
	rule       nameRule
	// excess is how many characters too long the name is; 0 for a name
	// whose form is wrong.
	excess int
}

func checkName(kind, name, platform string) nameProblem {
	rule, ok := nameRules[kind]
	if !ok {
		rule = defaultNameRule
	}
	switch {
	case len(name) > rule.max:
		return nameProblem{kind: kind, name: name, rule: rule, excess: len(name) - rule.max}
	case !rule.valid(name):
		return nameProblem{kind: kind, name: name, rule: rule}
	}
	return nameProblem{}
}

// worse orders problems: a wrong form first, then the greatest excess.
func (p nameProblem) worse(than nameProblem) bool {
	switch {
	case p.kind == "":
		return false
	case than.kind == "":
		return true
	case p.excess == 0 || than.excess == 0:
		return p.excess == 0 && than.excess != 0
	}
	return p.excess > than.excess
}

func (p nameProblem) message(field string) string {
	if p.excess == 0 {
		return fmt.Sprintf("bdconf would name a %s %q, which Kubernetes refuses: %s (%s); start the %s with a letter",
			p.kind, p.name, p.rule.why, ruleForm(p.rule), field)
	}
	return fmt.Sprintf("too long: bdconf would name a %s %q (%d characters), and Kubernetes allows %d (%s): shorten the %s by %d %s",
		p.kind, p.name, len(p.name), p.rule.max, p.rule.why, field, p.excess, plural(p.excess, "character"))
}

// ruleForm says what characters a rule allows.
func ruleForm(r nameRule) string {
	if r.letterFirst {
		return "a letter, then lower-case letters, digits and '-'"
	}
	return "lower-case letters, digits and '-'"
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
