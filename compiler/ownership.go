package compiler

import (
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/cuecontext"
	"cuelang.org/go/cue/load"

	"github.com/bdconf/bdconf/schema"
)

// owner is one entry of a component's ownership table (ownership.#Owner):
// where bdconf takes an owned key's value from.
type owner struct {
	// From is the model setting the key is derived from.
	From string `json:"from"`
	// Because says why bdconf fixes the key, when no setting moves it.
	Because string `json:"because"`
	// Note adds what to do instead.
	Note string `json:"note"`
	// When names the security setting under which bdconf owns the key.
	When string `json:"when"`
}

// message is the refusal of key, set in a profile at the given role ("" at
// the component's level): it names the model setting to use instead.
func (o owner) message(key, role string) string {
	msg := fmt.Sprintf("%s is set by bdconf: %s", key, o.Because)
	if o.When != "" {
		msg = fmt.Sprintf("%s is set by bdconf with %s: %s", key, o.When, o.Because)
	}
	if o.From != "" {
		msg = fmt.Sprintf("%s is derived from %s: set that instead", key, o.From)
	}
	if o.Note != "" {
		msg += " (" + o.Note + ")"
	}
	if role != "" {
		msg = strings.ReplaceAll(msg, "<role>", role)
	}
	return msg
}

// ownership is a component's ownership table: native file -> key as the
// table writes it (placeholders and all) -> owner.
type ownership map[string]map[string]owner

// ownershipTables returns the tables of schema/ownership, by component.
// They are embedded and never change: they are read once.
var ownershipTables = sync.OnceValues(loadOwnership)

func loadOwnership() (map[string]ownership, error) {
	cfg := &load.Config{
		FS:         schema.FS,
		FromFSPath: func(p string) string { return path.Join(schemaDir, p) },
	}
	insts := load.Instances([]string{"./ownership"}, cfg)
	if err := insts[0].Err; err != nil {
		return nil, fmt.Errorf("loading the ownership tables: %w", err)
	}
	var tables map[string]ownership
	if err := cuecontext.New().BuildInstance(insts[0]).Decode(&tables); err != nil {
		return nil, fmt.Errorf("reading the ownership tables: %w", err)
	}
	return tables, nil
}

// ownedKeys are the keys a component owns in one native file, on one
// platform: whole keys, and keys with a placeholder that stands for any
// segment.
type ownedKeys struct {
	exact     map[string]owner
	wildcards []ownedWildcard
}

type ownedWildcard struct {
	segments []string // a segment <name> matches any one
	owner    owner
}

// compileOwnership turns a component's table into matchers, for the keys
// it owns under the profile's settings (on tells whether the setting a
// key's When names is set); names gives the values a placeholder stands
// for (#ownedNames), by placeholder name.
func compileOwnership(table ownership, names map[string][]string, on func(setting string) bool) map[string]ownedKeys {
	files := make(map[string]ownedKeys, len(table))
	for file, keys := range table {
		m := ownedKeys{exact: map[string]owner{}}
		for _, key := range sortedKeys(keys) {
			o := keys[key]
			if o.When != "" && !on(o.When) {
				continue
			}
			for _, optional := range optionalForms(key) {
				for _, form := range substitute(optional, names) {
					if strings.Contains(form, "<") {
						m.wildcards = append(m.wildcards, ownedWildcard{strings.Split(form, "."), o})
					} else {
						m.exact[form] = o
					}
				}
			}
		}
		files[file] = m
	}
	return files
}

// optionalForms expands the optional parts ([...]) of a table key: each
// with and without.
func optionalForms(key string) []string {
	open := strings.IndexByte(key, '[')
	if open < 0 {
		return []string{key}
	}
	end, depth := open, 0
	for ; end < len(key); end++ {
		if key[end] == '[' {
			depth++
		} else if key[end] == ']' {
			if depth--; depth == 0 {
				break
			}
		}
	}
	var forms []string
	for _, inner := range append([]string{""}, optionalForms(key[open+1:end])...) {
		forms = append(forms, optionalForms(key[:open]+inner+key[end+1:])...)
	}
	return forms
}

// substitute replaces each placeholder <name> of form by each of
// names[name]; a placeholder without names stays.
func substitute(form string, names map[string][]string) []string {
	forms := []string{form}
	for _, name := range sortedKeys(names) {
		placeholder := "<" + name + ">"
		var next []string
		for _, f := range forms {
			if !strings.Contains(f, placeholder) || len(names[name]) == 0 {
				next = append(next, f)
				continue
			}
			for _, value := range names[name] {
				next = append(next, strings.ReplaceAll(f, placeholder, value))
			}
		}
		forms = next
	}
	return forms
}

// lookup returns the entry that owns key, if any.
func (m ownedKeys) lookup(key string) (owner, bool) {
	if o, ok := m.exact[key]; ok {
		return o, true
	}
	segments := strings.Split(key, ".")
	for _, w := range m.wildcards {
		if matchSegments(w.segments, segments) {
			return w.owner, true
		}
	}
	return owner{}, false
}

func matchSegments(pattern, segments []string) bool {
	if len(pattern) != len(segments) {
		return false
	}
	for i, p := range pattern {
		if p != segments[i] && !strings.HasPrefix(p, "<") {
			return false
		}
	}
	return true
}

// refusal is the refusal of one owned key a profile sets, with the
// positions of its key and of its value: CUE places its own errors about
// the value (a conflict with the derived one) at either.
type refusal struct {
	Diagnostic
	at []Position
}

// refuseOwnedKeys finds every owned key the profile sets, under config or
// unchecked, for a component or one of its roles, and refuses it at its
// position with a pointer to the model setting.
func refuseOwnedKeys(profile, platform cue.Value) ([]refusal, error) {
	tables, err := ownershipTables()
	if err != nil {
		return nil, err
	}
	on := profileSets(profile)
	var refused []refusal
	for _, component := range sortedKeys(tables) {
		settings := profile.LookupPath(cue.MakePath(cue.Str(component)))
		if !settings.Exists() {
			continue
		}
		var names map[string][]string
		// Names an invalid profile leaves unresolved match any segment:
		// the profile fails elsewhere anyway.
		_ = platform.LookupPath(cue.MakePath(cue.Str(component), cue.Def("ownedNames"))).Decode(&names)
		refused = append(refused, refuseIn(settings, compileOwnership(tables[component], names, on))...)
	}
	return refused, nil
}

// profileSets tells whether the profile sets a setting, by its path.
func profileSets(profile cue.Value) func(setting string) bool {
	known := map[string]bool{}
	return func(setting string) bool {
		set, ok := known[setting]
		if !ok {
			set = profile.LookupPath(cue.ParsePath(setting)).Exists()
			known[setting] = set
		}
		return set
	}
}

// refuseIn looks for owned keys in a component's settings: its config and
// unchecked, and each role's.
func refuseIn(component cue.Value, files map[string]ownedKeys) []refusal {
	var refused []refusal
	iter, _ := component.Fields()
	for iter.Next() {
		switch label := iter.Selector().Unquoted(); label {
		case "config", "unchecked":
			refused = append(refused, refuseInFiles(iter.Value(), files, "")...)
		default:
			for _, field := range []string{"config", "unchecked"} {
				if v := iter.Value().LookupPath(cue.MakePath(cue.Str(field))); v.Exists() {
					refused = append(refused, refuseInFiles(v, files, label)...)
				}
			}
		}
	}
	return refused
}

func refuseInFiles(v cue.Value, files map[string]ownedKeys, role string) []refusal {
	var refused []refusal
	fileIter, _ := v.Fields()
	for fileIter.Next() {
		owned, ok := files[fileIter.Selector().Unquoted()]
		if !ok {
			continue
		}
		keyIter, _ := fileIter.Value().Fields()
		for keyIter.Next() {
			key, value := keyIter.Selector().Unquoted(), keyIter.Value()
			if o, ok := owned.lookup(key); ok {
				d := Diagnostic{Pos: position(value.Pos()), Path: value.Path().String(), Message: o.message(key, role)}
				refused = append(refused, refusal{d, append([]Position{d.Pos}, valuePositions(value)...)})
			}
		}
	}
	return refused
}

// valuePositions is where the value of a field was written.
func valuePositions(v cue.Value) []Position {
	if field, ok := v.Source().(*ast.Field); ok && field.Value != nil {
		return []Position{position(field.Value.Pos())}
	}
	return nil
}

// withRefusals adds the refusals of owned keys to the diagnostics of a
// failed evaluation, dropping what CUE reports at a refused key: a
// conflict with the derived value says less than the pointer.
func withRefusals(refused []refusal, e *Error) *Error {
	if len(refused) == 0 {
		return e
	}
	var at []Position
	merged := &Error{}
	for _, r := range refused {
		at = append(at, r.at...)
		merged.Diagnostics = append(merged.Diagnostics, r.Diagnostic)
	}
	for _, d := range e.Diagnostics {
		if !concerns(d, at) {
			merged.Diagnostics = append(merged.Diagnostics, d)
		}
	}
	sort.SliceStable(merged.Diagnostics, func(i, j int) bool { return lessPos(merged.Diagnostics[i].Pos, merged.Diagnostics[j].Pos) })
	return merged
}

// concerns tells whether d is at, or names as a related position, one of
// the positions given.
func concerns(d Diagnostic, positions []Position) bool {
	if containsPos(positions, d.Pos) {
		return true
	}
	for _, r := range d.Related {
		if containsPos(positions, r.Pos) {
			return true
		}
	}
	return false
}
