package compiler_test

import (
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/bdconf/bdconf/compiler/internal/jdk"
)

// typedValue is one key of testdata/numbers: the text the profile writes,
// and the Java getter that reads the key.
type typedValue struct {
	file, key, written, getter string
}

// numbers are the keys of testdata/numbers/platform.yaml. The getters are
// those the technologies call: Hadoop's Configuration.getFloat
// (Float.parseFloat), getInt/getLong (hexadecimal with 0x) and getBoolean;
// Kafka's ConfigDef DOUBLE, INT, LONG and BOOLEAN (Double.parseDouble,
// Integer.parseInt, Long.parseLong, case-insensitive true/false).
var numbers = []typedValue{
	{"hdfs/hdfs-site.xml", "dfs.namenode.safemode.threshold-pct", "1.0", "Float.parseFloat"},
	{"hdfs/hdfs-site.xml", "dfs.namenode.available-space-block-placement-policy.balanced-space-preference-fraction", ".6e0", "Float.parseFloat"},
	{"hdfs/hdfs-site.xml", "dfs.datanode.ec.reconstruction.xmits.weight", "1.7976931348623157E308", "Float.parseFloat"},
	{"hdfs/hdfs-site.xml", "dfs.bytes-per-checksum", "0x200", "Configuration.getLong"},
	{"hdfs/hdfs-site.xml", "dfs.namenode.handler.count", "+5", "Configuration.getLong"},
	{"hdfs/hdfs-site.xml", "dfs.client.read.prefetch.size", "1_000", "Configuration.getLong"},
	{"hdfs/hdfs-site.xml", "dfs.permissions.enabled", "TRUE", "Configuration.getBoolean"},
	{"hdfs/hdfs-site.xml", "acme.fraction", "0.999f", "Float.parseFloat"},
	{"hdfs/hdfs-site.xml", "acme.hex", "0x10", "Configuration.getLong"},
	{"kafka/broker/server.properties", "log.cleaner.io.max.bytes.per.second", "1.7976931348623157E308", "Double.parseDouble"},
	{"kafka/broker/server.properties", "log.cleaner.min.cleanable.ratio", "0.50", "Double.parseDouble"},
	{"kafka/broker/server.properties", "log.retention.bytes", "9223372036854775807", "Long.parseLong"},
	{"kafka/broker/server.properties", "num.io.threads", "0x8", "Integer.parseInt"},
	{"kafka/broker/server.properties", "log.segment.bytes", "1_073_741_824", "Integer.parseInt"},
	{"kafka/broker/server.properties", "auto.create.topics.enable", "True", "Configuration.getBoolean"},
}

// javaForm matches the written numbers that reach the file as written
// (the others, such as 0x200, as their decimal value).
var javaForm = regexp.MustCompile(`^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$`)

// TestNumbersReadBackByJDK writes testdata/numbers, reads its files back
// with the JDK, requires a number in a form Java reads to be there as
// written, parses each typed value with the getter of its key, and
// requires the number (or boolean) the profile means: what YAML reads in
// the written text (0x200 is 512, 1_000 is 1000, TRUE is true; a quoted
// 0.999f is Java's float literal).
func TestNumbersReadBackByJDK(t *testing.T) {
	res := compileFiles(t, "testdata/numbers")
	tmp := t.TempDir()
	byMode := map[string][]string{}
	for _, n := range res.Natives {
		if mode, flat := jdkModes[n.Format]; flat {
			data, _ := res.File(n.Path)
			file := filepath.Join(tmp, filepath.FromSlash(n.Path))
			writeFile(t, file, data)
			byMode[mode] = append(byMode[mode], file)
		}
	}
	read := map[string]map[string]string{}
	for mode, files := range byMode {
		for file, entries := range jdk.Read(t, mode, files...) {
			read[file] = entries
		}
	}
	var lines []string
	want := map[string]typedValue{}
	for _, n := range numbers {
		file := filepath.Join(tmp, res.Platform, "native", filepath.FromSlash(n.file))
		value, ok := read[file][n.key]
		if !ok {
			t.Fatalf("%s: %s not written", n.file, n.key)
		}
		if javaForm.MatchString(n.written) && value != n.written {
			t.Errorf("%s %s: written %q in the profile, %q in the file", n.file, n.key, n.written, value)
		}
		line := n.getter + "\t" + value
		lines = append(lines, line)
		want[line] = n
	}
	for line, got := range jdk.Parse(t, lines) {
		n := want[line]
		if meant := meaning(t, n); got != meant {
			t.Errorf("%s %s: written %q, read back as %q by %s = %s; the profile means %s",
				n.file, n.key, n.written, strings.TrimPrefix(line, n.getter+"\t"), n.getter, got, meant)
		}
	}
}

// meaning is what the written text means, in the form jdk.Parse returns.
func meaning(t *testing.T, n typedValue) string {
	t.Helper()
	switch n.getter {
	case "Float.parseFloat":
		f, err := strconv.ParseFloat(strings.TrimSuffix(n.written, "f"), 32)
		if err != nil && !math.IsInf(f, 0) {
			t.Fatal(err)
		}
		return fmt.Sprintf("%x", math.Float32bits(float32(f)))
	case "Double.parseDouble":
		f, err := strconv.ParseFloat(n.written, 64)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("%x", math.Float64bits(f))
	case "Configuration.getBoolean":
		return strings.ToLower(n.written)
	}
	i, err := strconv.ParseInt(n.written, 0, 64) // 0x, _ and + as YAML reads them
	if err != nil {
		t.Fatal(err)
	}
	return strconv.FormatInt(i, 10)
}
