package main

import (
	"regexp"
	"slices"
	"strings"
)

// Per-listener keys of server.properties: the broker builds each
// listener's channel from its configs with "listener.name.<listener>."
// overriding (ChannelBuilders.channelBuilderConfigs,
// AbstractConfig.valuesWithPrefixOverride; the listener name lower-cased,
// ListenerName.configPrefix), and SASL keys may also take a mechanism
// segment, "listener.name.<listener>.<mechanism>." (lower-cased,
// ListenerName.saslMechanismConfigPrefix, read by SaslChannelBuilder and
// JaasContext.loadServerContext). A prefixed key has the type and secrecy
// of the key it prefixes.

// listenerKeys are the broker keys a listener may override besides the
// ssl.* and sasl.* ones: the connection quotas (ConnectionQuotas reads
// them per listener), re-authentication (SaslChannelBuilder) and the
// principal builder (ChannelBuilders.createPrincipalBuilder).
var listenerKeys = []string{"connections.max.reauth.ms", "max.connections", "max.connection.creation.rate", "principal.builder.class"}

// listenerPrefix is the label prefix of a per-listener key, up to the
// optional mechanism segment of a SASL key.
const listenerPrefix = `^listener\.name\.[^.A-Z]+\.`

// isListenerKey reports whether a broker key may be set per listener.
func isListenerKey(name string) bool {
	return strings.HasPrefix(name, "ssl.") || strings.HasPrefix(name, "sasl.") || slices.Contains(listenerKeys, name)
}

// listenerPatterns returns the per-listener families of the keys a
// listener may override: one pattern per distinct type, so that a label
// is matched against few expressions.
func listenerPatterns(pkg string, keys []Key) []Pattern {
	groups := map[string][]Key{}
	var order []string
	for _, k := range keys {
		if !isListenerKey(k.Name) || len(k.Deprecated) > 0 {
			continue
		}
		id := keyType(pkg, k)
		if _, ok := groups[id]; !ok {
			order = append(order, id)
		}
		groups[id] = append(groups[id], k)
	}
	patterns := make([]Pattern, 0, len(order))
	for _, id := range order {
		patterns = append(patterns, listenerPattern(groups[id]))
	}
	return patterns
}

// listenerPattern is the family of per-listener keys of one type.
func listenerPattern(keys []Key) Pattern {
	var plain, sasl []string
	for _, k := range keys {
		if strings.HasPrefix(k.Name, "sasl.") {
			sasl = append(sasl, regexp.QuoteMeta(k.Name))
		} else {
			plain = append(plain, regexp.QuoteMeta(k.Name))
		}
	}
	var alts []string
	if len(plain) > 0 {
		alts = append(alts, "(?:"+strings.Join(plain, "|")+")")
	}
	if len(sasl) > 0 {
		alts = append(alts, `(?:[^.A-Z]+\.)?(?:`+strings.Join(sasl, "|")+")")
	}
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = k.Name
	}
	p := Pattern{Regex: listenerPrefix + "(?:" + strings.Join(alts, "|") + ")$"}
	p.Key = Key{Name: "listener.name.<listener>.[<mechanism>.]" + strings.Join(names, ", "), Type: keys[0].Type, Secret: keys[0].Secret}
	return p
}
