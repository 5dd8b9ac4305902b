package compiler

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Source is one profile file: its name, as errors should show it, and its
// contents. The extension of Name (.cue, .yaml, .yml or .json) selects the syntax.
type Source struct {
	Name string
	Data []byte
}

// profileExtensions are the file extensions a profile may use.
var profileExtensions = map[string]bool{".cue": true, ".yaml": true, ".yml": true, ".json": true}

// ReadFiles reads profile files from the operating system. A directory stands
// for every profile file directly inside it, in lexical order. Names keep the
// paths as given, so errors point where the user looks.
func ReadFiles(paths ...string) ([]Source, error) {
	return ProfileReader{}.ReadFiles(paths...)
}

// ReadFS reads profile files from fsys, with the same directory rule as
// ReadFiles; paths are slash-separated, as io/fs requires.
func ReadFS(fsys fs.FS, paths ...string) ([]Source, error) {
	return ProfileReader{}.ReadFS(fsys, paths...)
}

// ProfileReader reads profiles and tells what it leaves out of a directory.
// Of a directory's entries it reads only regular files (or links to them)
// with a profile extension, and no hidden file: an editor's lock or backup
// (.#platform.yaml), a dotfile, a named pipe or a device is skipped.
type ProfileReader struct {
	// Skipped, when set, is told each entry of a directory left out, and why.
	Skipped func(name, why string)
	// MaxBytes bounds the files' total size, checked before reading them;
	// 0 means DefaultMaxInputBytes.
	MaxBytes int
}

// ReadFiles is the package's ReadFiles, reporting skipped entries.
func (pr ProfileReader) ReadFiles(paths ...string) ([]Source, error) {
	return pr.readAll(osReader{}, paths, filepath.Join)
}

// ReadFS is the package's ReadFS, reporting skipped entries.
func (pr ProfileReader) ReadFS(fsys fs.FS, paths ...string) ([]Source, error) {
	return pr.readAll(fsReader{fsys}, paths, path.Join)
}

// reader is the part of a file system the profile reader needs.
type reader interface {
	stat(name string) (fs.FileInfo, error)
	readDir(name string) ([]fs.DirEntry, error)
	readFile(name string) ([]byte, error)
}

func (pr ProfileReader) readAll(r reader, paths []string, join func(...string) string) ([]Source, error) {
	if len(paths) == 0 {
		return nil, fmt.Errorf("no profile given")
	}
	var sources []Source
	total := 0
	for _, p := range paths {
		names, err := pr.expand(r, p, join)
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			if info, err := r.stat(name); err == nil {
				total += int(info.Size())
			}
			if err := sizeWithin(total, pr.MaxBytes); err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			data, err := r.readFile(name)
			if err != nil {
				return nil, fmt.Errorf("%s: cannot read profile: %w", name, unwrapPathError(err))
			}
			sources = append(sources, Source{Name: name, Data: data})
		}
	}
	return sources, nil
}

// expand returns the profile files p stands for: p itself, or the profile
// files of directory p. A named file must be a regular file: reading a pipe
// or a device could block forever.
func (pr ProfileReader) expand(r reader, p string, join func(...string) string) ([]string, error) {
	info, err := r.stat(p)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read profile: %w", p, unwrapPathError(err))
	}
	if !info.IsDir() {
		if !info.Mode().IsRegular() {
			return nil, fmt.Errorf("%s: cannot read profile: not a regular file (%s)", p, fileKind(info.Mode()))
		}
		return []string{p}, nil
	}
	entries, err := r.readDir(p)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read profile directory: %w", p, unwrapPathError(err))
	}
	var names []string
	for _, e := range entries {
		name := join(p, e.Name())
		if why := pr.skipReason(r, name, e); why != "" {
			if pr.Skipped != nil && !e.IsDir() {
				pr.Skipped(name, why)
			}
			continue
		}
		names = append(names, name)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: directory holds no profile file (.cue, .yaml, .yml, .json)", p)
	}
	sort.Strings(names)
	return names, nil
}

// skipReason says why a directory entry is not a profile, or "" if it is.
func (ProfileReader) skipReason(r reader, name string, e fs.DirEntry) string {
	switch {
	case e.IsDir():
		return "a directory"
	case strings.HasPrefix(e.Name(), ".") || strings.HasPrefix(e.Name(), "#"):
		return "a hidden or editor file"
	case !profileExtensions[strings.ToLower(path.Ext(e.Name()))]:
		return "not a profile extension (.cue, .yaml, .yml, .json)"
	}
	// A link is followed; one that cannot be is kept, for reading it to
	// report the error.
	if info, err := r.stat(name); err == nil && !info.Mode().IsRegular() {
		return "not a regular file (" + fileKind(info.Mode()) + ")"
	}
	return ""
}

// fileKind names the type of a file that is not regular.
func fileKind(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeDevice != 0:
		return "a device"
	}
	return mode.Type().String()
}

// unwrapPathError drops the operation and path of a *fs.PathError, which the
// caller already names.
func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

type osReader struct{}

func (osReader) stat(name string) (fs.FileInfo, error)      { return os.Stat(name) }
func (osReader) readDir(name string) ([]fs.DirEntry, error) { return os.ReadDir(name) }
func (osReader) readFile(name string) ([]byte, error)       { return os.ReadFile(name) }

type fsReader struct{ fsys fs.FS }

func (r fsReader) stat(name string) (fs.FileInfo, error)      { return fs.Stat(r.fsys, name) }
func (r fsReader) readDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(r.fsys, name) }
func (r fsReader) readFile(name string) ([]byte, error)       { return fs.ReadFile(r.fsys, name) }

// sourceNames is the set of the profile files' names, which tells a profile
// position from a schema one.
func sourceNames(sources []Source) map[string]bool {
	names := make(map[string]bool, len(sources))
	for _, s := range sources {
		names[s.Name] = true
	}
	return names
}
