package compiler

import (
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/ast"
	cueerrors "cuelang.org/go/cue/errors"

	"github.com/bdconf/bdconf/schema"
)

// ruleMessages are the starts of the messages of the schema's rules, the
// error("...") calls of its model files up to their first interpolation:
// a diagnostic with one of them is a rule over several values, which may
// fail only because of another error. (Catalog types' errors are about the
// one value they type.)
var ruleMessages = sync.OnceValue(func() []string {
	var starts []string
	fs.WalkDir(schema.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".cue" || strings.HasPrefix(p, "catalog/") {
			return err
		}
		data, err := fs.ReadFile(schema.FS, p)
		for _, m := range schemaError.FindAllSubmatch(data, -1) {
			start, _, _ := strings.Cut(string(m[1]), `\(`)
			// A start too short to tell one message from another is left
			// out: its rule is then never dropped.
			if unquoted, err := strconv.Unquote(`"` + start + `"`); err == nil && len(unquoted) >= minRuleStart {
				starts = append(starts, unquoted)
			}
		}
		return err
	})
	return starts
})

// minRuleStart is the shortest start of a rule message that identifies it.
const minRuleStart = 16

// schemaError matches an error("...") call of the schema.
var schemaError = regexp.MustCompile(`error\("((?:[^"\\]|\\.)*)"\)`)

// isRule tells a rule's diagnostic from one about a value the profile wrote.
func isRule(d Diagnostic) bool {
	return slices.ContainsFunc(ruleMessages(), func(start string) bool { return strings.HasPrefix(d.Message, start) })
}

// maxRuleRechecks bounds the evaluations dropConsequences spends.
const maxRuleRechecks = 8

// dropConsequences removes the rule errors of e that only follow from the
// other errors beside them: a broken ZooKeeper makes HDFS's failover rule
// say "add a zookeeper component", a broken DataNode model makes
// dfs.replication exceed the replicas. Each rule error is checked by
// evaluating the profile again without the values the other errors are
// about: a rule that no longer fails was a consequence, and one that still
// fails is a finding of its own.
func dropConsequences(e *Error, profile, schemaPlatform cue.Value) *Error {
	var rules []int
	for i, d := range e.Diagnostics {
		if isRule(d) {
			rules = append(rules, i)
		}
	}
	if len(rules) == 0 || len(rules) == len(e.Diagnostics) && len(rules) == 1 || len(rules) > maxRuleRechecks {
		return e
	}
	kept := &Error{}
	for i, d := range e.Diagnostics {
		if !isRule(d) || stillFails(d, e.Diagnostics, profile, schemaPlatform) {
			kept.Diagnostics = append(kept.Diagnostics, e.Diagnostics[i])
		}
	}
	return kept
}

// stillFails tells whether the rule error rule fails on the profile without
// the values the other diagnostics are about.
func stillFails(rule Diagnostic, all []Diagnostic, profile, schemaPlatform cue.Value) bool {
	var others []cue.Path
	for _, d := range all {
		if d.Path != rule.Path {
			others = append(others, cue.ParsePath(d.Path))
		}
	}
	if len(others) == 0 {
		return true
	}
	failing, ok := failingRules(withoutPaths(profile, others), schemaPlatform)
	return !ok || slices.ContainsFunc(failing, func(m string) bool { return strings.HasPrefix(rule.Message, m) })
}

// failingRules evaluates the pruned profile with the schema and returns
// the messages of the errors it still has; false when the pruned profile
// cannot be built.
func failingRules(pruned cue.Value, schemaPlatform cue.Value) ([]string, bool) {
	if pruned.Err() != nil {
		return nil, false
	}
	platform := schemaPlatform.Unify(pruned)
	err := platform.Validate(cue.Concrete(true))
	if err == nil {
		err = platform.LookupPath(cue.MakePath(cue.Def("out"))).Validate(cue.Concrete(true))
	}
	var messages []string
	for _, ce := range cueerrors.Errors(err) {
		messages = append(messages, message(ce))
	}
	return messages, true
}

// withoutPaths rebuilds profile without the fields at paths.
func withoutPaths(profile cue.Value, paths []cue.Path) cue.Value {
	expr, ok := profile.Syntax(cue.Final(), cue.Docs(false)).(*ast.StructLit)
	if !ok {
		return profile
	}
	for _, p := range paths {
		removeField(expr, p.Selectors())
	}
	return profile.Context().BuildExpr(expr)
}

// removeField deletes the field at the selectors below s, if s holds it.
func removeField(s *ast.StructLit, sels []cue.Selector) {
	if len(sels) == 0 {
		return
	}
	if sels[0].LabelType() != cue.StringLabel {
		return // a definition or hidden field is the schema's, not the profile's
	}
	for i, d := range s.Elts {
		f, ok := d.(*ast.Field)
		if !ok {
			continue
		}
		if name, _, err := ast.LabelName(f.Label); err != nil || name != sels[0].Unquoted() {
			continue
		}
		if len(sels) == 1 {
			s.Elts = slices.Delete(s.Elts, i, i+1)
			return
		}
		if inner, ok := f.Value.(*ast.StructLit); ok {
			removeField(inner, sels[1:])
		}
		return
	}
}
