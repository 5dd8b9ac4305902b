package compiler

import (
	"fmt"
	"math/big"
	"sort"

	"cuelang.org/go/cue"
)

// minNonHeap is the least memory a JVM needs besides its heap (metaspace,
// code cache, thread stacks, direct buffers, GC structures); a quarter of
// the container's limit is kept for it when that is more.
var minNonHeap = pow(2, 28) // 256 MiB

// checkResources refuses what the API server or the kubelet would: a
// container requesting more CPU or memory than its limit (the API server
// refuses the pod), and a JVM heap that leaves too little of the memory
// limit for the JVM's other memory (the container is killed when the heap
// fills). Each error sits at the role's setting in the profile.
func checkResources(platform cue.Value, objects []object, profile cue.Value, sources []Source) error {
	e := &Error{}
	for _, o := range objects {
		if o["kind"] != "StatefulSet" {
			continue
		}
		component, role := roleOf(o)
		for _, c := range containers(o) {
			e.Diagnostics = append(e.Diagnostics, requestsWithinLimits(component, role, c, profile, sources)...)
		}
		if d, ok := heapFits(platform, component, role, profile, sources); !ok {
			e.Diagnostics = append(e.Diagnostics, d)
		}
	}
	if len(e.Diagnostics) > 0 {
		sort.SliceStable(e.Diagnostics, func(i, j int) bool { return lessPos(e.Diagnostics[i].Pos, e.Diagnostics[j].Pos) })
		return e
	}
	return nil
}

// requestsWithinLimits checks one container's requests against its limits.
func requestsWithinLimits(component, role string, container map[string]any, profile cue.Value, sources []Source) []Diagnostic {
	resources, _ := container["resources"].(map[string]any)
	requests, _ := resources["requests"].(map[string]any)
	limits, _ := resources["limits"].(map[string]any)
	var out []Diagnostic
	for _, r := range []string{"cpu", "memory"} {
		req, errReq := parseQuantity(requests[r])
		lim, errLim := parseQuantity(limits[r])
		if requests[r] == nil || limits[r] == nil || errReq != nil || errLim != nil || req.Cmp(lim) <= 0 {
			continue
		}
		path := []string{component, role, "resources", "requests", r}
		if profile.LookupPath(cue.MakePath(cue.Str(component), cue.Str(role), cue.Str("resources"), cue.Str("limits"), cue.Str(r))).Exists() {
			path[3] = "limits"
		}
		out = append(out, Diagnostic{
			Pos:  nearestProfilePos(profile, path, sources[0].Name, sourceNames(sources)),
			Path: formatPath(path),
			Message: fmt.Sprintf("container %s requests %v of %s but is limited to %v: a request may not exceed its limit",
				container["name"], requests[r], r, limits[r]),
		})
	}
	return out
}

// heapFits checks a role's JVM heap against its container's memory limit.
func heapFits(platform cue.Value, component, role string, profile cue.Value, sources []Source) (Diagnostic, bool) {
	model := platform.LookupPath(cue.MakePath(cue.Str(component), cue.Str(role)))
	heapText, errHeap := model.LookupPath(cue.ParsePath("jvm.heap")).String()
	limitText, errLimit := model.LookupPath(cue.ParsePath("resources.limits.memory")).String()
	if errHeap != nil || errLimit != nil {
		return Diagnostic{}, true
	}
	heap, errHeap := javaSizeBytes(heapText)
	limit, errLimit := parseQuantity(limitText)
	if errHeap != nil || errLimit != nil {
		return Diagnostic{}, true
	}
	nonHeap := new(big.Rat).Quo(limit, big.NewRat(4, 1))
	if nonHeap.Cmp(minNonHeap) < 0 {
		nonHeap = minNonHeap
	}
	if new(big.Rat).Add(heap, nonHeap).Cmp(limit) <= 0 {
		return Diagnostic{}, true
	}
	path := []string{component, role, "jvm", "heap"}
	if !profile.LookupPath(cue.MakePath(cue.Str(component), cue.Str(role), cue.Str("jvm"), cue.Str("heap"))).Exists() {
		path = []string{component, role, "resources", "limits", "memory"}
	}
	return Diagnostic{
		Pos:  nearestProfilePos(profile, path, sources[0].Name, sourceNames(sources)),
		Path: formatPath(path),
		Message: fmt.Sprintf("a JVM heap of %s does not fit a memory limit of %s: the JVM needs a quarter of the limit, and at least 256Mi, besides its heap; raise %s.%s.resources.limits.memory or lower %s.%s.jvm.heap",
			heapText, limitText, component, role, component, role),
	}, false
}

// roleOf reads the component and role of a role's object from its labels.
func roleOf(o object) (component, role string) {
	labels, _ := o["metadata"].(map[string]any)["labels"].(map[string]any)
	component, _ = labels["app.kubernetes.io/name"].(string)
	role, _ = labels["app.kubernetes.io/component"].(string)
	return component, role
}

// containers lists the containers of a workload's pod template.
func containers(o object) []map[string]any {
	template, _ := podTemplate(o)
	podSpec, _ := template["spec"].(map[string]any)
	list, _ := podSpec["containers"].([]any)
	var out []map[string]any
	for _, c := range list {
		if m, ok := c.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}
