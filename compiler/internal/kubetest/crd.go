//go:build linux

package kubetest

import (
	"context"
	"embed"
	"fmt"
	"path"
	"time"
)

// vendoredCRDs holds the CustomResourceDefinitions of the non-built-in
// kinds bdconf may emit, one a file named after the CRD.
//
//go:embed crds/*.yaml
var vendoredCRDs embed.FS

// vendoredCRD returns the vendored CustomResourceDefinition that serves
// kind in group, if there is one.
func vendoredCRD(group, kind string) (Object, bool, error) {
	files, err := vendoredCRDs.ReadDir("crds")
	if err != nil {
		return Object{}, false, err
	}
	for _, f := range files {
		name := path.Join("crds", f.Name())
		data, err := vendoredCRDs.ReadFile(name)
		if err != nil {
			return Object{}, false, err
		}
		crd, err := ParseObject(name, data)
		if err != nil {
			return Object{}, false, err
		}
		spec := child(crd.Body, "spec")
		if spec["group"] == group && child(spec, "names")["kind"] == kind {
			return crd, true, nil
		}
	}
	return Object{}, false, nil
}

// InstallCRDs applies the vendored CustomResourceDefinition of every kind
// among objects that has one, waits until the API server serves each, and
// returns the names of the CRDs it applied. Kinds without a vendored CRD
// are left alone: built-in kinds need none, and applying an object of an
// unknown kind fails with a clear error.
func (c *Client) InstallCRDs(ctx context.Context, objects []Object) ([]string, error) {
	var names []string
	seen := map[string]bool{}
	for _, o := range objects {
		crd, ok, err := vendoredCRD(o.Group(), o.Kind)
		if err != nil {
			return names, err
		}
		if !ok || seen[crd.Name] {
			continue
		}
		seen[crd.Name] = true
		if err := c.installCRD(ctx, crd, o); err != nil {
			return names, err
		}
		names = append(names, crd.Name)
	}
	return names, nil
}

// installCRD applies crd and waits until the server serves example's kind.
func (c *Client) installCRD(ctx context.Context, crd, example Object) error {
	r, err := c.Apply(ctx, crd)
	if err != nil {
		return err
	}
	if len(r.Warnings) > 0 {
		return fmt.Errorf("apply %s: warnings: %q", crd, r.Warnings)
	}
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		_, err := c.resourceFor(ctx, example)
		if err == nil || time.Now().After(deadline) {
			return err
		}
	}
}
