#!/usr/bin/env bash
# W4: server streaming through the gateway (docs/benchmarks.md, "W4: server streaming").
#
#   gatehouse-bench/scripts/gateway-w4.sh [--no-build] [--quick]
#
# GET /v1/shelves/<n>:watch -> n messages of ~250 B, newline-delimited JSON, over HTTP/1.1.
# Three processes on 127.0.0.1 only: StreamBackend (grpc-java, flow-controlled WatchShelf), the gateway
# (BenchGateway, one event loop, access log off) and the load generators. Pinning: gateway on CPU 0, backend and
# clients on CPU 1. Reported:
#   - messages/s: h2load --h1, CONNECTIONS concurrent streams of 1000 messages, DURATION s, after a warm-up;
#   - time to first message: curl's time_starttransfer (headers are held until the first message), median of 50;
#   - peak RSS (VmHWM) of the gateway process, for streams of 1000 and of 100000 messages, each on a fresh gateway
#     after the same warm-up, so that RSS independent of the stream's length shows.
# Every step is bounded (request counts, durations, timeouts); all processes stop with the script.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$root/gatehouse-bench/scripts/programs.sh"
target="${GATEHOUSE_TARGET:-target}"
jar="$root/gatehouse-bench/$target/benchmarks.jar"
build=1
CONNECTIONS="${CONNECTIONS:-4}"
DURATION="${DURATION:-10}"
WARMUP_STREAMS="${WARMUP_STREAMS:-2000}"
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --quick) DURATION=3 WARMUP_STREAMS=300 ;;
    *) echo "unknown argument: $arg (expected: --no-build, --quick)" >&2; exit 2 ;;
  esac
done
JVM_FLAGS=(-Xms512m -Xmx512m -XX:+UseParallelGC)

for tool in h2load curl taskset; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install nghttp2-client curl util-linux)" >&2; exit 1; }
done

work="$(mktemp -d /tmp/gatehouse-w4.XXXXXX)"

start_program() { # start_program NAME CPU MAIN ARGS... -> sets $port and $pid
  local name="$1" cpu="$2"; shift 2
  launch_program "$name" taskset -c "$cpu" java "${JVM_FLAGS[@]}" -cp "$jar" "$@"
}

peak_rss_mib() { awk '/^VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

prepare_programs

start_program backend 1 dev.gatehouse.bench.StreamBackend
backend_port=$port

run_gateway() { # run_gateway MESSAGES STREAMS: a fresh gateway, STREAMS streams of MESSAGES; sets $rss (peak RSS)
  local messages="$1" streams="$2"
  start_program "gateway-$messages" 0 dev.gatehouse.bench.BenchGateway --upstream "$backend_port" --io-threads 1
  gateway_port=$port gateway_pid=$pid
  local url="http://127.0.0.1:$gateway_port/v1/shelves/$messages:watch"
  local lines; lines=$(curl -sf --max-time 60 "$url" | grep -c '^{"result":')
  [ "$lines" = "$messages" ] || { echo "expected $messages messages, got $lines" >&2; exit 1; }
  log "$messages-message streams: warm-up and load, $streams streams"
  timeout 600 taskset -c 1 h2load --h1 -c "$CONNECTIONS" -n "$streams" "$url" >"$work/load-$messages.txt"
  grep -q "status codes: $streams 2xx" "$work/load-$messages.txt" \
    || { cat "$work/load-$messages.txt" >&2; exit 1; }
  rss=$(peak_rss_mib "$gateway_pid")
}

run_gateway 1000 "$WARMUP_STREAMS"
rss_1k=$rss
url="http://127.0.0.1:$gateway_port/v1/shelves/1000:watch"
log "messages/s: $CONNECTIONS concurrent streams of 1000 messages, ${DURATION} s"
timeout $((DURATION + 60)) taskset -c 1 h2load --h1 -c "$CONNECTIONS" -D "$DURATION" "$url" >"$work/w4.txt"
streams_per_s=$(awk '/^finished in/ {print $4}' "$work/w4.txt")
bytes=$(curl -sf "$url" | wc -c)
log "time to first message: 50 single requests"
for _ in $(seq 50); do
  taskset -c 1 curl -sf -o /dev/null -w '%{time_starttransfer} %{time_total}\n' "$url"
done >"$work/ttfb.txt"
ttfb_ms=$(sort -n "$work/ttfb.txt" | awk '{v[NR] = $1; t[NR] = $2} END {printf "%.2f", 1000 * v[int((NR + 1) / 2)]}')
single_ms=$(sort -n -k2 "$work/ttfb.txt" | awk '{t[NR] = $2} END {printf "%.2f", 1000 * t[int((NR + 1) / 2)]}')
rss_1k_after=$(peak_rss_mib "$gateway_pid")
kill "$gateway_pid"
run_gateway 100000 $((WARMUP_STREAMS / 100 + 4))
rss_100k=$rss

{
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), $(java -version 2>&1 | head -1)"
  echo "JVMs: ${JVM_FLAGS[*]}; gateway: 1 event loop, CPU 0; backend + clients: CPU 1"
  echo "stream: 1000 messages, $bytes bytes of NDJSON ($((bytes / 1000)) B per message line)"
  echo
  echo "| measure | value |"
  echo "|---|---|"
  awk -v s="$streams_per_s" -v c="$CONNECTIONS" 'BEGIN {printf "| messages/s (%d concurrent streams of 1000, HTTP/1.1) | %.0f |\n", c, s * 1000}'
  echo "| streams/s | $streams_per_s |"
  echo "| time to first message (median of 50, curl) | $ttfb_ms ms |"
  echo "| one whole 1000-message stream (median of 50, curl) | $single_ms ms |"
  echo "| gateway peak RSS, 1000-message streams ($WARMUP_STREAMS streams, then the load above) | $rss_1k MiB / $rss_1k_after MiB |"
  echo "| gateway peak RSS, 100000-message streams ($((WARMUP_STREAMS / 100 + 4)) streams) | $rss_100k MiB |"
} | tee "$work/summary.txt"
