// Package compiler turns bdconf profiles into the native configuration files
// of each technology and the Kubernetes objects that run them.
//
// Compile unifies the profiles with the embedded schema, validates them,
// and renders the result; it touches no disk. Package outdir writes a Result.
package compiler

import (
	"context"
	"errors"
	"sort"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/cuecontext"

	"github.com/bdconf/bdconf/compiler/native"
)

// Options says what to compile.
type Options struct {
	// Sources are the profile files, unified together: layers that set the
	// same key must agree.
	Sources []Source
	// MaxInputBytes bounds the profiles' total size; 0 means
	// DefaultMaxInputBytes. Evaluation time is bounded by Compile's context.
	MaxInputBytes int
}

// Result is everything a build writes, in a stable order.
type Result struct {
	// Platform is the platform name: every path in Files starts with it.
	Platform string
	// Files are sorted by Path. Paths are slash-separated and relative to the
	// output directory: <platform>/native/... and <platform>/kubernetes/...
	Files []File
	// Natives describe the native files among Files, sorted by Path: the
	// key/values each holds, as the compiler meant them before escaping.
	Natives []Native
	// Warnings are problems that do not stop the build, such as deprecated
	// keys, each at its profile position.
	Warnings []Diagnostic
	// Kerberos describes the platform's principals; nil without Kerberos.
	Kerberos *KerberosDescriptor
}

// Native is what one native file of a Result says.
type Native struct {
	Path     string
	Format   native.Format
	Settings []Setting // sorted by key; none in a nested format
	// Nested is what a nested format (krb5.conf, JAAS) holds:
	// map[string]map[string]any (section -> relations) for krb5.conf,
	// map[string][]native.LoginModule for JAAS.
	Nested any
}

// Entries returns the key/values of the file, as its writer received them.
func (n Native) Entries() []native.Entry { return entries(n.Settings) }

// File returns the contents of the output file at path, if there is one.
func (r *Result) File(path string) ([]byte, bool) {
	for _, f := range r.Files {
		if f.Path == path {
			return f.Data, true
		}
	}
	return nil, false
}

// File is one output file.
type File struct {
	Path string
	Data []byte
}

// Compile validates the profiles and renders the platform they describe.
// Invalid input yields an *Error listing every problem at its position; a
// failure of bdconf itself, an *InternalError. Compile returns when ctx is
// done, with a *LimitError (see withContext for what keeps running).
func Compile(ctx context.Context, opts Options) (*Result, error) {
	if len(opts.Sources) == 0 {
		return nil, errors.New("no profile given")
	}
	if err := checkInputSize(opts); err != nil {
		return nil, err
	}
	return withContext(ctx, func() (*Result, error) { return compile(ctx, opts) })
}

// compile is Compile's work, in one goroutine.
func compile(ctx context.Context, opts Options) (_ *Result, err error) {
	defer recoverInternal(&err, opts.Sources)
	platform, profile, written, err := evaluate(cuecontext.New(), opts.Sources)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p, err := decodePlan(platform.LookupPath(cue.MakePath(cue.Def("out"))), written)
	if err != nil {
		return nil, err
	}
	if err := checkObjectNames(p.platform, p.objects, profile, opts.Sources); err != nil {
		return nil, err
	}
	if err := checkResources(platform, p.objects, profile, opts.Sources); err != nil {
		return nil, err
	}
	if err := checkPortClashes(p.objects, profile, opts.Sources); err != nil {
		return nil, err
	}
	warnings, err := checkDeprecations(p.files, opts.Sources)
	if err != nil {
		return nil, err
	}
	if err := checkValues(p.files, opts.Sources); err != nil {
		return nil, err
	}
	res, err := render(p)
	if err != nil {
		return nil, err
	}
	res.Warnings = warnings
	return res, nil
}

// checkValues runs the Go checks of native values, reporting the problems
// of all of them at once.
func checkValues(files map[string]nativeFile, sources []Source) error {
	all := &Error{}
	for _, check := range []func(map[string]nativeFile, []Source) error{checkExpansions, checkCompositeSecrets, checkKafkaValues, checkProviderClasses, checkNumericText} {
		err := check(files, sources)
		var e *Error
		if errors.As(err, &e) {
			all.Diagnostics = append(all.Diagnostics, e.Diagnostics...)
		} else if err != nil {
			return err
		}
	}
	if len(all.Diagnostics) > 0 {
		sort.SliceStable(all.Diagnostics, func(i, j int) bool { return lessPos(all.Diagnostics[i].Pos, all.Diagnostics[j].Pos) })
		return all
	}
	return nil
}

// evaluate unifies the profiles with #Platform and validates the result;
// it returns the unified platform, the profiles alone and the text of the
// numbers they write.
func evaluate(ctx *cue.Context, sources []Source) (platform, profile cue.Value, written literals, err error) {
	profile, written, err = buildProfile(ctx, sources)
	var internal *InternalError
	if errors.Is(err, errUnsupportedType) || errors.As(err, &internal) {
		return cue.Value{}, cue.Value{}, nil, err
	} else if err != nil {
		return cue.Value{}, cue.Value{}, nil, newError(err, cue.Value{}, cue.Value{}, sources)
	}
	schemaPlatform, err := loadSchema(ctx, usedComponents(profile))
	if err != nil {
		return cue.Value{}, cue.Value{}, nil, err
	}
	platform = schemaPlatform.Unify(profile)
	refused, err := refuseOwnedKeys(profile, platform)
	if err != nil {
		return cue.Value{}, cue.Value{}, nil, err
	}
	if err := platform.Validate(cue.Concrete(true)); err != nil {
		return cue.Value{}, cue.Value{}, nil, withRefusals(refused, dropConsequences(newError(err, profile, schemaPlatform.Unify(profile), sources), profile, schemaPlatform))
	}
	out := platform.LookupPath(cue.MakePath(cue.Def("out")))
	if err := out.Validate(cue.Concrete(true)); err != nil {
		return cue.Value{}, cue.Value{}, nil, withRefusals(refused, dropConsequences(newError(err, profile, platform, sources), profile, schemaPlatform))
	}
	if len(refused) > 0 {
		return cue.Value{}, cue.Value{}, nil, withRefusals(refused, &Error{})
	}
	return platform, profile, written, nil
}
