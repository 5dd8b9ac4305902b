package kdctest

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Kinit obtains a ticket for principal with its key from keytab (kinit -k
// -t), reading no configuration but the krb5.conf at krb5conf (KRB5_CONFIG,
// with every other KRB5* variable cleared and a private KRB5CCNAME), then
// checks with klist that the cache holds the principal's TGT. The error
// carries kinit's or klist's output and the tail of kinit's trace
// (KRB5_TRACE). A principal without a realm gets the krb5.conf's default
// realm.
func Kinit(krb5conf, keytab, principal string) error {
	conf, err := filepath.Abs(krb5conf)
	if err != nil {
		return err
	}
	// MIT silently ignores a KRB5_CONFIG file that does not exist and falls
	// back to built-in defaults and DNS, so check it first.
	if _, err := os.Stat(conf); err != nil {
		return fmt.Errorf("kinit: krb5.conf: %w", err)
	}
	kinit, err := tool("kinit")
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "kdctest-kinit-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	trace := filepath.Join(dir, "trace")
	env := cleanEnv("KRB5_CONFIG="+conf, "KRB5CCNAME=FILE:"+filepath.Join(dir, "ccache"),
		"KRB5_TRACE="+trace, "KRB5RCACHEDIR="+dir, "LC_ALL=C")
	stdout, stderr, err := runTool(env, "", kinit, "-k", "-t", keytab, principal)
	if err != nil {
		return fmt.Errorf("kinit -k -t %s %s: %v\n%s%s\n%s", keytab, principal, err,
			stdout, stderr, tail(15, trace))
	}
	return checkTGT(env, principal)
}

// checkTGT lists the credential cache of env with klist and checks that its
// default principal is principal and that it holds a TGT of that
// principal's realm.
func checkTGT(env []string, principal string) error {
	klist, err := tool("klist")
	if err != nil {
		return err
	}
	stdout, stderr, err := runTool(env, "", klist)
	if err != nil {
		return fmt.Errorf("klist after kinit of %s: %v\n%s%s", principal, err, stdout, stderr)
	}
	got, services := parseKlist(stdout)
	_, realm := splitRealm(got)
	want := principal
	if _, r := splitRealm(principal); r == "" {
		want = principal + "@" + realm
	}
	if got != want {
		return fmt.Errorf("klist: default principal is %q, want %q\n%s", got, want, stdout)
	}
	if tgt := "krbtgt/" + realm + "@" + realm; !slices.Contains(services, tgt) {
		return fmt.Errorf("klist: no TGT %s in the cache of %s\n%s", tgt, got, stdout)
	}
	return nil
}

// parseKlist returns the default principal and the service principals
// (the last field of each ticket line) of klist's output.
func parseKlist(out string) (principal string, services []string) {
	sc := bufio.NewScanner(strings.NewReader(out))
	inTickets := false
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "Default principal: "):
			principal = strings.TrimPrefix(line, "Default principal: ")
		case strings.HasPrefix(line, "Valid starting"):
			inTickets = true
		case inTickets && !strings.HasPrefix(line, "\t"):
			if fields := strings.Fields(line); len(fields) > 0 {
				services = append(services, fields[len(fields)-1])
			}
		}
	}
	return principal, services
}
