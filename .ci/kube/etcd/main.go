// Command etcd is etcd's own server, built from the Go module proxy for the
// end-to-end suite (etcd's root module has replace directives, so it cannot
// be built with "go install pkg@version").
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
