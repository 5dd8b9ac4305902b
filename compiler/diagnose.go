package compiler

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"cuelang.org/go/cue"
	cueerrors "cuelang.org/go/cue/errors"
	"cuelang.org/go/cue/token"
)

// candidate is one CUE error, placed, before noise is trimmed.
type candidate struct {
	path     []string
	message  string
	profile  []Position // positions in profile files, sorted
	schema   []Position // positions in schema files
	internal bool       // the path goes through a hidden field or definition
	conflict []string   // for "conflicting values A and B": A and B
	// typeValue is the value refused, when a type refuses it (a mismatched
	// kind, a pattern, a validator), as opposed to a bound or a conflict;
	// pattern is the regular expression bound that refused it, if one did.
	typeValue, pattern string
}

// newError turns CUE errors into diagnostics at profile positions, keeping
// one clear message per problem. profile is the unified profile before the
// schema applied; it places problems that CUE reports only at a schema
// position (a missing required field) on the nearest value the user wrote.
// platform, the profile unified with the schema, suggests names for unknown
// fields.
func newError(err error, profile, platform cue.Value, sources []Source) *Error {
	files := sourceNames(sources)
	var all []candidate
	for _, ce := range cueerrors.Errors(err) {
		all = append(all, place(ce, files))
	}
	if profile.Exists() && platform.Exists() {
		all = append(placeRefusals(all, profile, platform, files), unreported(unknownFields(profile, platform, files), all)...)
	}
	e := &Error{}
	seen := map[string]bool{}
	suggest := newSuggester(platform)
	for _, c := range capUnknownFields(trimNoise(all)) {
		if c.message == "field not allowed" && len(c.path) > 0 {
			c.message = suggest.unknownField(c.path)
		} else if strings.HasPrefix(c.message, moreUnknownFields) {
			// counted by capUnknownFields: nothing to explain
		} else if slip := explainSlip(c.message, c.path, suggest.fieldsAt(c.path)); slip != "" {
			c.message = slip
		} else if c.message = describeRefusal(c, platform, files); strings.HasPrefix(c.message, "invalid value") {
			c.message += upstreamDefault(platform, c.path)
		}
		d := c.diagnostic(profile, sources[0].Name, files)
		d.Related = append(d.Related, securitySettings(profile, d.Message, files)...)
		if key := d.String(); !seen[key] {
			seen[key] = true
			e.Diagnostics = append(e.Diagnostics, d)
		}
	}
	sort.SliceStable(e.Diagnostics, func(i, j int) bool { return lessPos(e.Diagnostics[i].Pos, e.Diagnostics[j].Pos) })
	return e
}

// place reads the path, message and positions of one CUE error.
func place(ce cueerrors.Error, files map[string]bool) candidate {
	c := candidate{path: ce.Path(), message: message(ce)}
	if format, args := ce.Msg(); format == "conflicting values %s and %s" {
		c.conflict = []string{fmt.Sprint(args[0]), fmt.Sprint(args[1])}
	} else {
		c.typeValue, c.pattern = refusedByType(format, args)
	}
	if len(c.path) > 0 && c.path[0] == "#Platform" {
		c.path = c.path[1:]
	}
	for _, sel := range c.path {
		if strings.HasPrefix(sel, "_") || strings.HasPrefix(sel, "#") {
			c.internal = true
		}
	}
	for _, p := range append([]token.Pos{ce.Position()}, ce.InputPositions()...) {
		pos := position(p)
		switch {
		case pos.File == "" || containsPos(c.profile, pos) || containsPos(c.schema, pos):
		case files[pos.File]:
			c.profile = append(c.profile, pos)
		default:
			c.schema = append(c.schema, pos)
		}
	}
	if len(c.profile) == 0 {
		c.profile = lineOnlyPosition(ce, files)
	}
	sort.Slice(c.profile, func(i, j int) bool { return lessPos(c.profile[i], c.profile[j]) })
	return c
}

// unreported keeps the candidates whose path and message CUE did not
// report already, perhaps at another position.
func unreported(found, reported []candidate) []candidate {
	seen := map[string]bool{}
	for _, c := range reported {
		seen[strings.Join(c.path, ".")+"\x00"+c.message] = true
	}
	return slices.DeleteFunc(found, func(c candidate) bool { return seen[strings.Join(c.path, ".")+"\x00"+c.message] })
}

// placeRefusals places the errors that CUE reports only at a schema
// position on the value the profile sets at the error's path, unless an
// error CUE places in the profile has that path (a conflict between two
// layers also fails a rule on the value). A refusal the schema declares
// for the key itself ("node.id"?: error(...)) is placed otherwise. Another
// schema error (a rule over several values) is placed unless an error CUE
// places in the profile concerns the same component: the rule may then
// fail as its consequence (an unknown field), and is left for trimNoise
// to drop.
func placeRefusals(all []candidate, profile, platform cue.Value, files map[string]bool) []candidate {
	placedPaths, placedComponents := map[string]bool{}, map[string]bool{}
	for _, c := range all {
		if len(c.profile) > 0 && len(c.path) > 0 {
			placedPaths[strings.Join(c.path, ".")] = true
			placedComponents[c.path[0]] = true
		}
	}
	for i, c := range all {
		if len(c.path) == 0 || placedPaths[strings.Join(c.path, ".")] {
			continue
		}
		if !placedComponents[c.path[0]] || refusesKey(platform, c, files) {
			all[i] = placeOnProfile(c, profile, files)
		}
	}
	return all
}

// refusesKey tells an error raised by the schema's declaration of the key
// at c's path ("node.id"?: error(...)), rather than by a rule elsewhere:
// the error is on the line of one of the declarations of the key.
func refusesKey(platform cue.Value, c candidate, files map[string]bool) bool {
	for _, d := range keyDeclarations(platform, c.path, files) {
		if onLineOf(position(d.Pos()), c.schema) {
			return true
		}
	}
	return false
}

// onLineOf tells whether p is on the line of one of the positions.
func onLineOf(p Position, positions []Position) bool {
	for _, q := range positions {
		if p.File == q.File && p.Line == q.Line {
			return true
		}
	}
	return false
}

// placeOnProfile places c on the value the profile sets at its path, when
// it sets one.
func placeOnProfile(c candidate, profile cue.Value, files map[string]bool) candidate {
	if len(c.profile) > 0 || c.internal || len(c.path) == 0 || !profile.Exists() {
		return c
	}
	v := profile.LookupPath(cue.ParsePath(strings.Join(c.path, ".")))
	if v.Exists() {
		c.profile = profilePositions(v, files)
	}
	return c
}

// profilePositions lists where the profile files write v: a value that
// layers unify has one position per layer.
func profilePositions(v cue.Value, files map[string]bool) []Position {
	var found []Position
	_, conjuncts := v.Expr()
	for _, c := range conjuncts {
		if pos := position(c.Pos()); files[pos.File] && !containsPos(found, pos) {
			found = append(found, pos)
		}
	}
	sort.Slice(found, func(i, j int) bool { return lessPos(found[i], found[j]) })
	return found
}

// message is the error's own text, without the path CUE prefixes; a wrapped
// cause, as parsers report it, is kept.
func message(ce cueerrors.Error) string {
	format, args := ce.Msg()
	msg := fmt.Sprintf(format, args...)
	if text := ce.Error(); msg == "" || strings.HasPrefix(text, msg+": ") {
		return stripFileLine(text)
	}
	if msg == "field is required but not present" {
		return "missing required field"
	}
	return explainTypeMismatch(format, args, msg)
}

// stripFileLine drops a leading "file:line: ", as the YAML parser writes it.
func stripFileLine(text string) string {
	file, rest, ok := strings.Cut(text, ":")
	if !ok || strings.ContainsAny(file, " \"") {
		return text
	}
	line, rest, ok := strings.Cut(rest, ": ")
	if _, err := strconv.Atoi(line); !ok || err != nil {
		return text
	}
	return rest
}

// explainTypeMismatch rewrites CUE's "conflicting values "x" and int
// (mismatched types string and int)" as "invalid value "x" (want int, got string)".
func explainTypeMismatch(format string, args []any, msg string) string {
	if format != "conflicting values %s and %s (mismatched types %s and %s)" || len(args) != 4 {
		return msg
	}
	switch {
	case isTypeName(fmt.Sprint(args[1])):
		return fmt.Sprintf("invalid value %v (want %v, got %v)", args[0], args[1], args[2])
	case isTypeName(fmt.Sprint(args[0])):
		return fmt.Sprintf("invalid value %v (want %v, got %v)", args[1], args[0], args[3])
	}
	return msg
}

// lineOnlyPosition recovers "file:line:" from an error that has no token
// position, as YAML syntax errors do; the column is then 1.
func lineOnlyPosition(ce cueerrors.Error, files map[string]bool) []Position {
	text := ce.Error()
	for file := range files {
		var line int
		if _, err := fmt.Sscanf(strings.TrimPrefix(text, file+":"), "%d:", &line); err == nil && strings.HasPrefix(text, file+":") {
			return []Position{{File: file, Line: line, Column: 1}}
		}
	}
	return nil
}

// trimNoise keeps, for each problem, the message that explains it: CUE
// repeats an error at every internal path a value flows to, and for a
// disjunction reports one error per alternative plus a summary.
func trimNoise(all []candidate) []candidate {
	kept := preferIf(all, func(c candidate) bool { return !c.internal })
	kept = preferIf(kept, func(c candidate) bool { return !isConsequence(c.message) })
	// An error CUE places on no profile value, beside errors it does place,
	// is a value derived from one of those: reporting it would mislead.
	kept = preferIf(kept, func(c candidate) bool { return len(c.profile) > 0 || c.message == "missing required field" })
	if hasMessage(kept, "missing required field") {
		kept = preferIf(kept, func(c candidate) bool { return !strings.HasPrefix(c.message, "incomplete value") })
	}
	return mergeAlternatives(bestPerPath(kept))
}

// preferIf returns the candidates satisfying keep, or all of them when none does.
func preferIf(all []candidate, keep func(candidate) bool) []candidate {
	var out []candidate
	for _, c := range all {
		if keep(c) {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return all
	}
	return out
}

// isConsequence tells messages that only echo an error reported elsewhere.
func isConsequence(msg string) bool {
	return strings.Contains(msg, "errors in empty disjunction") ||
		strings.HasPrefix(msg, "invalid interpolation") ||
		strings.HasPrefix(msg, "error in call to") ||
		strings.Contains(msg, "(type _|_)")
}

func hasMessage(all []candidate, msg string) bool {
	for _, c := range all {
		if c.message == msg {
			return true
		}
	}
	return false
}

// bestPerPath keeps, for each path, only the most telling messages: a bound
// or pattern over a bare conflict, a conflict between two profile values over
// a conflict with a schema default, a type over a default literal.
func bestPerPath(all []candidate) []candidate {
	best := map[string]int{}
	for _, c := range all {
		key := strings.Join(c.path, ".")
		if r, ok := best[key]; !ok || c.rank() < r {
			best[key] = c.rank()
		}
	}
	var out []candidate
	for _, c := range all {
		if c.rank() == best[strings.Join(c.path, ".")] {
			out = append(out, c)
		}
	}
	return out
}

// mergeAlternatives folds the errors of one value against each literal of
// an enumeration ("conflicting values "gzip" and "brotli"", "... "lz4" and
// "brotli"", ...) into one: invalid value "brotli" (want one of "gzip", "lz4").
func mergeAlternatives(all []candidate) []candidate {
	byPath := map[string][]int{}
	for i, c := range all {
		if len(c.conflict) == 2 && len(c.profile) == 1 {
			key := strings.Join(c.path, ".")
			byPath[key] = append(byPath[key], i)
		}
	}
	drop := map[int]bool{}
	for _, idx := range byPath {
		got, wants := commonValue(all, idx)
		if len(idx) < 2 || got == "" {
			continue
		}
		first := &all[idx[0]]
		first.message = fmt.Sprintf("invalid value %s (want one of %s)", got, strings.Join(wants, ", "))
		first.schema = nil
		for _, i := range idx[1:] {
			drop[i] = true
		}
	}
	var out []candidate
	for i, c := range all {
		if !drop[i] {
			out = append(out, c)
		}
	}
	return out
}

// commonValue finds the value every conflict of idx shares (the user's) and
// the other sides (the alternatives), sorted.
func commonValue(all []candidate, idx []int) (string, []string) {
	for _, got := range all[idx[0]].conflict {
		var wants []string
		for _, i := range idx {
			a, b := all[i].conflict[0], all[i].conflict[1]
			switch got {
			case a:
				wants = append(wants, b)
			case b:
				wants = append(wants, a)
			}
		}
		if len(wants) == len(idx) {
			sort.Strings(wants)
			return got, wants
		}
	}
	return "", nil
}

// rank orders messages from most (0) to least telling.
func (c candidate) rank() int {
	switch {
	case !strings.HasPrefix(c.message, "conflicting values") && !strings.Contains(c.message, "(want "):
		return 0
	case len(c.profile) > 1:
		return 1
	case strings.HasPrefix(c.message, "invalid value") && strings.Contains(c.message, "(want "):
		return 2
	}
	return 3
}

// isTypeName tells a CUE type keyword from a literal value.
func isTypeName(s string) bool {
	switch s {
	case "int", "string", "bool", "float", "number", "bytes", "null", "list", "struct",
		"int8", "int16", "int32", "int64", "int128", "uint", "uint8", "uint16", "uint32", "uint64", "uint128",
		"float32", "float64", "rune":
		return true
	}
	return false
}

// refusedByType returns the value an error refuses when a type refuses
// it (a mismatched kind, a regular expression, a validator) and the
// regular expression if one did. A numeric bound or a conflict between
// values is no type: those keep CUE's words.
func refusedByType(format string, args []any) (value, pattern string) {
	switch {
	case format == "conflicting values %s and %s (mismatched types %s and %s)" && len(args) == 4:
		if isTypeName(fmt.Sprint(args[0])) {
			return fmt.Sprint(args[1]), ""
		}
		return fmt.Sprint(args[0]), ""
	case format == "invalid value %v (out of bound %s)" && len(args) == 2:
		if bound := fmt.Sprint(args[1]); strings.HasPrefix(bound, "=~") || strings.HasPrefix(bound, "!~") {
			return fmt.Sprint(args[0]), bound
		}
	case format == "invalid value %s (does not satisfy %s)" && len(args) == 2:
		return fmt.Sprint(args[0]), ""
	}
	return "", ""
}

// describeRefusal words a value refused by its type as the accepted forms
// of that type, "invalid value "3 seconds" (want a duration such as 30s or
// 5m ...)", when the type or the key's own pattern has a description; it
// returns c's message otherwise.
func describeRefusal(c candidate, platform cue.Value, files map[string]bool) string {
	if c.typeValue == "" || len(c.profile) != 1 {
		return c.message
	}
	desc := describeType(platform, c.path, files)
	if desc == "" {
		desc = describePattern(c.pattern)
	}
	if desc == "" {
		return c.message
	}
	return fmt.Sprintf("invalid value %s (want %s)", c.typeValue, desc)
}

// diagnostic places the candidate at a profile position; a conflict also
// names the other values' positions, including the schema rule that set one.
func (c candidate) diagnostic(profile cue.Value, firstFile string, files map[string]bool) Diagnostic {
	d := Diagnostic{Path: formatPath(c.path), Message: c.message}
	if len(c.profile) == 0 {
		d.Pos = nearestProfilePos(profile, c.path, firstFile, files)
		return d
	}
	d.Pos = c.profile[0]
	for _, p := range c.profile[1:] {
		d.Related = append(d.Related, Related{Pos: p, Note: "conflicting value set here"})
	}
	if c.rank() == 3 && len(c.profile) == 1 {
		for _, p := range c.schema {
			if isRuleFile(p.File) {
				d.Related = append(d.Related, Related{Pos: p, Note: "value derived by bdconf here"})
				break
			}
		}
	}
	return d
}

// isRuleFile tells schema files that derive values from those that only
// declare types (catalogs) or wire components together (the root).
func isRuleFile(file string) bool {
	return !strings.HasPrefix(file, schemaDir+"/catalog/") && path.Dir(file) != schemaDir
}

// formatPath joins selectors as CUE spells a path.
func formatPath(path []string) string {
	return strings.Join(path, ".")
}

// nearestProfilePos is the position of the closest enclosing value of path
// that a profile file wrote; the start of the first profile otherwise.
func nearestProfilePos(profile cue.Value, path []string, firstFile string, files map[string]bool) Position {
	if profile.Exists() {
		for i := len(path); i > 0; i-- {
			v := profile.LookupPath(cue.ParsePath(strings.Join(path[:i], ".")))
			if pos := position(v.Pos()); v.Exists() && files[pos.File] {
				return pos
			}
		}
	}
	return Position{File: firstFile, Line: 1, Column: 1}
}
