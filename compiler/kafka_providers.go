package compiler

import (
	"fmt"
	"strings"
)

// checkProviderClasses requires the class of every config provider a
// server.properties lists: Kafka skips a name without one
// (AbstractConfig.instantiateConfigProviders), leaving its ${name:...}
// references unexpanded. The error sits where the profile wrote
// config.providers, once for the roles that share it.
func checkProviderClasses(files map[string]nativeFile, sources []Source) error {
	inProfile := sourceNames(sources)
	return eachServerProperties(files, func(settings []Setting) []Diagnostic {
		return missingProviderClasses(settings, inProfile)
	})
}

// missingProviderClasses lists a diagnostic per provider of the file's
// config.providers (as the profile set it) that has no class.
func missingProviderClasses(settings []Setting, inProfile map[string]bool) []Diagnostic {
	byKey := settingsByKey(settings)
	providers, ok := byKey["config.providers"]
	if !ok || !inProfile[providers.Origin.File] {
		return nil
	}
	var out []Diagnostic
	// Kafka splits on "," without trimming; an empty name (a trailing
	// comma) names no provider.
	for _, name := range strings.Split(providers.Value, ",") {
		if _, hasClass := byKey["config.providers."+name+".class"]; name != "" && !hasClass {
			out = append(out, Diagnostic{
				Pos:     providers.Origin,
				Path:    `"config.providers"`,
				Message: fmt.Sprintf("config.providers lists %s, whose config.providers.%s.class is not set: Kafka would skip it and leave ${%s:...} unexpanded", name, name, name),
			})
		}
	}
	return out
}
