// Package jdk reads native configuration files back with the real JDK, so
// tests can prove that generated files mean what they were meant to mean:
// Java properties and Hadoop XML (Read), krb5.conf (ReadKrb5) and JAAS login
// configurations (ReadJAAS); Parse applies the getters that read typed
// values.
//
// A JDK (17 or later) is a hard requirement of the test suite: java is taken
// from $JAVA_HOME/bin/java when JAVA_HOME is set, otherwise from PATH.
package jdk

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// readBackSource is a single-file Java program run as
// "java [JVM options] ReadBack.java MODE FILE..." that prints file -> content
// as JSON.
//
//go:embed ReadBack.java
var readBackSource []byte

// jvmFlags shorten start-up of the short-lived JVM (C1 only is ~0.15 s
// faster); the flags are ignored by JVMs that do not know them.
var jvmFlags = []string{"-XX:+IgnoreUnrecognizedVMOptions", "-XX:TieredStopAtLevel=1"}

// Read loads every file with the JDK in one java process and returns file -> key -> value.
// mode is "properties" or "hadoop-xml". It calls t.Fatalf when java is missing or fails
// (java is a hard requirement of the test suite; CI installs a JDK).
func Read(t testing.TB, mode string, files ...string) map[string]map[string]string {
	t.Helper()
	if mode != "properties" && mode != "hadoop-xml" {
		t.Fatalf("jdk.Read: unknown mode %q, want properties or hadoop-xml (ReadKrb5 and ReadJAAS read the nested formats)", mode)
	}
	var got map[string]map[string]string
	decode(t, run(t, mode, nil, files), &got)
	return got
}

// Parse applies Java's getters to texts in one java process: parsed maps
// each "getter\ttext" of lines to the result, floats and doubles as their
// IEEE bits in hex (Float.floatToIntBits, Double.doubleToLongBits),
// integers in decimal, booleans as true or false, "error: ..." when the
// getter refuses the text. Getters: Float.parseFloat, Double.parseDouble,
// Integer.parseInt, Long.parseLong, Configuration.getInt and getLong
// (Hadoop's, hexadecimal with 0x) and Configuration.getBoolean (Hadoop's,
// case-insensitive).
func Parse(t testing.TB, lines []string) (parsed map[string]string) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "parse.tsv")
	if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatalf("jdk.Parse: %v", err)
	}
	var got map[string]map[string]string
	decode(t, run(t, "parse", nil, []string{file}), &got)
	return got[file]
}

// krb5Opens lets ReadBack build sun.security.krb5.Config and read its table.
var krb5Opens = []string{"--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED"}

// ReadKrb5 loads every file with the JDK's sun.security.krb5.Config in one
// java process: for each file it sets java.security.krb5.conf and runs the
// constructor that Config.getInstance() runs, then dumps the whole parsed
// table. It returns file -> section -> tree, where a relation's values are a
// []string in file order and a subsection is a map[string]any of the same
// shape. It calls t.Fatalf when java is missing or the JDK rejects a file.
func ReadKrb5(t testing.TB, files ...string) map[string]map[string]any {
	t.Helper()
	var raw map[string]map[string]any
	decode(t, run(t, "krb5", krb5Opens, files), &raw)
	for file, sections := range raw {
		for name, v := range sections {
			tree, err := krb5Tree(v)
			if err != nil {
				t.Fatalf("jdk.ReadKrb5: %s: section %q: %v", file, name, err)
			}
			sections[name] = tree
		}
	}
	return raw
}

// krb5Tree converts decoded JSON to the ReadKrb5 shape: lists of strings
// become []string, objects map[string]any.
func krb5Tree(v any) (any, error) {
	switch v := v.(type) {
	case map[string]any:
		for k, sub := range v {
			tree, err := krb5Tree(sub)
			if err != nil {
				return nil, fmt.Errorf("%q: %w", k, err)
			}
			v[k] = tree
		}
		return v, nil
	case []any:
		values := make([]string, len(v))
		for i, s := range v {
			str, ok := s.(string)
			if !ok {
				return nil, fmt.Errorf("value %d is %T, want a string", i, s)
			}
			values[i] = str
		}
		return values, nil
	default:
		return nil, fmt.Errorf("unexpected %T", v)
	}
}

// LoginModule is one login module of a JAAS application as the JDK read it.
type LoginModule struct {
	Class   string            `json:"class"`
	Flag    string            `json:"flag"` // required, requisite, sufficient or optional
	Options map[string]string `json:"options"`
}

// jaasOpens let ReadBack list the application names that ConfigFile parsed.
var jaasOpens = []string{
	"--add-opens=jdk.security.auth/com.sun.security.auth.login=ALL-UNNAMED",
	"--add-opens=java.base/sun.security.provider=ALL-UNNAMED",
}

// ReadJAAS loads every file with the JDK's com.sun.security.auth.login.ConfigFile
// in one java process started with the system properties props (-Dname=value,
// for ${name} expansion) and returns file -> application -> modules in file
// order. It calls t.Fatalf when java is missing or the JDK rejects a file.
func ReadJAAS(t testing.TB, props map[string]string, files ...string) map[string]map[string][]LoginModule {
	t.Helper()
	args := slices.Clone(jaasOpens)
	for _, name := range slices.Sorted(maps.Keys(props)) {
		args = append(args, "-D"+name+"="+props[name])
	}
	var got map[string]map[string][]LoginModule
	decode(t, run(t, "jaas", args, files), &got)
	return got
}

// run starts ReadBack in mode on files with the extra JVM options and
// returns its standard output.
func run(t testing.TB, mode string, options, files []string) []byte {
	t.Helper()
	if len(files) == 0 {
		t.Fatalf("jdk.Read: no files")
	}
	return runSource(t, "ReadBack.java", readBackSource, options, append([]string{mode}, files...))
}

// runSource runs the single-file Java program source, saved as name, with
// the extra JVM options and program args, and returns its standard output.
func runSource(t testing.TB, name string, source []byte, options, args []string) []byte {
	t.Helper()
	java := javaBinary(t)
	src := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(src, source, 0o644); err != nil {
		t.Fatalf("jdk: %v", err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(java, slices.Concat(jvmFlags, options, []string{src}, args)...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("jdk: %s %s %s: %v\n%s", java, name, strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return stdout.Bytes()
}

// decode unmarshals ReadBack's output into v.
func decode(t testing.TB, out []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(out, v); err != nil {
		t.Fatalf("jdk.Read: decoding ReadBack output: %v\n%s", err, out)
	}
}

// javaBinary returns $JAVA_HOME/bin/java if JAVA_HOME is set, else java
// from PATH; it calls t.Fatalf when neither exists.
func javaBinary(t testing.TB) string {
	t.Helper()
	name := "java"
	if home := os.Getenv("JAVA_HOME"); home != "" {
		name = filepath.Join(home, "bin", "java")
	}
	path, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("jdk.Read: java not found (%v); the tests need a JDK 17+ on PATH or in $JAVA_HOME", err)
	}
	return path
}
