package compiler

import (
	"cuelang.org/go/cue"
)

// applyMerged writes the values the schema merges from its own item and the
// profile's (#NativeFiles.merged, such as Kafka's config.providers) in place
// of the profile's value, keeping where the profile wrote it; a key the
// profile left out is added with the schema's position.
func (l literals) applyMerged(settings []Setting, merged cue.Value) ([]Setting, error) {
	if !merged.Exists() {
		return settings, nil
	}
	iter, err := merged.Fields()
	if err != nil {
		return nil, err
	}
	for iter.Next() {
		s, err := l.decodeSetting(iter.Selector().Unquoted(), iter.Value())
		if err != nil {
			return nil, err
		}
		settings = replaceOrAppend(settings, s)
	}
	return settings, nil
}

// replaceOrAppend sets the value of the setting with s's key, or appends s.
func replaceOrAppend(settings []Setting, s Setting) []Setting {
	for i := range settings {
		if settings[i].Key == s.Key {
			settings[i].Value = s.Value
			return settings
		}
	}
	return append(settings, s)
}
