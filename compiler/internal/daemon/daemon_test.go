package daemon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestStartStop runs a shell that logs, ignores nothing and sleeps: Stop
// ends it within the grace period, Exited and State see it, and the log
// holds its output.
func TestStartStop(t *testing.T) {
	dir := t.TempDir()
	p, err := Start(dir, "/bin/sh", nil, "-c", "echo one; echo two; echo three; exec sleep 60")
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return strings.Contains(Tail(5, p.Log), "three") })
	if p.Exited() || p.State() != nil {
		t.Fatal("a sleeping child reports it has exited")
	}
	start := time.Now()
	p.Stop()
	p.Stop() // a second Stop does nothing
	if !p.Exited() || p.State() == nil || time.Since(start) > GracePeriod {
		t.Fatalf("Stop: exited %v, state %v after %v", p.Exited(), p.State(), time.Since(start))
	}
	if got := Tail(2, p.Log); got != "two\nthree" {
		t.Errorf("Tail(2) = %q, want the last two lines", got)
	}
}

// TestStopKillsTheGroup proves Stop ends the child's own children too.
func TestStopKillsTheGroup(t *testing.T) {
	dir := t.TempDir()
	pidFile := filepath.Join(dir, "grandchild")
	p, err := Start(dir, "/bin/sh", nil, "-c", "sleep 60 & echo $! > "+pidFile+"; wait")
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { data, _ := os.ReadFile(pidFile); return len(data) > 0 })
	data, _ := os.ReadFile(pidFile)
	p.Stop()
	waitFor(t, func() bool { return gone(strings.TrimSpace(string(data))) })
}

// gone tells a process that no longer runs: absent, or a zombie that its
// new parent has not reaped yet.
func gone(pid string) bool {
	stat, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return true
	}
	fields := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
	return len(fields) > 0 && fields[0] == "Z"
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 5s")
		}
	}
}

// TestKillIsImmediate proves Kill does not wait for a child that ignores
// SIGTERM, as Stop would.
func TestKillIsImmediate(t *testing.T) {
	p, err := Start(t.TempDir(), "/bin/sh", nil, "-c", "trap '' TERM; echo ready; while :; do sleep 1; done")
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return strings.Contains(Tail(1, p.Log), "ready") })
	start := time.Now()
	p.Kill()
	if !p.Exited() || time.Since(start) > time.Second {
		t.Fatalf("Kill: exited %v after %v", p.Exited(), time.Since(start))
	}
}
