package compiler

import (
	"math/big"
	"testing"
)

func TestParseQuantityAsKubernetes(t *testing.T) {
	for in, want := range map[any]*big.Rat{
		"500m": big.NewRat(1, 2), "2": big.NewRat(2, 1), 2: big.NewRat(2, 1), 0.5: big.NewRat(1, 2),
		".5": big.NewRat(1, 2), "1.": big.NewRat(1, 1), "1Ki": big.NewRat(1024, 1), "1.5Gi": big.NewRat(3<<29, 1),
		"1e3": big.NewRat(1000, 1), "1E-3": big.NewRat(1, 1000), "100n": big.NewRat(1, 1e7), "1k": big.NewRat(1000, 1),
	} {
		got, err := parseQuantity(in)
		if err != nil || got.Cmp(want) != 0 {
			t.Errorf("parseQuantity(%v) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []any{"", "1KiB", "-1", "1 Gi", "Gi", "1e", "0x10"} {
		if _, err := parseQuantity(bad); err == nil {
			t.Errorf("parseQuantity(%q) accepted", bad)
		}
	}
}

func TestJavaSizeBytes(t *testing.T) {
	for in, want := range map[string]int64{"512m": 512 << 20, "2g": 2 << 30, "2G": 2 << 30, "1024k": 1 << 20} {
		got, err := javaSizeBytes(in)
		if err != nil || got.Cmp(big.NewRat(want, 1)) != 0 {
			t.Errorf("javaSizeBytes(%q) = %v, %v; want %d", in, got, err, want)
		}
	}
}
