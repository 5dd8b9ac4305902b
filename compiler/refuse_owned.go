package compiler

import (
	"sort"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/ast"
)

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
