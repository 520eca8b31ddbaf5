#!/usr/bin/env bash
# Builds the grpc-go peer with Debian's Go and Debian's Go sources (GOPATH mode, no module download).
# Prints the binary's path. A no-op when the binary is newer than the sources.
#   build.sh [OUTPUT]   default: gatehouse-testing/target-go-peer/go-peer (ignored by git like every target-*)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${1:-$HERE/../../../../target-go-peer/go-peer}"
mkdir -p "$(dirname "$OUT")"
OUT="$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")"
if [ ! -x "$OUT" ] || [ "$HERE/main.go" -nt "$OUT" ] || [ "${BASH_SOURCE[0]}" -nt "$OUT" ]; then
  command -v go >/dev/null || { echo "go not found: run scripts/install-test-deps" >&2; exit 3; }
  [ -d /usr/share/gocode/src/google.golang.org/grpc ] \
    || { echo "grpc-go sources not found in /usr/share/gocode: run scripts/install-test-deps" >&2; exit 3; }
  # Build beside the target, then rename, so a concurrent run never starts a half-written binary.
  (cd "$HERE" && GO111MODULE=off GOPATH=/usr/share/gocode GOFLAGS= go build -o "$OUT.tmp.$$" main.go)
  mv -f "$OUT.tmp.$$" "$OUT"
fi
echo "$OUT"
