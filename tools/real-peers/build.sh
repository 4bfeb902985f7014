#!/usr/bin/env bash
# Builds the real control plane (kube-apiserver, kube-controller-manager, etcd)
# from the k8s.io/kubernetes Go module into the git-ignored cache folder.
# Go's own build cache makes a second run with nothing changed take seconds.
# Usage: tools/real-peers/build.sh [bin-dir]   (default: .cache/real-peers/bin)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/tools/real-peers/versions.env"
bin="${1:-$root/.cache/real-peers/bin}"
mkdir -p "$bin"
command -v go >/dev/null || { echo "build: Go is not installed; install Go >= 1.26 or set KUBEBUILDER_ASSETS to a folder with kube-apiserver and etcd" >&2; exit 2; }

k8s="$KUBERNETES_VERSION"
minor="${k8s#v1.}"; minor="${minor%%.*}"
stamp="k8s.io/component-base/version"
ldflags="-s -w -X $stamp.gitVersion=$k8s -X $stamp.gitMajor=1 -X $stamp.gitMinor=$minor -X $stamp.gitTreeState=clean -X $stamp.buildDate=1970-01-01T00:00:00Z"
cd "$root/tools/real-peers/kube"
CGO_ENABLED=0 GOFLAGS=-mod=readonly go build -trimpath -ldflags "$ldflags" -o "$bin/" \
  k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager ./cmd/etcd
echo "$k8s" > "$bin/.version"
# The CRDs are read from the module at run time, inside a namespace with no network: fetch them now.
for version in $GATEWAY_API_VERSIONS; do
  GOTOOLCHAIN="${GATEWAY_API_GOTOOLCHAIN:-}" GOFLAGS=-mod=mod go mod download "sigs.k8s.io/gateway-api@$version"
done
# The upstream conformance suite (a test binary of our own wrapper module) and upstream's real
# echo-basic, whose pods the node agent runs when upstream's suite is the one testing.
cd "$root/tools/real-peers/conformance"
grep -q "sigs.k8s.io/gateway-api/conformance $GATEWAY_API_CONFORMANCE_VERSION\$" go.mod || { echo "build: tools/real-peers/conformance/go.mod does not require sigs.k8s.io/gateway-api/conformance $GATEWAY_API_CONFORMANCE_VERSION (versions.env)" >&2; exit 2; }
CGO_ENABLED=0 GOFLAGS=-mod=readonly go test -c -trimpath -o "$bin/gwapi-conformance.test" .
CGO_ENABLED=0 GOFLAGS=-mod=readonly go build -trimpath -o "$bin/echo-basic" sigs.k8s.io/gateway-api/conformance/echo-basic
# Traefik, the peer implementation: a release binary, not built here (see fetch-traefik.sh).
"$root/tools/real-peers/fetch-traefik.sh" "$bin"
