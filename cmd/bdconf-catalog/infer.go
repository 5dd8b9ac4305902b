package main

import (
	"regexp"
	"slices"
	"strings"
)

// Hadoop publishes no types: a key's type is inferred from its default
// value, its name and what its description says about suffixes, after the
// reviewed table hadoopTypeOverrides (overrides.go) had its say.
var (
	reBool        = regexp.MustCompile(`^(true|false)$`)
	reInt         = regexp.MustCompile(`^-?[0-9]+$`)
	reFloat       = regexp.MustCompile(`^-?([0-9]+\.[0-9]*|\.[0-9]+)([eE]-?[0-9]+)?[fFdD]?$`)
	reDurationLit = regexp.MustCompile(`^[0-9]+(ns|us|ms|s|m|h|d)$`)
	reSizeLit     = regexp.MustCompile(`^[0-9]+[kKmMgGtTpPeE]$`)
	reClassName   = regexp.MustCompile(`^([A-Za-z_$][A-Za-z0-9_$]*\.)+[A-Z][A-Za-z0-9_$]*$`)
	reTimeDoc     = regexp.MustCompile(`(?i)time unit|unit specifier|ms\(millis\)|accepts units|time suffix`)
	reSizeDoc     = regexp.MustCompile(`(?i)size unit suffix|k\(kilo\)|suffix from the set \{K,M,G`)
)

// inferHadoop returns the type of a Hadoop key.
func inferHadoop(p hadoopProperty) Type {
	if o, ok := typeOverride(p.Name); ok {
		return o.Type
	}
	switch v := p.Value; {
	case isPermissionKey(p.Name):
		return Type{Kind: KindPermission}
	case reSizeDoc.MatchString(p.Doc):
		return Type{Kind: KindSize}
	case reTimeDoc.MatchString(p.Doc):
		return Type{Kind: KindDuration}
	case v == "":
		return Type{Kind: kindBySuffix(p.Name, hadoopNameKinds)}
	default:
		return Type{Kind: kindFromValue(v)}
	}
}

// permissionSuffixes end the names of the keys read as a file permission
// (new FsPermission(conf.get(...)): dfs.datanode.data.dir.perm and the
// other *.perm keys, HBase's *.perms and hbase.data.umask) or a umask
// (FsPermission.getUMask: fs.permissions.umask-mode, deprecated dfs.umaskmode).
var permissionSuffixes = []string{".perm", ".perms", ".umask-mode", ".umaskmode", ".umask"}

// isPermissionKey reports whether a key holds a permission or umask.
func isPermissionKey(name string) bool {
	return slices.ContainsFunc(permissionSuffixes, func(s string) bool { return strings.HasSuffix(name, s) })
}

// kindFromValue infers a kind from a non-empty default value.
func kindFromValue(v string) Kind {
	switch {
	case reBool.MatchString(v):
		return KindBool
	case reDurationLit.MatchString(v):
		return KindDuration
	case reSizeLit.MatchString(v):
		return KindSize
	case reInt.MatchString(v):
		return KindInt
	case reFloat.MatchString(v):
		return KindNumber
	case reClassName.MatchString(v):
		return KindClass
	case isClassList(v) || strings.Contains(v, ","):
		return KindList
	default:
		return KindString
	}
}

// isClassList reports whether v is a comma-separated list of class names.
func isClassList(v string) bool {
	for _, part := range strings.Split(v, ",") {
		if !reClassName.MatchString(strings.TrimSpace(part)) {
			return false
		}
	}
	return true
}

// suffixKind maps a key-name suffix to a kind.
type suffixKind struct {
	suffix string
	kind   Kind
}

// kindBySuffix returns the kind of the first suffix of table that name
// ends with, else KindString.
func kindBySuffix(name string, table []suffixKind) Kind {
	for _, sk := range table {
		if strings.HasSuffix(name, sk.suffix) {
			return sk.kind
		}
	}
	return KindString
}

// javaNameKinds maps the name suffixes of Hadoop and Hive keys to the kind
// of a key without a default.
var javaNameKinds = []suffixKind{
	{".enabled", KindBool},
	{".enable", KindBool},
	{".port", KindInt},
	{".classes", KindList},
	{".class", KindClass},
	{".impl", KindClass},
}

// hadoopNameKinds adds Hadoop's directory lists to javaNameKinds.
var hadoopNameKinds = append(slices.Clip(javaNameKinds), suffixKind{".dirs", KindList})

// hadoopUnit returns the unit of a plain number for a Hadoop key: the
// reviewed override, else for durations what the description says, else
// what the name says.
func hadoopUnit(p hadoopProperty, kind Kind) string {
	if o, ok := typeOverride(p.Name); ok && o.Unit != "" {
		return o.Unit
	}
	if kind == KindDuration {
		if u := unitFromDoc(p.Doc); u != "" {
			return u
		}
	}
	return unitFromName(p.Name)
}
