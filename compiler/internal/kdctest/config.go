package kdctest

import (
	"fmt"
	"os"
	"path/filepath"
)

// enctypes are the keys every principal gets: the MIT defaults (AES with
// SHA-1) plus the RFC 8009 AES-SHA2 types, so that a krb5.conf restricting
// permitted_enctypes to either family still finds keys.
const enctypes = "aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal " +
	"aes256-cts-hmac-sha384-192:normal aes128-cts-hmac-sha256-128:normal"

// kdcConf is the KDC's own profile (KRB5_KDC_PROFILE): database, stash and
// logs live in the run's directory, and the KDC listens on one 127.0.0.1
// port for UDP and TCP (a realm's kdc_listen replaces the default port 88).
// Principals require pre-authentication, as in production realms, so a
// client must prove it holds the key before the KDC answers.
// Arguments: realm, dir, address, enctypes.
const kdcConf = `[realms]
	%[1]s = {
		database_name = %[2]s/principal
		key_stash_file = %[2]s/stash
		kdc_listen = %[3]s
		kdc_tcp_listen = %[3]s
		supported_enctypes = %[4]s
		default_principal_flags = +preauth
	}

[logging]
	kdc = FILE:%[2]s/kdc.log
	admin_server = FILE:%[2]s/kadmin.log
	default = FILE:%[2]s/krb5.log
`

// krb5Conf is the client profile (KRB5_CONFIG) the KDC tools read, so that
// no file under /etc is consulted.
// Arguments: realm, address.
const krb5Conf = `[libdefaults]
	default_realm = %[1]s
	dns_lookup_kdc = false
	dns_lookup_realm = false
	rdns = false
	dns_canonicalize_hostname = false
	udp_preference_limit = 1

[realms]
	%[1]s = {
		kdc = %[2]s
	}
`

// writeConfigs writes kdc.conf and krb5.conf for realm on address into dir
// and returns their paths.
func writeConfigs(dir, realm, address string) (kdcPath, krb5Path string, err error) {
	kdcPath = filepath.Join(dir, "kdc.conf")
	krb5Path = filepath.Join(dir, "krb5.conf")
	kdc := fmt.Sprintf(kdcConf, realm, dir, address, enctypes)
	if err := os.WriteFile(kdcPath, []byte(kdc), 0o600); err != nil {
		return "", "", err
	}
	krb5 := fmt.Sprintf(krb5Conf, realm, address)
	if err := os.WriteFile(krb5Path, []byte(krb5), 0o600); err != nil {
		return "", "", err
	}
	return kdcPath, krb5Path, nil
}
