package compiler

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"

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
// They are embedded and never change: they are read once, from the JSON
// that TestOwnershipTablesUpToDate keeps equal to the CUE tables (reading
// the CUE package cost a build 4% more instructions).
var ownershipTables = sync.OnceValues(func() (map[string]ownership, error) {
	data, err := fs.ReadFile(schema.FS, ownershipJSON)
	if err != nil {
		return nil, fmt.Errorf("reading the ownership tables: %w", err)
	}
	var tables map[string]ownership
	if err := json.Unmarshal(data, &tables); err != nil {
		return nil, fmt.Errorf("reading the ownership tables: %w", err)
	}
	return tables, nil
})

// ownershipJSON is the tables of schema/ownership, as JSON in the module.
const ownershipJSON = "ownership/tables_gen.json"

// evaluateOwnership evaluates the CUE package schema/ownership, the
// source of ownershipJSON.
func evaluateOwnership() (map[string]ownership, error) {
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
