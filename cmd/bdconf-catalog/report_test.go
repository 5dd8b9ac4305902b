package main

import "testing"

func TestReport(t *testing.T) {
	want := "demo.xml: 7 keys: string 3, duration 1, enum 1, enum-list 1, int 1; 1 patterns, 1 deprecated, 1 secret"
	if got := report(testCatalog()); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
