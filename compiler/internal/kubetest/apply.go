//go:build linux

package kubetest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

// Result is what the API server answered for one object: the object as
// the server stored it (or would store it, for a dry run) and the text of
// every Warning header it sent.
type Result struct {
	Object   map[string]any
	Warnings []string
}

// ResourceVersion returns the stored object's metadata.resourceVersion.
func (r *Result) ResourceVersion() string {
	v, _ := child(r.Object, "metadata")["resourceVersion"].(string)
	return v
}

// Generation returns the stored object's metadata.generation (0 for kinds
// without one).
func (r *Result) Generation() int64 {
	v, _ := child(r.Object, "metadata")["generation"].(float64)
	return int64(v)
}

// Apply creates or updates o with server-side apply, as FieldManager and
// with strict field validation: an unknown or duplicate field is an error
// (a *StatusError), never silently dropped.
func (c *Client) Apply(ctx context.Context, o Object) (*Result, error) {
	return c.apply(ctx, o, false)
}

// DryRunApply is Apply with dryRun=All: every admission and validation
// step runs, nothing is stored.
func (c *Client) DryRunApply(ctx context.Context, o Object) (*Result, error) {
	return c.apply(ctx, o, true)
}

func (c *Client) apply(ctx context.Context, o Object, dryRun bool) (*Result, error) {
	path, err := c.objectPath(ctx, o)
	if err != nil {
		return nil, err
	}
	query := url.Values{"fieldManager": {FieldManager}, "fieldValidation": {"Strict"}}
	if dryRun {
		query.Set("dryRun", "All")
	}
	resp, err := c.do(ctx, http.MethodPatch, path, query, "application/apply-patch+yaml", o.Manifest)
	return result(o, "apply", resp, err)
}

// DryRunCreate creates o with dryRun=All and strict field validation:
// admission (Pod Security among it) decides as for a real creation.
func (c *Client) DryRunCreate(ctx context.Context, o Object) (*Result, error) {
	path, err := c.collectionPath(ctx, o)
	if err != nil {
		return nil, err
	}
	body, err := json.Marshal(o.Body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", o, err)
	}
	query := url.Values{"fieldManager": {FieldManager}, "fieldValidation": {"Strict"}, "dryRun": {"All"}}
	resp, err := c.do(ctx, http.MethodPost, path, query, "application/json", body)
	return result(o, "dry-run create", resp, err)
}

// result decodes the object the server returned for o, or wraps err with
// what was done to o.
func result(o Object, verb string, resp *response, err error) (*Result, error) {
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", verb, o, err)
	}
	r := &Result{Warnings: resp.warnings}
	if err := json.Unmarshal(resp.body, &r.Object); err != nil {
		return nil, fmt.Errorf("%s %s: decoding the answer: %w", verb, o, err)
	}
	return r, nil
}
