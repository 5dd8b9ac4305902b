package compiler

import (
	"fmt"
	"math/big"
	"regexp"
	"strings"
)

// quantityForm is a Kubernetes resource quantity (apimachinery's
// resource.ParseQuantity): a non-negative decimal number and an optional
// binary suffix (Ki ... Ei), decimal suffix (n, u, m, k, M ... E) or
// decimal exponent (e3, E-2).
var quantityForm = regexp.MustCompile(`^([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][-+]?[0-9]+)?$`)

// quantitySuffixes gives each suffix's multiplier.
var quantitySuffixes = map[string]*big.Rat{
	"": big.NewRat(1, 1), "n": big.NewRat(1, 1e9), "u": big.NewRat(1, 1e6), "m": big.NewRat(1, 1e3),
	"k": pow(10, 3), "M": pow(10, 6), "G": pow(10, 9), "T": pow(10, 12), "P": pow(10, 15), "E": pow(10, 18),
	"Ki": pow(2, 10), "Mi": pow(2, 20), "Gi": pow(2, 30), "Ti": pow(2, 40), "Pi": pow(2, 50), "Ei": pow(2, 60),
}

func pow(base, exp int64) *big.Rat {
	return new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(base), big.NewInt(exp), nil))
}

// parseQuantity reads a resource quantity as decoded from CUE: a string
// or a number.
func parseQuantity(v any) (*big.Rat, error) {
	text := strings.TrimSpace(fmt.Sprint(v))
	m := quantityForm.FindStringSubmatch(text)
	if m == nil {
		return nil, fmt.Errorf("%q is not a resource quantity", text)
	}
	number, ok := new(big.Rat).SetString(m[1])
	if !ok {
		return nil, fmt.Errorf("%q is not a resource quantity", text)
	}
	suffix := m[2]
	if len(suffix) > 1 && (suffix[0] == 'e' || suffix[0] == 'E') {
		exp, _ := new(big.Rat).SetString("1" + suffix)
		return number.Mul(number, exp), nil
	}
	return number.Mul(number, quantitySuffixes[suffix]), nil
}

// javaSizeBytes reads a JVM memory size as -Xmx reads it: 512m, 2g, 1024k.
func javaSizeBytes(size string) (*big.Rat, error) {
	units := map[byte]int64{'k': 10, 'm': 20, 'g': 30}
	if size == "" {
		return nil, fmt.Errorf("empty JVM size")
	}
	unit, ok := units[strings.ToLower(size[len(size)-1:])[0]]
	number, okNumber := new(big.Rat).SetString(size[:len(size)-1])
	if !ok || !okNumber {
		return nil, fmt.Errorf("%q is not a JVM size", size)
	}
	return number.Mul(number, pow(2, unit)), nil
}
