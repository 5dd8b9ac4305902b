package catalog

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bdconf/bdconf/compiler/internal/fuzzy"
)

// Find returns the options key is: the exact key wherever a catalog lists
// it, else the patterns whose family holds it. Catch-all patterns (krb5.conf
// realm and domain names, which may be anything) count only for a key that
// is not a near miss of a listed one. An unknown key is an error suggesting
// up to three close keys.
func Find(options []Option, key string) ([]Option, error) {
	var exact, families, catchAll []Option
	for _, o := range options {
		switch {
		case !o.Matches(key):
		case !o.Pattern:
			exact = append(exact, o)
		case o.matcher.catchAll():
			catchAll = append(catchAll, o)
		default:
			families = append(families, o)
		}
	}
	close := fuzzy.Closest(key, listedKeys(options), 3)
	switch {
	case len(exact) > 0:
		return exact, nil
	case len(families) > 0:
		return families, nil
	case len(catchAll) > 0 && len(close) == 0:
		return catchAll, nil
	}
	return nil, unknownKey(key, close)
}

func listedKeys(options []Option) []string {
	var keys []string
	for _, o := range options {
		if !o.Pattern {
			keys = append(keys, o.Key)
		}
	}
	return keys
}

func unknownKey(key string, close []string) error {
	msg := fmt.Sprintf("no catalog knows the key %q", key)
	if len(close) > 0 {
		quoted := make([]string, len(close))
		for i, c := range close {
			quoted[i] = strconv.Quote(c)
		}
		msg += "; did you mean " + strings.Join(quoted, " or ") + "?"
	}
	return fmt.Errorf("%s", msg)
}
