package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// zkSampleFile is read besides the administrator's guide: its keys, active
// or commented out, must be in the catalog too.
const zkSampleFile = "zookeeper/zoo_sample.cfg"

// zkSections are the level-3 headings of zookeeperAdmin.md whose bullets
// document configuration parameters.
var zkSections = map[string]bool{
	"Configuration Parameters": true,
	"Metrics Providers":        true,
}

// zkBullet is one "* *name* :" item of the administrator's guide.
type zkBullet struct {
	Head        string   // the bullet line after "* "
	Names       []string // emphasised names, "a and b" split
	SysProps    []string // Java system properties named by the annotation
	SysPropOnly bool     // annotation says "Java system property only"
	Body        string   // the item's text, whitespace collapsed
}

var (
	reZKHeading  = regexp.MustCompile(`^(#{2,3}) (.+)$`)
	reZKBullet   = regexp.MustCompile(`^\* (\*.*)$`)
	reZKEmphasis = regexp.MustCompile(`\*([^*]+)\*`)
	reZKSysProp  = regexp.MustCompile(`^\((?:Java|Jave) system propert(?:y|ies)( only)?\s*:?\s*([^()]*)\)`)
)

// parseZooKeeperAdmin reads the parameter bullets of zookeeperAdmin.md.
func parseZooKeeperAdmin(src string) []zkBullet {
	var p zkParser
	for _, line := range strings.Split(src, "\n") {
		p.line(line)
	}
	p.flush()
	return p.bullets
}

// zkParser collects bullets line by line: a bullet runs until the next
// bullet or heading, and only bullets under zkSections count.
type zkParser struct {
	bullets []zkBullet
	cur     *zkBullet
	body    []string
	in      bool
}

// line consumes one line of the guide.
func (p *zkParser) line(l string) {
	if m := reZKHeading.FindStringSubmatch(l); m != nil {
		p.flush()
		p.in = zkSections[strings.TrimSpace(m[2])]
		return
	}
	if m := reZKBullet.FindStringSubmatch(l); m != nil && p.in {
		p.flush()
		p.cur = &zkBullet{Head: m[1], Names: zkNames(m[1])}
		return
	}
	if p.cur != nil {
		p.body = append(p.body, strings.TrimSpace(l))
	}
}

// flush ends the current bullet.
func (p *zkParser) flush() {
	if p.cur != nil {
		finishZKBullet(p.cur, p.body)
		p.bullets = append(p.bullets, *p.cur)
	}
	p.cur, p.body = nil, nil
}

// zkNames extracts the emphasised names of a bullet head, splitting
// "*a and b*" into two names.
func zkNames(head string) []string {
	var names []string
	for _, m := range reZKEmphasis.FindAllStringSubmatch(head, -1) {
		for _, n := range strings.Split(m[1], " and ") {
			if n = strings.TrimSpace(n); n != "" {
				names = append(names, n)
			}
		}
	}
	return names
}

// finishZKBullet reads the system-property annotation opening the body.
func finishZKBullet(b *zkBullet, lines []string) {
	b.Body = strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
	m := reZKSysProp.FindStringSubmatch(b.Body)
	if m == nil {
		return
	}
	b.SysPropOnly = m[1] != ""
	for _, p := range strings.Split(strings.ReplaceAll(m[2], "*", ""), " and ") {
		if p = strings.Trim(strings.TrimSpace(p), "."); p != "" {
			b.SysProps = append(b.SysProps, p)
		}
	}
}

// zkParam is a zoo.cfg key derived from a bullet.
type zkParam struct {
	Key    string
	Bullet zkBullet
}

// zkParams derives the zoo.cfg keys a bullet documents. QuorumPeerConfig
// parses some keys itself (zkExplicitKeys) and turns every other key K
// into the system property "zookeeper.K"; so a parameter documented by a
// system property "zookeeper.P" is written P in zoo.cfg, and one whose
// property lacks that prefix cannot be set in zoo.cfg at all. skipped
// returns the names that are not zoo.cfg keys.
func zkParams(b zkBullet) (params []zkParam, skipped []string, err error) {
	if len(b.SysProps) > 0 && len(b.SysProps) != len(b.Names) {
		return nil, nil, fmt.Errorf("bullet %q: %d names but %d system properties", b.Head, len(b.Names), len(b.SysProps))
	}
	for i, name := range b.Names {
		sys := ""
		if len(b.SysProps) > 0 {
			sys = b.SysProps[i]
		}
		if key, ok := zkConfigKey(name, sys, b.SysPropOnly); ok {
			params = append(params, zkParam{Key: key, Bullet: b})
		} else {
			skipped = append(skipped, name)
		}
	}
	return params, skipped, nil
}

// zkConfigKey maps a documented name and its system property to a zoo.cfg
// key; ok is false when the name cannot be set in zoo.cfg.
func zkConfigKey(name, sysProp string, only bool) (string, bool) {
	if zkIsExplicit(name) {
		return name, true
	}
	if fix, ok := zkSysPropFixes[name]; ok {
		sysProp = fix.sysProp
	}
	if sysProp == "" {
		if !only {
			return name, true
		}
		sysProp = name
	}
	if key, ok := strings.CutPrefix(sysProp, "zookeeper."); ok {
		return key, true
	}
	return "", false
}

// zkIsExplicit reports whether QuorumPeerConfig parses name itself.
func zkIsExplicit(name string) bool {
	if zkExplicitKeys[name] {
		return true
	}
	return strings.HasPrefix(name, "metricsProvider.")
}

var reZKSampleKey = regexp.MustCompile(`^#?([A-Za-z][A-Za-z0-9_.]*)=`)

// parseZooSample returns the keys of zoo_sample.cfg, including the ones
// commented out.
func parseZooSample(src string) []string {
	var keys []string
	sc := bufio.NewScanner(strings.NewReader(src))
	for sc.Scan() {
		if m := reZKSampleKey.FindStringSubmatch(strings.TrimSpace(sc.Text())); m != nil {
			keys = append(keys, m[1])
		}
	}
	return keys
}

// buildZooKeeper builds the zoo.cfg catalog.
func buildZooKeeper(dir string, t target) (*Catalog, error) {
	guide, err := os.ReadFile(filepath.Join(dir, t.source))
	if err != nil {
		return nil, err
	}
	sample, err := os.ReadFile(filepath.Join(dir, zkSampleFile))
	if err != nil {
		return nil, err
	}
	keys, _, err := zkKeys(parseZooKeeperAdmin(string(guide)), parseZooSample(string(sample)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", t.source, err)
	}
	c := t.catalogOf(keys)
	c.Source = t.source + " and " + zkSampleFile
	return c, nil
}

// zkKeys types the keys of the guide's bullets, the reviewed keys that
// QuorumPeerConfig parses without the guide documenting them, and the
// sample's keys (which the guide must document). skipped lists the
// documented names that are not zoo.cfg keys.
func zkKeys(bullets []zkBullet, sample []string) (keys []Key, skipped []string, err error) {
	var set keySet
	for _, b := range bullets {
		if zkIsPatternBullet(b) {
			continue
		}
		params, skip, err := zkParams(b)
		if err != nil {
			return nil, nil, err
		}
		skipped = append(skipped, skip...)
		for _, p := range params {
			if err := set.add(zkKey(p.Key, p.Bullet.Body)); err != nil {
				return nil, nil, err
			}
		}
	}
	for _, name := range sortedKeys(zkSourceOnlyKeys) {
		if err := set.add(zkKey(name, "")); err != nil {
			return nil, nil, err
		}
	}
	for _, name := range sample {
		if set.get(name) == nil {
			return nil, nil, fmt.Errorf("%s key %q is not documented in the guide", zkSampleFile, name)
		}
	}
	for _, name := range skipped {
		if _, ok := zkSkippedNames[name]; !ok {
			return nil, nil, fmt.Errorf("parameter %q cannot be set in zoo.cfg: review it in zkSkippedNames", name)
		}
	}
	return set.keys, skipped, nil
}

// zkIsPatternBullet reports whether a bullet documents a key family
// (server.x, group.x, weight.x, authProvider.x) that patterns.cue covers.
func zkIsPatternBullet(b zkBullet) bool {
	_, ok := zkPatternBullets[b.Names[0]]
	return ok
}

// zkKey types one zoo.cfg key from the reviewed facts, else from the
// default its documentation states.
func zkKey(name, body string) Key {
	k := Key{Name: name, Unit: unitFromName(name), Secret: zkSecret(name)}
	if f, ok := zkFacts[name]; ok {
		k.Type, k.Default, k.HasDefault = f.Type, f.Default, f.Default != ""
		if f.Unit != "" {
			k.Unit = f.Unit
		}
		return k
	}
	k.Default, k.HasDefault = zkDefault(body)
	k.Type = Type{Kind: zkKind(name, k.Default)}
	return k
}

// zkSecret reports whether a zoo.cfg key holds a secret.
func zkSecret(name string) bool {
	_, ok := zkSecrets[name]
	return ok || strings.HasSuffix(strings.ToLower(name), "password")
}

var reZKDefault = regexp.MustCompile(`(?i)(?:default(?: value)? is|defaults to|default:|default values are)\s*([^\s]+)`)

// zkDefault extracts a boolean or numeric default a description states
// ("The default is 10", "Defaults to false", "is 100,000"); other defaults
// are prose and come from zkFacts.
func zkDefault(body string) (string, bool) {
	m := reZKDefault.FindStringSubmatch(strings.ReplaceAll(body, "**", ""))
	if m == nil {
		return "", false
	}
	v := strings.ReplaceAll(strings.Trim(m[1], ".,;:()\"'`"), ",", "")
	if reBool.MatchString(v) || reInt.MatchString(v) || reFloat.MatchString(v) {
		return v, true
	}
	return "", false
}

// zkKind infers the kind of a key from its default, else its name.
func zkKind(name, def string) Kind {
	switch {
	case reBool.MatchString(def):
		return KindBool
	case reInt.MatchString(def):
		return KindInt
	case reFloat.MatchString(def):
		return KindNumber
	}
	return kindBySuffix(name, zkNameKinds)
}

// zkNameKinds maps zoo.cfg name suffixes to kinds for keys without a
// stated default.
var zkNameKinds = []suffixKind{
	{"Port", KindInt},
	{"Enabled", KindBool},
	{"enabled", KindBool},
	{"Ms", KindInt},
	{"Millis", KindInt},
}
