// Command etcd is etcd's own server entry point, built in this module so that
// its version is the one Kubernetes itself compiles and tests against.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
