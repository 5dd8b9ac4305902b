package compiler

import (
	"strings"

	"cuelang.org/go/cue"
)

// unknownFields finds every field of the profile that the schema does not
// declare. CUE reports "field not allowed" only for a struct without other
// errors: a type error in a native file would hide the unknown keys beside
// it until the next run. This check runs on the error path only, so that
// every independent problem is reported at once.
func unknownFields(profile, platform cue.Value, files map[string]bool) []candidate {
	var found []candidate
	var walk func(v cue.Value, path []cue.Selector)
	walk = func(v cue.Value, path []cue.Selector) {
		iter, err := v.Fields()
		if err != nil {
			return
		}
		declared := schemaConjuncts(platform.LookupPath(cue.MakePath(path...)))
		for iter.Next() {
			sel := iter.Selector()
			field := append(path[:len(path):len(path)], sel)
			if !declared.allow(sel) {
				found = append(found, unknownCandidate(field, iter.Value(), files))
				continue
			}
			if file, ok := catalogOfUnchecked(platform, field); ok {
				found = append(found, knownUncheckedCandidate(field, iter.Value(), file, files))
			}
			if iter.Value().IncompleteKind() == cue.StructKind {
				walk(iter.Value(), field)
			}
		}
	}
	walk(profile, nil)
	return found
}

// schemaDeclarations are the schema's conjuncts of a struct of the profile
// unified with the schema: the profile's own conjuncts, which set every
// field, are no evidence of what the schema declares.
type schemaDeclarations struct {
	conjuncts []cue.Value
	// open: no closed schema struct is among them, so anything is allowed.
	open bool
}

// schemaConjuncts reads parent's schema conjuncts once, for every field of
// the struct. CUE v0.17.1 panics in Expr on a struct holding a failed
// disjunction (nodeContext.disjunctError asserts a *ValueError); that
// struct's own error is reported, so it is taken to allow everything.
func schemaConjuncts(parent cue.Value) (d schemaDeclarations) {
	defer func() {
		if recover() != nil {
			d = schemaDeclarations{open: true}
		}
	}()
	_, conjuncts := parent.Expr()
	d.open = true
	for _, c := range conjuncts {
		if isSchemaPos(position(c.Pos())) {
			d.conjuncts = append(d.conjuncts, c)
			d.open = d.open && c.IncompleteKind() != cue.StructKind
		}
	}
	return d
}

// allow tells whether the schema allows sel in the struct.
func (d schemaDeclarations) allow(sel cue.Selector) bool {
	for _, c := range d.conjuncts {
		if c.Allows(sel) {
			return true
		}
	}
	return d.open
}

func isSchemaPos(p Position) bool {
	return strings.HasPrefix(p.File, schemaDir+"/")
}

// unknownCandidate places an unknown field at its first label in the
// profile files, as CUE does.
func unknownCandidate(path []cue.Selector, v cue.Value, files map[string]bool) candidate {
	c := candidate{message: "field not allowed"}
	for _, sel := range path {
		c.path = append(c.path, sel.String())
	}
	if positions := profilePositions(v, files); len(positions) > 0 {
		c.profile = positions[:1]
	}
	return c
}

// catalogOfUnchecked tells, for the path of a key under
// <...>.unchecked.<file>, whether the catalog of <file> declares the key,
// and names the file.
func catalogOfUnchecked(platform cue.Value, path []cue.Selector) (string, bool) {
	n := len(path)
	if n < 3 || path[n-3].String() != "unchecked" {
		return "", false
	}
	checked := append(path[:n-3:n-3], cue.Str("config"), path[n-2])
	catalog := platform.LookupPath(cue.MakePath(checked...))
	if !catalog.Exists() {
		return "", false
	}
	_, conjuncts := catalog.Expr()
	for _, c := range conjuncts {
		if isSchemaPos(position(c.Pos())) && c.IncompleteKind() == cue.StructKind && c.Allows(path[n-1]) {
			return path[n-2].Unquoted(), true
		}
	}
	return "", false
}

func knownUncheckedCandidate(path []cue.Selector, v cue.Value, file string, files map[string]bool) candidate {
	c := unknownCandidate(path, v, files)
	c.message = knownUncheckedMessage(file)
	return c
}
