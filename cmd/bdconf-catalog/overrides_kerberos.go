package main

// Reviewed tables of the Kerberos catalogs (kerberos.go), checked against
// krb5_conf.rst and kdc_conf.rst of MIT Kerberos 1.21.3.

// krbTitleSections name the sections of titles that are not "[name]".
var krbTitleSections = map[string]string{
	"PKINIT krb5.conf options": "pkinit",    // valid in [libdefaults] and per realm in [realms]
	"PKINIT options":           "kdcpkinit", // kdc.conf: in [kdcdefaults] and per realm in [realms]
}

const (
	reKrbRealmKey  = `^[^\s{}\[\]=]+$`
	reKrbDomainKey = `^\.?[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.?$`
)

// krbSectionTargets lists the documented sections each relation
// definition takes. Name-keyed sections without relations of their own
// (domain_realm, capaths, appdefaults) are patterns only.
var krbSectionTargets = map[string]krbSectionTarget{
	"Krb5LibDefaults":     {sections: []string{"libdefaults", "pkinit"}},
	"Krb5Realm":           {sections: []string{"realms", "pkinit"}},
	"Krb5PluginInterface": {sections: []string{"plugins"}},
	"Krb5DomainRealm":     {decls: []string{"[=~" + quote(reKrbDomainKey) + "]: #String"}},
	"Krb5Capaths":         {decls: []string{"[=~" + quote(reKrbRealmKey) + "]: [=~" + quote(reKrbRealmKey) + "]: #List"}},
	"Krb5AppDefaults":     {decls: []string{"[=~" + quote(reKrbRealmKey) + "]: #Scalar | {[=~" + quote(reKrbRealmKey) + "]: #Scalar | {[=~" + quote(reKrbRealmKey) + "]: #Scalar}}"}},
	"KDCDefaults":         {sections: []string{"kdcdefaults", "kdcpkinit"}},
	"KDCRealm":            {sections: []string{"realms", "kdcpkinit"}},
	"DBDefaults":          {sections: []string{"dbdefaults"}},
	"DBModule":            {sections: []string{"dbmodules"}},
	"Logging":             {sections: []string{"logging"}},
	"OTPTokenType":        {sections: []string{"otp"}},
}

// krbPatternSections are the file sections of the pattern-only
// definitions.
var krbPatternSections = map[string]string{
	"Krb5DomainRealm": "domain_realm",
	"Krb5Capaths":     "capaths",
	"Krb5AppDefaults": "appdefaults",
}

// krbTypeOverrides correct inferred kinds; keys are "section.relation".
var krbTypeOverrides = map[string]override{
	"realms.kdc":                            {Type: typ(KindList), Why: "repeated once per KDC host (krb5_conf.rst: one per host, tried in order)"},
	"realms.admin_server":                   {Type: typ(KindList), Why: "may be repeated, one per kadmin server host"},
	"realms.kpasswd_server":                 {Type: typ(KindList), Why: "may be repeated, one per kpasswd server host"},
	"realms.primary_kdc":                    {Type: typ(KindList), Why: "may be repeated, one per primary KDC host"},
	"realms.master_kdc":                     {Type: typ(KindList), Why: "older name of primary_kdc, may be repeated"},
	"libdefaults.allow_des3":                {Type: typ(KindBool), Why: "documented as a boolean in prose (default false)"},
	"libdefaults.allow_rc4":                 {Type: typ(KindBool), Why: "documented as a boolean in prose (default false)"},
	"libdefaults.dns_lookup_kdc":            {Type: typ(KindBool), Why: "a boolean (profile_parse_boolean)"},
	"libdefaults.realm_try_domains":         {Type: typ(KindInt), Why: "a number of domain components (-1 disables)"},
	"libdefaults.udp_preference_limit":      {Type: typ(KindInt), Unit: "B", Why: "a message size in bytes"},
	"libdefaults.qualify_shortname":         {Type: typ(KindString), Why: "a domain suffix; an empty value disables"},
	"pkinit.pkinit_require_crl_checking":    {Type: typ(KindBool), Why: "a boolean (default false)"},
	"pkinit.pkinit_eku_checking":            {Type: oneOf("kpKDC", "kpServerAuth", "none"), Why: "values listed in krb5_conf.rst"},
	"kdcpkinit.pkinit_require_crl_checking": {Type: typ(KindBool), Why: "a boolean (default false)"},
	"kdcpkinit.pkinit_eku_checking":         {Type: oneOf("kpClientAuth", "scLogin", "none"), Why: "values listed in kdc_conf.rst"},
	"realms.iprop_port":                     {Type: typ(KindInt), Why: "a port number"},
	"realms.kadmind_port":                   {Type: typ(KindInt), Why: "a port number"},
	"realms.kpasswd_port":                   {Type: typ(KindInt), Why: "a port number"},
	"realms.iprop_master_ulogsize":          {Type: typ(KindInt), Why: "deprecated alias of iprop_ulogsize, a number of entries"},
	"realms.iprop_slave_poll":               {Type: typ(KindDuration), Why: "deprecated alias of iprop_replica_poll, a duration"},
	"realms.default_principal_expiration":   {Type: typ(KindString), Why: "an abstime string (absolute time), not a number"},
	"realms.iprop_enable":                   {Type: typ(KindBool), Why: "a boolean"},
	"dbmodules.ldap_conns_per_server":       {Type: typ(KindInt), Why: "a number of connections"},
	"dbdefaults.ldap_conns_per_server":      {Type: typ(KindInt), Why: "a number of connections (see [dbmodules])"},
	"dbmodules.mapsize":                     {Type: typ(KindInt), Unit: "MB", Why: "LMDB map size in megabytes"},
	"dbmodules.max_readers":                 {Type: typ(KindInt), Why: "a number of readers"},
	"dbmodules.nosync":                      {Type: typ(KindBool), Why: "a boolean"},
	"dbmodules.unlockiter":                  {Type: typ(KindBool), Why: "a boolean"},
	"dbmodules.disable_last_success":        {Type: typ(KindBool), Why: "a boolean"},
	"dbmodules.disable_lockout":             {Type: typ(KindBool), Why: "a boolean"},
	"kdcdefaults.kdc_max_dgram_reply_size":  {Type: typ(KindInt), Unit: "B", Why: "a size in bytes"},
	"kdcdefaults.kdc_tcp_listen_backlog":    {Type: typ(KindInt), Why: "a listen queue length"},
	"otp.timeout":                           {Type: typ(KindDuration), Why: "a duration (default 5s)"},
	"otp.retries":                           {Type: typ(KindInt), Why: "a number of retries"},
	"otp.strip_realm":                       {Type: typ(KindBool), Why: "a boolean"},
}
