package compiler_test

import (
	"strings"
	"testing"

	"github.com/bdconf/bdconf/compiler/catalog"
	"github.com/bdconf/bdconf/compiler/internal/jdk"
)

// grammarProbes are texts at the edges of the Java number and boolean
// parsers: signs, hex, float suffixes, special values, blanks.
var grammarProbes = []string{
	"0", "10", "-1", "+5", " 7 ", "\t8", "1_000", "010", "0x10", "0X1f", "-0x10", "0x-5", "-0x-5", "0x", "0x+1", "+0x1",
	"1.0", "1.", ".5", "-.5", "1e3", "1E-3", "1e", "0.999f", "1.0F", "2d", "1D", "NaN", "-Infinity", "+Infinity", "nan", "inf",
	"0x1.8p1", "0x1p-2f", "0x1.8", "1,5", "", " ", "f", "1f0",
	"true", "FALSE", " True ", "yes", "1", "on",
}

// TestGrammarsAgreeWithJDK requires each grammar modelled on a JDK parser
// to accept exactly what that parser accepts.
func TestGrammarsAgreeWithJDK(t *testing.T) {
	cases := []struct {
		getter  string
		grammar *catalog.Grammar
	}{
		{"Integer.parseInt", catalog.KafkaInt},
		{"Integer.parseInt", catalog.ZooKeeperInt},
		{"Configuration.getInt", catalog.HadoopInt},
		{"Double.parseDouble", catalog.KafkaNumber},
		{"Double.parseDouble", catalog.HadoopNumber},
		{"Configuration.getBoolean", catalog.KafkaBool},
		{"Configuration.getBoolean", catalog.ZooKeeperBool},
	}
	var lines []string
	for _, tt := range cases {
		for _, v := range grammarProbes {
			lines = append(lines, tt.getter+"\t"+v)
		}
	}
	parsed := jdk.Parse(t, lines)
	for _, tt := range cases {
		for _, v := range grammarProbes {
			accepted := !strings.HasPrefix(parsed[tt.getter+"\t"+v], "error: ")
			if got := tt.grammar.Match(v); got != accepted {
				t.Errorf("%s %s %q: grammar accepts %v, the JDK %v", tt.grammar.Name, tt.getter, v, got, accepted)
			}
		}
	}
}
