#!/usr/bin/env bash
# Measures the latency the lens adds to a unary grpc-java call on loopback: p50/p90/p99 straight to the server and
# through the lens, with the difference. Bounded: a fixed number of calls (default 20000 per path), then it exits.
#   gatehouse-bench/scripts/lens-latency.sh [calls] [text|jsonl|none]   (none: decode and detect, print nothing)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$root/mvnw" -q -B -f "$root/pom.xml" -pl gatehouse-bench -am -DskipTests package >&2
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)" >&2
exec java -cp "$root/gatehouse-bench/target/benchmarks.jar" dev.gatehouse.bench.LensLatency "${1:-20000}" "${2:-text}"
