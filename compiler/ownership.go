package compiler

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/ast"

	"github.com/bdconf/bdconf/schema"
)

// owner is one entry of a component's ownership table (common.#Ownership):
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

// ownershipOf reads the ownership table of a component from a platform
// whose profile sets that component; nil when it has none.
func ownershipOf(platform cue.Value, component string) (ownership, error) {
	v := platform.LookupPath(cue.MakePath(cue.Str(component), cue.Def("owned")))
	if !v.Exists() {
		return nil, nil
	}
	var table ownership
	if err := v.Decode(&table); err != nil {
		return nil, fmt.Errorf("ownership table of %s: %w", component, err)
	}
	return table, nil
}

// ownedKeys matches the keys of one native file against its owned keys.
type ownedKeys struct {
	literal  map[string]owner
	patterns []ownedPattern
}

type ownedPattern struct {
	re    *regexp.Regexp
	owner owner
}

// compileOwnership turns a component's table into matchers, for the keys
// it owns under the profile's settings (on tells whether the setting a
// key's When names is set); names gives the values a placeholder stands
// for (#ownedNames), by placeholder name.
func compileOwnership(table ownership, names map[string][]string, on func(setting string) bool) map[string]ownedKeys {
	files := make(map[string]ownedKeys, len(table))
	for file, keys := range table {
		m := ownedKeys{literal: map[string]owner{}}
		for _, key := range sortedKeys(keys) {
			if when := keys[key].When; when != "" && !on(when) {
				continue
			}
			if strings.ContainsAny(key, "<[") {
				m.patterns = append(m.patterns, ownedPattern{keyPattern(key, names), keys[key]})
			} else {
				m.literal[key] = keys[key]
			}
		}
		files[file] = m
	}
	return files
}

// keyPattern turns a table key into a regular expression: <name> is one of
// names[name], or any dot-free segment without names; [...] is optional.
func keyPattern(key string, names map[string][]string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(key); i++ {
		switch key[i] {
		case '[':
			b.WriteString("(?:")
		case ']':
			b.WriteString(")?")
		case '<':
			end := i + strings.IndexByte(key[i:], '>')
			b.WriteString(placeholder(names[key[i+1:end]]))
			i = end
		default:
			b.WriteString(regexp.QuoteMeta(key[i : i+1]))
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

func placeholder(values []string) string {
	if len(values) == 0 {
		return "[^.]+"
	}
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = regexp.QuoteMeta(v)
	}
	return "(?:" + strings.Join(quoted, "|") + ")"
}

// lookup returns the entry that owns key, if any.
func (m ownedKeys) lookup(key string) (owner, bool) {
	if o, ok := m.literal[key]; ok {
		return o, true
	}
	for _, p := range m.patterns {
		if p.re.MatchString(key) {
			return p.owner, true
		}
	}
	return owner{}, false
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
	var refused []refusal
	for _, component := range schema.Components() {
		settings := profile.LookupPath(cue.MakePath(cue.Str(component)))
		if !settings.Exists() {
			continue
		}
		table, err := ownershipOf(platform, component)
		if err != nil {
			return nil, err
		}
		var names map[string][]string
		// Names an invalid profile leaves unresolved match any segment:
		// the profile fails elsewhere anyway.
		_ = platform.LookupPath(cue.MakePath(cue.Str(component), cue.Def("ownedNames"))).Decode(&names)
		refused = append(refused, refuseIn(settings, compileOwnership(table, names, profileSets(profile)))...)
	}
	return refused, nil
}

// profileSets tells whether the profile sets a setting, by its path.
func profileSets(profile cue.Value) func(setting string) bool {
	return func(setting string) bool { return profile.LookupPath(cue.ParsePath(setting)).Exists() }
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
