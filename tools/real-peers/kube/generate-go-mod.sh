#!/usr/bin/env bash
# Regenerates go.mod for the pinned Kubernetes release. The staging-module
# replace block is read from the downloaded k8s.io/kubernetes go.mod, because
# the set of staging modules changes between minors.
# Usage: generate-go-mod.sh [vX.Y.Z]   (default: the version in ../versions.env)
set -euo pipefail
cd "$(dirname "$0")"
. ../versions.env
k8s="${1:-$KUBERNETES_VERSION}"
staging="v0.${k8s#v1.}"
export GOFLAGS=-mod=mod
mod_file="$(go mod download -json "k8s.io/kubernetes@$k8s" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",$/\1/p')"
[ -f "$mod_file" ] || { echo "generate-go-mod: could not download k8s.io/kubernetes@$k8s" >&2; exit 2; }

rm -f go.mod go.sum
go mod init grpcroute-conformance.invalid/real-peers/kube >/dev/null 2>&1
go mod edit -go=1.26.0
sed -n 's#^[[:space:]]*\(k8s\.io/[a-z0-9-]*\) => \./staging/src/.*#\1#p' "$mod_file" | while read -r module; do
  go mod edit -replace="$module=$module@$staging"
done
go mod edit -require="k8s.io/kubernetes@$k8s"
go get "k8s.io/kubernetes/cmd/kube-apiserver@$k8s" "k8s.io/kubernetes/cmd/kube-controller-manager@$k8s"
go mod tidy
