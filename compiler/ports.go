package compiler

import (
	"fmt"
	"sort"

	"cuelang.org/go/cue"
)

// checkPortClashes rejects two ports of one role on the same number: every
// role's ports are listed by its Service, so a clash shows there. The error
// sits at the port the profile moved. The rule lives here, not in CUE:
// constraining each port against its siblings' defaulted values made CUE
// report an error on every port of the role instead of the one moved.
func checkPortClashes(objects []object, profile cue.Value, sources []Source) error {
	e := &Error{}
	for _, o := range objects {
		if o["kind"] != "Service" {
			continue
		}
		for _, clash := range servicePortClashes(o) {
			e.Diagnostics = append(e.Diagnostics, clash.diagnostic(o, profile, sources))
		}
	}
	if len(e.Diagnostics) > 0 {
		return e
	}
	return nil
}

// portClash is a port whose number an earlier port of the role has.
type portClash struct {
	name, other string
	number      float64
}

func servicePortClashes(service object) []portClash {
	spec, _ := service["spec"].(map[string]any)
	ports, _ := spec["ports"].([]any)
	owner := map[float64]string{}
	var clashes []portClash
	for _, p := range ports {
		port, _ := p.(map[string]any)
		name, _ := port["name"].(string)
		number := toFloat(port["port"])
		if other, taken := owner[number]; taken {
			clashes = append(clashes, portClash{name: name, other: other, number: number})
			continue
		}
		owner[number] = name
	}
	sort.Slice(clashes, func(i, j int) bool { return clashes[i].name < clashes[j].name })
	return clashes
}

// diagnostic places the clash on whichever of the two ports the profile set.
func (c portClash) diagnostic(service object, profile cue.Value, sources []Source) Diagnostic {
	component, role := roleOf(service)
	files := sourceNames(sources)
	for _, pair := range [][2]string{{c.name, c.other}, {c.other, c.name}} {
		path := []string{component, role, "ports", pair[0]}
		if profile.LookupPath(cue.MakePath(cue.Str(component), cue.Str(role), cue.Str("ports"), cue.Str(pair[0]))).Exists() {
			return Diagnostic{
				Pos:     nearestProfilePos(profile, path, sources[0].Name, files),
				Path:    fmt.Sprintf("%s.%s.ports.%s", component, role, pair[0]),
				Message: fmt.Sprintf("port %d is also the role's port %s", int(c.number), pair[1]),
			}
		}
	}
	return Diagnostic{
		Pos:     nearestProfilePos(profile, []string{component, role}, sources[0].Name, files),
		Path:    fmt.Sprintf("%s.%s.ports", component, role),
		Message: fmt.Sprintf("ports %s and %s share %d", c.other, c.name, int(c.number)),
	}
}

// toFloat reads a JSON number decoded from CUE, whatever its Go type.
func toFloat(v any) float64 {
	switch n := v.(type) {
	case int:
		return float64(n)
	case int64:
		return float64(n)
	case float64:
		return n
	}
	return 0
}
