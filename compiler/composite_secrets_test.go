package compiler

import "testing"

// TestCompositeSecret covers the credential forms of JAAS texts and URLs.
func TestCompositeSecret(t *testing.T) {
	for _, tt := range []struct {
		key, value string
		secret     bool
	}{
		{"sasl.jaas.config", `org.apache.kafka.common.security.scram.ScramLoginModule required username="a" password="b";`, true},
		{"listener.name.x.plain.sasl.jaas.config", `PlainLoginModule required user_alice="s";`, true},
		{"sasl.jaas.config", `OAuthBearerLoginModule required clientId="c" clientSecret="s";`, true},
		{"sasl.jaas.config", `com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true keyTab="/k" principal="p@R";`, false},
		{"acme.url", "https://alice:s3cret@example.com/x", true},
		{"acme.url", "https://alice:${env.PW}@example.com/x", false},
		{"acme.url", "https://example.com:8443/x", false},
		{"acme.jaas", `password="b"`, false},
	} {
		if got := compositeSecret(Setting{Key: tt.key, Value: tt.value}) != ""; got != tt.secret {
			t.Errorf("%s=%s: secret %v, want %v", tt.key, tt.value, got, tt.secret)
		}
	}
}
