package catalog

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bdconf/bdconf/compiler/internal/fuzzy"
)

// Find returns the options key is: the exact key wherever a catalog lists
// it, else the patterns whose family holds it. An unknown key is an error
// suggesting up to three close keys.
func Find(options []Option, key string) ([]Option, error) {
	var exact, patterns []Option
	for _, o := range options {
		switch {
		case !o.Pattern && o.Matches(key):
			exact = append(exact, o)
		case o.Pattern && o.Matches(key):
			patterns = append(patterns, o)
		}
	}
	if len(exact) > 0 {
		return exact, nil
	}
	if len(patterns) > 0 {
		return patterns, nil
	}
	return nil, unknownKey(options, key)
}

func unknownKey(options []Option, key string) error {
	var keys []string
	for _, o := range options {
		if !o.Pattern {
			keys = append(keys, o.Key)
		}
	}
	msg := fmt.Sprintf("no catalog knows the key %q", key)
	if close := fuzzy.Closest(key, keys, 3); len(close) > 0 {
		quoted := make([]string, len(close))
		for i, c := range close {
			quoted[i] = strconv.Quote(c)
		}
		msg += "; did you mean " + strings.Join(quoted, " or ") + "?"
	}
	return fmt.Errorf("%s", msg)
}
