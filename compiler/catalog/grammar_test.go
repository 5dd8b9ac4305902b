package catalog_test

import (
	"testing"

	"github.com/bdconf/bdconf/compiler/catalog"
)

// TestGrammars checks each grammar against what the Java parser it models
// accepts and refuses (the accepted forms are read back by the JDK in
// compiler/jdk_test.go where the JDK can).
func TestGrammars(t *testing.T) {
	for _, tt := range []struct {
		g        *catalog.Grammar
		accepted []string
		refused  []string
	}{
		{catalog.HadoopInt, []string{"10", " -1 ", "+5", "0x10", "0XfF", "-0x10", "0x-5"}, []string{"", "1.0", "0x", "-0x-5", "1e3", "10k"}},
		{catalog.HadoopNumber, []string{"0.999f", "1.0F", "1e3", "-.5d", "NaN", "-Infinity", "0x1.8p1", "1."}, []string{"", "f", "1,5", "0x1.8", "nan"}},
		{catalog.HadoopBool, []string{"true", "FALSE", " True ", ""}, []string{"yes", "1", "on"}},
		{catalog.HadoopDuration, []string{"30", "30s", "500MS", "-1", "2h", "1d", "10ns"}, []string{"3 s", "1.5h", "10w", "s"}},
		{catalog.HadoopSize, []string{"1048576", "128m", "1G", "0", "-1"}, []string{"1.5g", "128mb", "1 g", "10x"}},
		{catalog.HadoopPermission, []string{"750", "0755", "1777", "022", "u=rwx,g=rx,o=", "a+rX"}, []string{"75", "800", "0955", "rwxr-x---"}},
		{catalog.KafkaInt, []string{"4", " 4 ", "-1", "+2"}, []string{"4.0", "0x10", ""}},
		{catalog.KafkaBool, []string{"true", "FALSE"}, []string{"", "yes"}},
		{catalog.ZooKeeperBool, []string{"true", "False"}, []string{"yes", "ture"}},
	} {
		for _, v := range tt.accepted {
			if !tt.g.Match(v) {
				t.Errorf("%s refuses %q", tt.g.Name, v)
			}
		}
		for _, v := range tt.refused {
			if tt.g.Match(v) {
				t.Errorf("%s accepts %q", tt.g.Name, v)
			}
		}
	}
}

func TestDescribe(t *testing.T) {
	if d, ok := catalog.DescribeType("hadoop", "#Size"); !ok || d != "a size such as 1048576, 128m or 1g: an integer of bytes with an optional suffix k, m, g, t, p or e" {
		t.Errorf("DescribeType: %q %v", d, ok)
	}
	if d, ok := catalog.DescribePattern(catalog.HadoopDuration.Text + "|" + catalog.HadoopExpansion.String()); !ok || d != catalog.HadoopDuration.Describe {
		t.Errorf("DescribePattern: %q %v", d, ok)
	}
}
