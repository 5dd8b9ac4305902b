package compiler

import (
	"sync"

	"github.com/bdconf/bdconf/compiler/catalog"
	"github.com/bdconf/bdconf/schema"
)

// embeddedOptions reads the options of every embedded catalog (syntax
// only), once: the Go checks that need a key's catalog facts call it only
// when a profile gives them something to check, as reading costs about
// as much as a compile.
var embeddedOptions = sync.OnceValues(func() ([]catalog.Option, error) {
	return catalog.Load(schema.FS)
})

// optionFor returns the option of options that key is: the key itself,
// else the last pattern whose family holds it.
func optionFor(options []catalog.Option, key string) (catalog.Option, bool) {
	var family catalog.Option
	found := false
	for _, o := range options {
		if !o.Matches(key) {
			continue
		}
		if !o.Pattern {
			return o, true
		}
		family, found = o, true
	}
	return family, found
}
