package main

import (
	"regexp"
	"strings"
)

// nameUnits maps key-name suffixes to the unit of a plain number, following
// the naming conventions of Hadoop (".ms", "Msec", "-sec"), Kafka (".ms",
// ".seconds", ".bytes") and ZooKeeper ("Ms", "InMS", "InKb"). The first
// matching suffix wins, so longer, more specific suffixes come first; an
// empty unit stops the search (a rate such as "ms per second" has no unit).
var nameUnits = []struct{ suffix, unit string }{
	{".bytes.per.second", "B/s"},
	{"bandwidthPerSec", "B/s"},
	{"InMBperSec", "MB/s"},
	{".per.sec", ""},
	{"-microsec", "us"},
	{".ms", "ms"},
	{"-ms", "ms"},
	{".msec", "ms"},
	{"Msec", "ms"},
	{".millis", "ms"},
	{"Millis", "ms"},
	{"InMS", "ms"},
	{"Ms", "ms"},
	{".sec", "s"},
	{"-sec", "s"},
	{"-secs", "s"},
	{"-seconds", "s"},
	{".secs", "s"},
	{".seconds", "s"},
	{"InSeconds", "s"},
	{".minutes", "m"},
	{".hours", "h"},
	{".bytes", "B"},
	{"InKb", "KiB"},
}

// unitFromName returns the unit a key's name implies for a plain number.
func unitFromName(name string) string {
	for _, u := range nameUnits {
		if strings.HasSuffix(name, u.suffix) {
			return u.unit
		}
	}
	return ""
}

var (
	reAssumedUnit = regexp.MustCompile(`(?i)\b(nanoseconds|microseconds|milliseconds|seconds|minutes|hours|days)\s+(?:is|are)\s+assumed`)
	reNumberIn    = regexp.MustCompile(`(?i)complete number in (milliseconds|seconds)`)
)

// durationUnits maps the unit words of descriptions to unit suffixes.
var durationUnits = map[string]string{
	"nanoseconds":  "ns",
	"microseconds": "us",
	"milliseconds": "ms",
	"seconds":      "s",
	"minutes":      "m",
	"hours":        "h",
	"days":         "d",
}

// unitFromDoc returns the unit an upstream description says a duration
// without suffix is read in ("... seconds is assumed"), or "".
func unitFromDoc(doc string) string {
	for _, re := range []*regexp.Regexp{reAssumedUnit, reNumberIn} {
		if m := re.FindStringSubmatch(doc); m != nil {
			return durationUnits[strings.ToLower(m[1])]
		}
	}
	return ""
}
