// Package jdk reads native configuration files back with the real JDK, so
// tests can prove that generated files mean what they were meant to mean.
//
// A JDK (17 or later) is a hard requirement of the test suite: java is taken
// from $JAVA_HOME/bin/java when JAVA_HOME is set, otherwise from PATH.
package jdk

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// readBackSource is a single-file Java program run as
// "java ReadBack.java MODE FILE..." that prints file -> key -> value as JSON.
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
		t.Fatalf("jdk.Read: unknown mode %q, want properties or hadoop-xml", mode)
	}
	if len(files) == 0 {
		t.Fatalf("jdk.Read: no files")
	}
	java := javaBinary(t)
	src := filepath.Join(t.TempDir(), "ReadBack.java")
	if err := os.WriteFile(src, readBackSource, 0o644); err != nil {
		t.Fatalf("jdk.Read: %v", err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(java, slices.Concat(jvmFlags, []string{src, mode}, files)...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("jdk.Read: %s %s: %v\n%s", java, mode, err, strings.TrimSpace(stderr.String()))
	}
	var got map[string]map[string]string
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("jdk.Read: decoding ReadBack output: %v\n%s", err, stdout.Bytes())
	}
	return got
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
