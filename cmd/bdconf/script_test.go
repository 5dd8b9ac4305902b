package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/bdconf/bdconf/cmd/bdconf/internal/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"bdconf": func() { os.Exit(cli.Main()) },
	})
}

// TestScripts runs testdata/script/*.txtar; BDCONF_UPDATE=1 rewrites the
// expected output in the scripts from what bdconf prints.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       os.Getenv("BDCONF_UPDATE") != "",
	})
}
