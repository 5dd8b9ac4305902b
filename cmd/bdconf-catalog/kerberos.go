package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// MIT Kerberos documents krb5.conf and kdc.conf relations in
// reStructuredText: a section is a "[name]" title underlined with "~",
// a relation a "**name**" line at the left margin followed by its indented
// description. Each section becomes one definition, whose @catalog names
// the section; kerberos/krb5.cue (hand-written) composes them into the
// file, with realm, domain and application names as patterns.

// krbVersion is the upstream product and version of the Kerberos catalogs.
const krbVersion = "MIT Kerberos 1.21.3"

// krbRelation is one documented relation.
type krbRelation struct {
	Section string // "libdefaults", "realms", "pkinit" ...
	Name    string
	Body    string // the description, whitespace collapsed
}

var (
	reKrbSection  = regexp.MustCompile(`^\[([a-z_]+)\]\s*$`)
	reKrbRelation = regexp.MustCompile(`^(?:\* )?\*\*([a-z0-9_]+)\*\*(?: and \*\*([a-z0-9_]+)\*\*)?\s*$`)
	reKrbUnder    = regexp.MustCompile(`^(~+|-+|=+|#+)\s*$`)
)

// parseKrbRST reads the relations of krb5_conf.rst or kdc_conf.rst. A
// "~" title that is not "[name]" (PKINIT options) opens a section named by
// krbTitleSections; a "#" title (a plugin interface) ends the relations of
// its section, since what follows names modules.
func parseKrbRST(src string) []krbRelation {
	lines := strings.Split(src, "\n")
	var rels []krbRelation
	section := ""
	var cur []int // the relations the current description belongs to
	for i, l := range lines {
		if i+1 < len(lines) && l != "" && reKrbUnder.MatchString(lines[i+1]) && !reKrbUnder.MatchString(l) {
			cur = nil
			section = krbSectionOf(strings.TrimSpace(l), lines[i+1][0])
			continue
		}
		if m := reKrbRelation.FindStringSubmatch(l); m != nil && section != "" {
			cur = nil
			for _, n := range m[1:3] {
				if n != "" {
					rels = append(rels, krbRelation{Section: section, Name: n})
					cur = append(cur, len(rels)-1)
				}
			}
			continue
		}
		if strings.HasPrefix(l, " ") || l == "" {
			for _, i := range cur {
				rels[i].Body = strings.TrimSpace(rels[i].Body + " " + strings.TrimSpace(l))
			}
		} else {
			cur = nil
		}
	}
	return rels
}

// krbSectionOf names the section a title opens ("" for titles whose
// relations are not configuration relations).
func krbSectionOf(title string, under byte) string {
	if s, ok := krbTitleSections[title]; ok {
		return s
	}
	if m := reKrbSection.FindStringSubmatch(title); m != nil && under == '~' {
		return m[1]
	}
	return ""
}

var (
	reKrbBoolBody = regexp.MustCompile(`\(Boolean value\.\)|[Tt]he default (?:value )?is (?:true|false)\b|\bIf (?:this (?:flag|relation|option) is )?set to (?:true|false)`)
	reKrbDurBody  = regexp.MustCompile("\\(:ref:`duration` string\\.\\)")
	reKrbMulti    = regexp.MustCompile(`(?i)may be specified multiple times|may have multiple values|can be specified multiple times|multiple values`)
	reKrbDefault  = regexp.MustCompile(`(?i)the default(?: value)? (?:is|for this option is)\s+(.+?)(?:\.\s|\.$|,|;|\s\(|$)`)
	reKrbDurWords = regexp.MustCompile(`^([0-9]+) (seconds?|minutes?|hours?|days?)$`)
)

// krbKey types one relation from the reviewed table, else its body and
// name.
func krbKey(r krbRelation) Key {
	k := Key{Name: r.Name, Secret: krbSecret(r.Name)}
	k.Default, k.HasDefault = krbDefault(r.Body)
	if o, ok := krbTypeOverrides[r.Section+"."+r.Name]; ok {
		k.Type, k.Unit = o.Type, o.Unit
	} else {
		k.Type = Type{Kind: krbKind(r, k.Default, k.HasDefault)}
	}
	if k.Type.Kind == KindDuration && k.HasDefault && reInt.MatchString(k.Default) {
		k.Unit = "s"
	}
	return k
}

// krbKind infers the kind of a relation.
func krbKind(r krbRelation, def string, hasDef bool) Kind {
	switch {
	case strings.HasSuffix(r.Name, "enctypes") || strings.HasSuffix(r.Name, "_key_type"):
		return KindEnctypes
	case reKrbBoolBody.MatchString(r.Body), hasDef && (def == "true" || def == "false"):
		return KindBool
	case reKrbDurBody.MatchString(r.Body):
		return KindDuration
	case reKrbMulti.MatchString(r.Body):
		return KindList
	case hasDef && reKrbDurLit.MatchString(def) && !reInt.MatchString(def):
		return KindDuration
	case hasDef && reInt.MatchString(def):
		return KindInt
	}
	return KindString
}

// reKrbDurLit is a duration literal: NdNhNmNs parts or plain seconds.
var reKrbDurLit = regexp.MustCompile(`^([0-9]+[dhms])+$|^[0-9]+$`)

// krbDefault reads "The default value is X" from a body when X is a
// boolean, a number or a duration.
func krbDefault(body string) (string, bool) {
	m := reKrbDefault.FindStringSubmatch(body)
	if m == nil {
		return "", false
	}
	v := strings.Trim(strings.TrimSpace(m[1]), "`*")
	if d := reKrbDurWords.FindStringSubmatch(v); d != nil {
		return d[1] + d[2][:1], true
	}
	if reBool.MatchString(v) || reInt.MatchString(v) || reKrbDurLit.MatchString(v) {
		return v, true
	}
	return "", false
}

// krbSecret reports whether a relation holds a secret. krb5.conf and
// kdc.conf hold none literally: passwords and RADIUS secrets live in
// files the relations name.
func krbSecret(name string) bool {
	return strings.Contains(name, "password") && !strings.HasSuffix(name, "_file")
}

// readKrbRelations parses one rst file below dir.
func readKrbRelations(dir, source string) ([]krbRelation, error) {
	src, err := os.ReadFile(filepath.Join(dir, source))
	if err != nil {
		return nil, err
	}
	rels := parseKrbRST(string(src))
	if len(rels) == 0 {
		return nil, fmt.Errorf("%s: no relations found", source)
	}
	return rels, nil
}

// krbSectionTarget is the part of a file one definition types.
type krbSectionTarget struct {
	sections []string // documented sections whose relations it lists
	decls    []string // pattern declarations for name-keyed sections
}

// buildKerberosSection builds the definition of one section of
// krb5.conf or kdc.conf.
func buildKerberosSection(dir string, t target) (*Catalog, error) {
	st, ok := krbSectionTargets[t.def]
	if !ok {
		return nil, fmt.Errorf("%s: no reviewed section for #%s", t.source, t.def)
	}
	rels, err := readKrbRelations(dir, t.source)
	if err != nil {
		return nil, err
	}
	var set keySet
	for _, sec := range st.sections {
		for _, r := range rels {
			if r.Section == sec {
				set.addFirst(krbKey(r))
			}
		}
	}
	c := t.catalogOf(set.keys)
	c.Section = krbSectionName(t.def)
	c.Decls = st.decls
	return c, nil
}

// krbSectionName is the file section a definition types.
func krbSectionName(def string) string {
	st := krbSectionTargets[def]
	if len(st.sections) > 0 {
		return st.sections[0]
	}
	return krbPatternSections[def]
}
