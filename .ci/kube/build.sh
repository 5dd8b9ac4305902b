#!/usr/bin/env bash
# build.sh - build etcd and kube-apiserver for the end-to-end suite from the
# Go module proxy and print the directory that holds them (for
# BDCONF_KUBE_BIN). Progress goes to stderr, the directory alone to stdout.
#
#   BDCONF_KUBE_BIN=$(.ci/kube/build.sh)
#
# Versions come from the committed wrapper modules (apiserver/go.mod,
# etcd/go.mod; regenerate them with update.sh), built with -mod=readonly so
# go.sum pins every dependency. The binaries are cached per machine under
# ${XDG_CACHE_HOME:-$HOME/.cache}/bdconf/kube/<kubernetes version>/ (or
# $BDCONF_KUBE_CACHE), and a binary whose --version already matches is not
# rebuilt. A cold kube-apiserver build takes about 6 minutes and 1.8 GB of
# memory on 2 cores; etcd about 1 minute.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
GO=${GO:-go}
export CGO_ENABLED=0 GOFLAGS="-mod=readonly -buildvcs=false"

# pinned MODULE DIR prints the version of MODULE that the wrapper in DIR requires.
pinned() {
	(cd "$here/$2" && "$GO" list -m -f '{{.Version}}' "$1")
}

k8s=$(pinned k8s.io/kubernetes apiserver) # v1.34.4
etcd=$(pinned go.etcd.io/etcd/server/v3 etcd) # v3.6.4
bin=${BDCONF_KUBE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/bdconf/kube/$k8s}
mkdir -p "$bin"

# version_ldflags sets the version that kube-apiserver reports; without them
# it reports v0.0.0-master+$Format:%H$, which clients cannot parse.
version_ldflags() {
	local minor=${k8s#v1.} p flags="-s -w"
	minor=${minor%%.*}
	for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
		flags+=" -X $p.gitVersion=$k8s -X $p.gitMajor=1 -X $p.gitMinor=$minor -X $p.gitTreeState=clean"
	done
	printf '%s' "$flags"
}

# build NAME DIR PACKAGE LDFLAGS builds PACKAGE in wrapper module DIR into
# $bin/NAME, through a temporary file so an interrupted build leaves no
# half-written binary.
build() {
	local start=$SECONDS
	echo "building $1 from .ci/kube/$2 (cold: minutes) ..." >&2
	(cd "$here/$2" && "$GO" build -trimpath -ldflags "$4" -o "$bin/$1.tmp" "$3")
	mv "$bin/$1.tmp" "$bin/$1"
	echo "built $bin/$1 in $((SECONDS - start))s" >&2
}

if "$bin/etcd" --version 2>/dev/null | grep -qx "etcd Version: ${etcd#v}"; then
	echo "etcd ${etcd#v} is cached in $bin" >&2
else
	build etcd etcd . "-s -w"
fi
if "$bin/kube-apiserver" --version 2>/dev/null | grep -qx "Kubernetes $k8s"; then
	echo "kube-apiserver $k8s is cached in $bin" >&2
else
	build kube-apiserver apiserver k8s.io/kubernetes/cmd/kube-apiserver "$(version_ldflags)"
fi
echo "$bin"
