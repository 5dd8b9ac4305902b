package compiler

import (
	"math/big"
	"testing"
)

func TestDecimalStringIsExact(t *testing.T) {
	for _, c := range []struct {
		mant string
		exp  int
		want string
	}{
		{"10", -1, "1.0"},
		{"5", -1, "0.5"},
		{"-25", -3, "-0.025"},
		{"1", 3, "1000"},
		{"123456789012345678901234567890", 0, "123456789012345678901234567890"},
		{"17976931348623157", 292, "17976931348623157" + zeros(292)},
	} {
		mant, _ := new(big.Int).SetString(c.mant, 10)
		if got := decimalString(mant, c.exp); got != c.want {
			t.Errorf("decimalString(%s, %d) = %s, want %s", c.mant, c.exp, got, c.want)
		}
	}
}

func zeros(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = '0'
	}
	return string(b)
}

// TestJavaDecimalForms pins which written forms are kept: those Java's
// Long.parseLong or Double.parseDouble read with the value CUE gives them.
func TestJavaDecimalForms(t *testing.T) {
	for text, kept := range map[string]bool{
		"1.0": true, "+5": true, ".5": true, "5.": true, "1e3": true, "-1.5E-300": true,
		"1.7976931348623157E308": true, "0x10": false, "0o17": false, "0b101": false,
		"1_000": false, "1Ki": false, "1K": false,
	} {
		if got := javaDecimal.MatchString(text); got != kept {
			t.Errorf("javaDecimal(%q) = %v, want %v", text, got, kept)
		}
	}
}

func TestSameNumberRefusesAComputedValue(t *testing.T) {
	if sameNumber("3", big.NewInt(4), 0) {
		t.Error("3 taken for 4: a value the schema computed at a literal's position would be written as the literal")
	}
	if !sameNumber("+1.50", big.NewInt(15), -1) {
		t.Error("+1.50 not taken for 1.5")
	}
}
