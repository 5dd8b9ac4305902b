//go:build linux

package kubetest

import (
	"context"
	"fmt"
	"strings"
)

// resource is how the API server serves a kind: its plural resource name
// and whether its objects live in a namespace.
type resource struct {
	Name       string
	Kind       string
	Namespaced bool
}

// resourceFor looks o's kind up in the server's discovery document of
// o.APIVersion. Found kinds are cached; a missing one is looked up again
// next time (its CRD may have been installed since).
func (c *Client) resourceFor(ctx context.Context, o Object) (resource, error) {
	key := o.APIVersion + " " + o.Kind
	if r, ok := c.kinds[key]; ok {
		return r, nil
	}
	var list struct{ Resources []resource }
	if err := c.get(ctx, groupVersionPath(o.APIVersion), &list); err != nil {
		return resource{}, fmt.Errorf("%s: the server does not serve %s: %w", o, o.APIVersion, err)
	}
	for _, r := range list.Resources {
		if r.Kind == o.Kind && !strings.Contains(r.Name, "/") {
			c.kinds[key] = r
			return r, nil
		}
	}
	return resource{}, fmt.Errorf("%s: the server does not serve kind %s in %s", o, o.Kind, o.APIVersion)
}

// groupVersionPath returns the discovery path of apiVersion: /api/v1 for
// the core group, /apis/<group>/<version> for the others.
func groupVersionPath(apiVersion string) string {
	if !strings.Contains(apiVersion, "/") {
		return "/api/" + apiVersion
	}
	return "/apis/" + apiVersion
}

// collectionPath returns the path of the collection that holds o.
func (c *Client) collectionPath(ctx context.Context, o Object) (string, error) {
	r, err := c.resourceFor(ctx, o)
	if err != nil {
		return "", err
	}
	path := groupVersionPath(o.APIVersion)
	switch {
	case r.Namespaced && o.Namespace == "":
		return "", fmt.Errorf("%s: kind %s is namespaced but metadata.namespace is not set", o, o.Kind)
	case !r.Namespaced && o.Namespace != "":
		return "", fmt.Errorf("%s: kind %s is cluster-scoped but metadata.namespace is set", o, o.Kind)
	case r.Namespaced:
		path += "/namespaces/" + o.Namespace
	}
	return path + "/" + r.Name, nil
}

// objectPath returns the path of o itself.
func (c *Client) objectPath(ctx context.Context, o Object) (string, error) {
	path, err := c.collectionPath(ctx, o)
	return path + "/" + o.Name, err
}
