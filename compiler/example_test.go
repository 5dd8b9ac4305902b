package compiler_test

import (
	"context"
	"fmt"

	"github.com/bdconf/bdconf/compiler"
)

// Compile works from bytes, without a disk; Result.Files is what
// `bdconf build` would write.
func Example() {
	profile := []byte(`
name: demo
zookeeper:
  server: {replicas: 3}
`)
	res, err := compiler.Compile(context.Background(), compiler.Options{
		Sources: []compiler.Source{{Name: "demo.yaml", Data: profile}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range res.Files {
		fmt.Println(f.Path)
	}
	// Output:
	// demo/kubernetes/configmap-demo-zookeeper-server.yaml
	// demo/kubernetes/kustomization.yaml
	// demo/kubernetes/namespace-demo.yaml
	// demo/kubernetes/networkpolicy-demo-default-deny.yaml
	// demo/kubernetes/networkpolicy-demo-zookeeper-server.yaml
	// demo/kubernetes/poddisruptionbudget-demo-zookeeper-server.yaml
	// demo/kubernetes/service-demo-zookeeper-server.yaml
	// demo/kubernetes/serviceaccount-demo-zookeeper.yaml
	// demo/kubernetes/statefulset-demo-zookeeper-server.yaml
	// demo/native/zookeeper/zoo.cfg
}

// An invalid profile yields a *compiler.Error whose diagnostics name the
// file, line, column and path of each problem.
func Example_error() {
	profile := []byte(`
name: demo
hdfs:
  datanode: {replicas: 0}
`)
	_, err := compiler.Compile(context.Background(), compiler.Options{
		Sources: []compiler.Source{{Name: "demo.yaml", Data: profile}},
	})
	fmt.Println(err)
	// Output:
	// demo.yaml:4:24: hdfs.datanode.replicas: invalid value 0 (out of bound >=1)
}
