package fuzzy

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "abc", 0}, {"replicaz", "replicas", 1},
		{"dfs.replicaton", "dfs.replication", 1}, {"", "abc", 3}, {"kitten", "sitting", 3},
	} {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestClosestOrdersByDistanceAndCaps(t *testing.T) {
	candidates := []string{"dfs.replication.max", "dfs.replication", "dfs.namenode.replication.min", "dfs.replication.min"}
	got := Closest("dfs.replicaton", candidates, 3)
	if diff := cmp.Diff([]string{"dfs.replication"}, got); diff != "" {
		t.Errorf("Closest (-want +got):\n%s", diff)
	}
	if got := Closest("zzzz", candidates, 3); len(got) != 0 {
		t.Errorf("Closest found %v for an unrelated name", got)
	}
}
