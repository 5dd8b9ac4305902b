package compiler

import (
	"regexp"
	"strconv"
	"strings"
)

// A secret inside a composite value is a literal secret too: a JAAS
// configuration with a password option (Kafka's sasl.jaas.config and its
// per-listener and per-mechanism forms, which Kafka types PASSWORD), or a
// URL with user:password@. Such a value may not be written in a profile,
// under config or unchecked; the JAAS configuration takes a secretKeyRef
// to the whole text instead.

// jaasConfigKey ends the keys holding a JAAS configuration
// (SaslConfigs.SASL_JAAS_CONFIG), alone or after a listener or mechanism prefix.
const jaasConfigKey = "sasl.jaas.config"

var (
	// reJAASPassword is a JAAS option holding a credential: password=...,
	// as PlainLoginModule and ScramLoginModule take it, the broker's
	// user_<name>="..." options of PlainLoginModule, and the clientSecret
	// of OAUTHBEARER's client-credentials login
	// (OAuthBearerLoginCallbackHandler reads it from the JAAS options).
	reJAASPassword = regexp.MustCompile(`(?i)(\bpassword|\buser_[^=\s]+|\bclientSecret)\s*=`)
	// reURLPassword is a URL's user:password@ (RFC 3986 userinfo) whose
	// password is not a ${...} expansion.
	reURLPassword = regexp.MustCompile(`[A-Za-z][A-Za-z0-9+.-]*://[^/@\s:]+:([^/@\s]+)@`)
)

// checkCompositeSecrets refuses, at their position, the values a profile
// sets that hold a literal password.
func checkCompositeSecrets(files map[string]nativeFile, sources []Source) error {
	inProfile := sourceNames(sources)
	e := &Error{}
	seen := map[Position]bool{}
	for _, nativePath := range sortedKeys(files) {
		for _, s := range files[nativePath].settings {
			if s.Secret || !inProfile[s.Origin.File] || seen[s.Origin] {
				continue
			}
			if msg := compositeSecret(s); msg != "" {
				seen[s.Origin] = true
				e.Diagnostics = append(e.Diagnostics, Diagnostic{Pos: s.Origin, Path: strconv.Quote(s.Key), Message: msg})
			}
		}
	}
	if len(e.Diagnostics) > 0 {
		return e
	}
	return nil
}

// compositeSecret says why s holds a literal password, or "".
func compositeSecret(s Setting) string {
	if strings.HasSuffix(s.Key, jaasConfigKey) && reJAASPassword.MatchString(s.Value) {
		return "a JAAS configuration with a password is a secret: put the whole configuration in a Kubernetes Secret and reference it, {secretKeyRef: {name: <secret>, key: <key>}}"
	}
	if m := reURLPassword.FindStringSubmatch(s.Value); m != nil && !strings.HasPrefix(m[1], "${") {
		return "a URL with user:password@ holds a secret: remove the password from the URL and set it with the key that takes a password, as a {secretKeyRef: {name: <secret>, key: <key>}}"
	}
	return ""
}
