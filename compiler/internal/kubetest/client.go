//go:build linux

package kubetest

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// FieldManager is the server-side apply field manager of every object the
// harness applies.
const FieldManager = "bdconf"

// Client talks to one API server over HTTPS as a cluster administrator. It
// is not safe for concurrent use.
type Client struct {
	base  string
	token string
	http  *http.Client
	kinds map[string]resource // discovery cache, keyed by "apiVersion kind"
}

// response is one successful answer of the API server.
type response struct {
	body     []byte
	warnings []string
}

// StatusError is an API server's refusal: its HTTP status and the message
// of the Status object it returned.
type StatusError struct {
	Code    int
	Message string
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("HTTP %d: %s", e.Code, e.Message)
}

// newClient returns a client of the server at base that trusts the
// certificates in caFile and authenticates with a bearer token.
func newClient(base, caFile, token string) (*Client, error) {
	pemData, err := os.ReadFile(caFile)
	if err != nil {
		return nil, err
	}
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(pemData) {
		return nil, fmt.Errorf("%s: no PEM certificate", caFile)
	}
	transport := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12}}
	return &Client{
		base:  base,
		token: token,
		http:  &http.Client{Transport: transport, Timeout: 60 * time.Second},
		kinds: map[string]resource{},
	}, nil
}

// do sends one request; a status of 400 or more is a *StatusError.
func (c *Client) do(ctx context.Context, method, path string, query url.Values, contentType string, body []byte) (*response, error) {
	u := c.base + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, method, u, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Accept", "application/json")
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 400 {
		return nil, &StatusError{Code: resp.StatusCode, Message: statusMessage(data)}
	}
	return &response{body: data, warnings: warnings(resp.Header)}, nil
}

// get fetches path and decodes its JSON into v.
func (c *Client) get(ctx context.Context, path string, v any) error {
	resp, err := c.do(ctx, http.MethodGet, path, nil, "", nil)
	if err != nil {
		return fmt.Errorf("GET %s: %w", path, err)
	}
	return json.Unmarshal(resp.body, v)
}

// statusMessage returns the message of a metav1.Status body, or the body.
func statusMessage(body []byte) string {
	var status struct{ Message string }
	if json.Unmarshal(body, &status) == nil && status.Message != "" {
		return status.Message
	}
	return strings.TrimSpace(string(body))
}

// warnings returns the text of each Warning header (RFC 7234 form
// `299 - "text"`, as the API server sends them).
func warnings(h http.Header) []string {
	var out []string
	for _, w := range h.Values("Warning") {
		text := w
		if _, quoted, ok := strings.Cut(w, " - "); ok {
			text = quoted
			if unquoted, err := strconv.Unquote(quoted); err == nil {
				text = unquoted
			}
		}
		out = append(out, text)
	}
	return out
}

// ready reports whether /readyz answers ok.
func (c *Client) ready(ctx context.Context) bool {
	resp, err := c.do(ctx, http.MethodGet, "/readyz", nil, "", nil)
	return err == nil && string(resp.body) == "ok"
}

// Version returns the server's gitVersion, e.g. "v1.34.4".
func (c *Client) Version(ctx context.Context) (string, error) {
	var info struct{ GitVersion string }
	if err := c.get(ctx, "/version", &info); err != nil {
		return "", err
	}
	return info.GitVersion, nil
}
