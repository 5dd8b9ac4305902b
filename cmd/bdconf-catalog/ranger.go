package main

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"
)

// Ranger plugins read their files (ranger-<svc>-security.xml,
// ranger-<svc>-audit.xml, ranger-policymgr-ssl.xml) as Hadoop XML through
// RangerPluginConfig, a Hadoop Configuration. Upstream ships each file as
// a template next to a "-changes.cfg" file with which the installer fills
// it from install.properties: "name value mod|append|delval|var
// [create-if-not-exists]", where the value may hold %INSTALL_PLACEHOLDER%s.
// The catalog holds the keys of both; a key's default is the cfg value
// when it has no install placeholder, else none; a template value the cfg
// replaces is only a sample (e.g. "hadoopdev") and no default either.

// rangerChange is one line of a *-changes.cfg file.
type rangerChange struct {
	Name  string
	Value string
	Op    string
}

// reRangerInstallVar is an installer placeholder, e.g. %REPOSITORY_NAME% or
// %XAAUDIT.SOLR.URL%; lower-case tokens such as %app-type% and
// %time:yyyyMMdd% are expanded by Ranger at run time and are real values.
var reRangerInstallVar = regexp.MustCompile(`%[A-Z][A-Z0-9_.]*%`)

// parseRangerChanges reads a *-changes.cfg file. Blank and # lines are
// skipped; the value is the second field (upstream values hold no blanks).
func parseRangerChanges(r io.Reader) ([]rangerChange, error) {
	var out []rangerChange
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 3 {
			return nil, fmt.Errorf("line %d: want name, value and operation, got %q", n, line)
		}
		out = append(out, rangerChange{Name: f[0], Value: f[1], Op: f[2]})
	}
	return out, sc.Err()
}

// rangerChangesFile is the cfg file of a template: x.xml -> x-changes.cfg.
func rangerChangesFile(source string) string {
	return strings.TrimSuffix(source, ".xml") + "-changes.cfg"
}

// buildRanger builds a Ranger plugin catalog from its XML template and
// its changes file.
func buildRanger(dir string, t target) (*Catalog, error) {
	props, err := readHadoopXML(filepath.Join(dir, t.source))
	if err != nil {
		return nil, err
	}
	changes, err := parseFile(filepath.Join(dir, rangerChangesFile(t.source)), parseRangerChanges)
	if err != nil {
		return nil, err
	}
	merged, noDefault := mergeRangerChanges(props, changes)
	return assembleFamily(dir, t, merged, familyOptions{noDefault: noDefault})
}

// mergeRangerChanges returns the template's properties followed by the
// keys only the changes file sets, with the changes file's values. A
// template value the changes file replaces by an install placeholder is
// kept for type inference and listed in noDefault.
func mergeRangerChanges(props []hadoopProperty, changes []rangerChange) ([]hadoopProperty, map[string]bool) {
	index := map[string]int{}
	noDefault := map[string]bool{}
	out := make([]hadoopProperty, 0, len(props)+len(changes))
	for _, p := range props {
		index[p.Name] = len(out)
		out = append(out, p)
	}
	for _, c := range changes {
		if c.Op != "mod" && c.Op != "append" {
			continue // "var" defines an installer variable, "delval" removes
		}
		v := rangerDefault(c.Value)
		i, ok := index[c.Name]
		switch {
		case !ok:
			index[c.Name] = len(out)
			out = append(out, hadoopProperty{Name: c.Name, Value: v})
		case v == "":
			noDefault[c.Name] = true
		default:
			out[i].Value = v
		}
	}
	return out, noDefault
}

// rangerDefault is the default an installer value stands for: none when
// it holds an install placeholder.
func rangerDefault(v string) string {
	if reRangerInstallVar.MatchString(v) {
		return ""
	}
	return v
}

// buildRangerAdmin builds ranger-admin-site.xml, which Ranger Admin reads
// on top of ranger-admin-default-site.xml (both shipped in conf.dist): the
// keys of both, with the default-site value as the default; the site
// file's values are installer samples.
func buildRangerAdmin(dir string, t target) (*Catalog, error) {
	defaults, err := readHadoopXML(filepath.Join(dir, t.source))
	if err != nil {
		return nil, err
	}
	site, err := readHadoopXML(filepath.Join(dir, rangerAdminSiteFile))
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, p := range defaults {
		seen[p.Name] = true
	}
	all := defaults
	for _, p := range site {
		if seen[p.Name] {
			continue
		}
		seen[p.Name] = true
		all = append(all, hadoopProperty{Name: p.Name, Doc: p.Doc, Value: rangerAdminSample(p.Name, p.Value)})
	}
	return assembleFamily(dir, t, all, familyOptions{})
}

// rangerAdminSiteFile is the site template of Ranger Admin.
const rangerAdminSiteFile = "ranger/security-admin/ranger-admin-site.xml"

// rangerAdminSample keeps a site value as default unless it is a reviewed
// installer sample (rangerAdminSamples).
func rangerAdminSample(name, v string) string {
	if _, ok := rangerAdminSamples[name]; ok {
		return ""
	}
	return v
}
