#!/usr/bin/env bash
# W1/W2: unary calls through the gateway against the same calls made straight to the gRPC backend (docs/benchmarks.md).
#
#   gatehouse-bench/scripts/gateway-w1w2.sh [--no-build] [--no-pin] [--quick] [--profile]
#
#   W1  GET  /v1/shelves/1/books/2   GetBook, name from the path        -> 255 B of JSON
#   W2  POST /v1/shelves/1/books     CreateBook, 1 KiB JSON body "book"  -> a small book
#
# Three processes on 127.0.0.1 only: a grpc-java backend answering precomputed bytes (BenchBackend), the gateway
# (BenchGateway, one event loop, access log off) and h2load. Each path is warmed up by a fixed number of requests,
# then measured RUNS times for DURATION seconds at CONNECTIONS concurrent requests (closed loop):
#   through the gateway: h2load --h1 -c CONNECTIONS                (HTTP/1.1, one request in flight per connection)
#   direct gRPC:         h2load -c CONNECTIONS -m 1, framed protobuf (the same requests as gRPC frames)
# plus one wrk run per workload through the gateway, as a second opinion on the HTTP/1.1 figures.
# Pinning (default): gateway on CPU 0; backend and load generator on CPU 1, in both paths, so that "direct" is the
# same setup without the gateway hop. --no-pin lets the kernel place everything.
# Reported: requests/s (median and range of the runs), p50/p99 latency (from h2load's per-request log, run of the
# median), the gateway's and the backend's CPU time per request (utime+stime from /proc/<pid>/stat), and how busy
# each core was, and how much CPU other processes took meanwhile ("other CPU": this is a shared build machine; each
# run first waits, at most QUIET_WAIT s, for the machine to go idle). --profile also runs a second gateway recorded
# by JFR from its start, and prints where its time goes during one W1 run and what it allocates.
# Settings (environment): CONNECTIONS=32 DURATION=10 RUNS=3 WARMUP_REQUESTS=300000 PROFILE_DURATION=20 QUIET_WAIT=120
# GATEHOUSE_TARGET=target (the build folder of gatehouse-bench), GATEHOUSE_MVN_FLAGS=-o.
# Every step is bounded (request counts, durations, timeouts); all processes stop with the script.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$root/gatehouse-bench/scripts/programs.sh"
target="${GATEHOUSE_TARGET:-target}"
jar="$root/gatehouse-bench/$target/benchmarks.jar"
build=1 pin=1 profile=0
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-10}"
RUNS="${RUNS:-3}"
WARMUP_REQUESTS="${WARMUP_REQUESTS:-300000}"
PROFILE_DURATION="${PROFILE_DURATION:-20}"
QUIET_WAIT="${QUIET_WAIT:-120}"
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --no-pin) pin=0 ;;
    --quick) DURATION=3 RUNS=1 WARMUP_REQUESTS=50000 PROFILE_DURATION=5 QUIET_WAIT=0 ;;
    --profile) profile=1 ;;
    *) echo "unknown argument: $arg (expected: --no-build, --no-pin, --quick, --profile)" >&2; exit 2 ;;
  esac
done
JVM_FLAGS=(-Xms512m -Xmx512m -XX:+UseParallelGC)

install_tools() {
  local missing=()
  command -v h2load >/dev/null || missing+=(nghttp2-client)
  command -v wrk >/dev/null || missing+=(wrk)
  command -v taskset >/dev/null || missing+=(util-linux)
  [ -x /usr/bin/time ] || missing+=(time)
  [ ${#missing[@]} -eq 0 ] && return
  log "installing ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get install -y "${missing[@]}" >/dev/null 2>&1 \
    || { "${sudo[@]}" apt-get update >/dev/null && "${sudo[@]}" apt-get install -y "${missing[@]}" >/dev/null; }
}

cpu0=() cpu1=() # command prefixes that pin to a core, unless --no-pin
if [ "$pin" -eq 1 ]; then cpu0=(taskset -c 0) cpu1=(taskset -c 1); fi

work="$(mktemp -d /tmp/gatehouse-w1w2.XXXXXX)"

start_program() { # start_program NAME CPU MAIN ARGS... -> sets $port and $pid
  local name="$1" pinning=(); shift
  [ "$1" = 0 ] && pinning=("${cpu0[@]}")
  [ "$1" = 1 ] && pinning=("${cpu1[@]}")
  shift
  launch_program "$name" "${pinning[@]}" java "${JVM_FLAGS[@]}" "${extra_jvm_flags[@]}" \
    -Xlog:gc:file="$work/$name-gc.log" -cp "$jar" "$@"
}

cpu_ticks() { # utime+stime of a process, in clock ticks
  awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$1/stat"
}

core_ticks() { # "busy total" ticks of one core (or "cpu" for all), from /proc/stat
  awk -v c="$1" '$1 == c {busy = $2 + $3 + $4 + $7 + $8; print busy, busy + $5 + $6}' /proc/stat
}

percentile() { # percentile FILE P: the P-th percentile of column 3 (microseconds) of an h2load log
  sort -n -k3,3 "$1" | awk -F'\t' -v p="$2" '{v[NR] = $3} END {i = int((NR * p + 99) / 100); if (i < 1) i = 1; print v[i]}'
}

load() { # load PATH WORKLOAD [h2load options]: sets $cmd to the pinned h2load command of one path and workload
  local path="$1" workload="$2"; shift 2
  if [ "$path" = gateway ]; then
    case "$workload" in
      W1) cmd=(h2load --h1 "$@" "http://127.0.0.1:$gateway_port/v1/shelves/1/books/2") ;;
      W2) cmd=(h2load --h1 "$@" -H "content-type: application/json" -d "$work/w2.json"
            "http://127.0.0.1:$gateway_port/v1/shelves/1/books") ;;
    esac
  else
    local method=GetBook body=w1.grpc
    [ "$workload" = W2 ] && method=CreateBook body=w2.grpc
    cmd=(h2load "$@" -m 1 -H "content-type: application/grpc" -H "te: trailers" -d "$work/$body"
      "http://127.0.0.1:$backend_port/gatehouse.testing.v1.Library/$method")
  fi
  cmd=("${cpu1[@]}" "${cmd[@]}")
}

measure() { # measure PATH WORKLOAD RUN: one timed run; appends a line to $work/runs.tsv
  local path="$1" workload="$2" run="$3" out="$work/$1-$2-$3"
  local g0 b0 c00 c10 a0 g1 b1 c01 c11 a1
  g0=$(cpu_ticks "$gateway_pid"); b0=$(cpu_ticks "$backend_pid")
  c00=$(core_ticks cpu0); c10=$(core_ticks cpu1); a0=$(core_ticks cpu)
  load "$path" "$workload" -c "$CONNECTIONS" -D "$DURATION" --log-file="$out.log"
  /usr/bin/time -f '%U %S' -o "$out.time" timeout $((DURATION + 60)) "${cmd[@]}" >"$out.txt"
  g1=$(cpu_ticks "$gateway_pid"); b1=$(cpu_ticks "$backend_pid")
  c01=$(core_ticks cpu0); c11=$(core_ticks cpu1); a1=$(core_ticks cpu)
  local completed rps failed
  completed=$(awk '/^requests:/ {for (i = 1; i <= NF; i++) if ($(i + 1) ~ /^succeeded/) print $i}' "$out.txt")
  failed=$(awk '/^requests:/ {for (i = 1; i <= NF; i++) if ($(i + 1) ~ /^failed/) print $i}' "$out.txt")
  rps=$(awk '/^finished in/ {print $4}' "$out.txt")
  if [ "${failed:-1}" != 0 ] || ! grep -q "status codes: $completed 2xx" "$out.txt"; then
    cat "$out.txt" >&2; echo "$path $workload: failed requests" >&2; exit 1
  fi
  local tck; tck=$(getconf CLK_TCK)
  read -r loadu loads <"$out.time"
  awk -v p="$path" -v w="$workload" -v r="$run" -v n="$completed" -v rps="$rps" -v tck="$tck" \
    -v p50="$(percentile "$out.log" 50)" -v p99="$(percentile "$out.log" 99)" \
    -v g=$((g1 - g0)) -v b=$((b1 - b0)) -v lu="$loadu" -v ls="$loads" \
    -v c0="$c00 $c01" -v c1="$c10 $c11" -v all="$a0 $a1" '
    function busy(s,  f) { split(s, f, " "); return (f[4] - f[2]) ? 100 * (f[3] - f[1]) / (f[4] - f[2]) : 0 }
    function secs(s,  f) { split(s, f, " "); return (f[3] - f[1]) / tck }
    BEGIN {
      ours = (g + b) / tck + lu + ls
      if (p == "direct") ours -= g / tck   # the idle gateway is not part of the direct path
      other = secs(all) - ours; if (other < 0) other = 0
      printf "%s\t%s\t%s\t%d\t%.0f\t%d\t%d\t%.1f\t%.1f\t%.0f\t%.0f\t%.2f\n", p, w, r, n, rps, p50, p99,
        1e6 * g / tck / n, 1e6 * b / tck / n, busy(c0), busy(c1), other
    }' >>"$work/runs.tsv"
  rm -f "$out.log"
}

wrk_once() { # wrk_once WORKLOAD: one wrk run through the gateway; prints "req/s p50 p99"
  local workload="$1" script="$work/w2.lua" url="http://127.0.0.1:$gateway_port/v1/shelves/1/books/2"
  if [ "$workload" = W2 ]; then
    {
      echo 'wrk.method = "POST"'
      echo 'wrk.headers["Content-Type"] = "application/json"'
      printf 'wrk.body = [[%s]]\n' "$(cat "$work/w2.json")"
    } >"$script"
    url="http://127.0.0.1:$gateway_port/v1/shelves/1/books"
  fi
  local args=(-t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency)
  [ "$workload" = W2 ] && args+=(-s "$script")
  timeout $((DURATION + 60)) "${cpu1[@]}" wrk "${args[@]}" "$url" >"$work/wrk-$workload.txt"
  if grep -q 'Non-2xx' "$work/wrk-$workload.txt"; then cat "$work/wrk-$workload.txt" >&2; exit 1; fi
  awk '/Requests\/sec/ {r = $2} /^ +50%/ {p50 = $2} /^ +99%/ {p99 = $2} END {print r, p50, p99}' \
    "$work/wrk-$workload.txt"
}

profile_w1() { # records the gateway with JFR during one W1 run and prints where its CPU time goes
  local jfr="$work/gateway-w1.jfr" jfc="$work/sampling.jfc" java_home
  java_home="$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.home/ {print $2}')"
  # JFR's low-overhead "default" settings, sampling Java code every 5 ms instead of 20 ms.
  sed -e 's/"method-sampling-java-interval">[^<]*</"method-sampling-java-interval">5 ms</' \
      "$java_home/lib/jfr/default.jfc" >"$jfc"
  # The recording runs from the JVM's start: starting one in a running JVM deoptimises its compiled code, and C2 on
  # a shared 2-core machine needs minutes to recover. So a second gateway, recorded from its start, is profiled.
  local measured_port="$gateway_port" measured_pid="$gateway_pid" t0 t1 since
  extra_jvm_flags=("-XX:StartFlightRecording=name=w1,settings=$jfc") # -XX:+FlightRecorder: deprecated since JDK 13
  start_program gateway-jfr 0 dev.gatehouse.bench.BenchGateway --upstream "$backend_port" --io-threads 1
  extra_jvm_flags=()
  gateway_port=$port gateway_pid=$pid
  load gateway W1 -c "$CONNECTIONS" -n "$WARMUP_REQUESTS"
  timeout 300 "${cmd[@]}" >/dev/null
  wait_for_quiet
  since=$(date +%H:%M:%S.%3N)
  t0=$(cpu_ticks "$gateway_pid")
  load gateway W1 -c "$CONNECTIONS" -D "$PROFILE_DURATION"
  timeout $((PROFILE_DURATION + 60)) "${cmd[@]}" >"$work/profile-run.txt"
  t1=$(cpu_ticks "$gateway_pid")
  jcmd "$gateway_pid" JFR.dump name=w1 filename="$jfr" >/dev/null
  gateway_port="$measured_port" gateway_pid="$measured_pid"
  # Only the samples of the measured window: jfr prints each event's startTime as local HH:MM:SS.mmm.
  since_window() { # keeps the events of the measured window (jfr prints startTime as local HH:MM:SS.mmm)
    awk -v since="$since" '/^jdk\./ {keep = 0; buffer = $0 "\n"; next}
      /startTime = / {keep = ($3 >= since)}
      {buffer = buffer $0 "\n"}
      /^}/ {if (keep) printf "%s", buffer; buffer = ""}'
  }
  jfr print --stack-depth 64 --events jdk.ExecutionSample "$jfr" | since_window >"$work/samples.txt"
  jfr print --stack-depth 8 --events jdk.ObjectAllocationSample "$jfr" | since_window >"$work/allocations.txt"
  local total requests
  total=$(grep -c 'jdk.ExecutionSample' "$work/samples.txt")
  requests=$(awk '/^requests:/ {for (i = 1; i <= NF; i++) if ($(i + 1) ~ /^succeeded/) print $i}' "$work/profile-run.txt")
  echo
  echo "JFR, a second gateway recorded from its start, during one ${PROFILE_DURATION} s W1 run after $WARMUP_REQUESTS" \
    "warm-up requests: $requests requests," \
    "$(awk -v t=$((t1 - t0)) -v n="$requests" -v tck="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", 1e6 * t / tck / n}') us" \
    "of gateway CPU per request while recording; $total Java execution samples ($jfr)"
  echo "-- where the time goes (inclusive: samples with the frame on the stack):"
  awk '/stackTrace = \[/ {inside = 1; delete seen; next}
       inside && /^ *\]/ {inside = 0; next}
       inside {f = $0; sub(/^ +/, "", f); sub(/ +line:.*/, "", f); sub(/\(.*$/, "", f)
               if (!(f in seen)) {seen[f] = 1; print f}}' "$work/samples.txt" | sort | uniq -c >"$work/inclusive.txt"
  local frame
  for frame in \
      'HttpConnectionHandler.channelRead:HTTP/1.1 request in (decoder output to dispatch)' \
      'HttpObjectDecoder.decode:  HTTP/1.1 decoding' \
      'RequestDispatcher.dispatch:  dispatch (route, bind, metadata, start the call)' \
      'RouteTable.match:    routing' \
      'Transcoder.bind:    binding the request' \
      'RequestMetadata.of:    headers to metadata' \
      'UnaryCall.start:    upstream call start + send' \
      'ClientCallImpl.start:      grpc ClientCallImpl.start (headers)' \
      'ClientCallImpl.sendMessage:      grpc ClientCallImpl.sendMessage (framing)' \
      'ByteStreams.copy:        request bytes copied through an 8 KiB buffer' \
      'WriteQueue.flush:upstream HTTP/2 writes (grpc WriteQueue.flush)' \
      'Http2ConnectionHandler.decode:upstream HTTP/2 reads' \
      'SerializingExecutor.run:call callbacks (grpc SerializingExecutor.run)' \
      'RawBytesMarshaller.parse:  response bytes read (RawBytesMarshaller.parse)' \
      'UnaryCall$Listener.onClose:  UnaryCall onClose' \
      'RequestDispatcher.answer:    answer (status, metadata, JSON)' \
      'ProtoJson.toJson:      JSON printing' \
      'HttpConnectionHandler.answerReady:    writing the answer' \
      'HttpObjectEncoder.encode:      HTTP/1.1 encoding' \
      'NioSocketChannel.doWrite:socket writes (all connections)' \
      'Recycler$LocalPool.release:Netty Recycler release (Thread.getState)'; do
    awk -v f=".${frame%%:*}" -v label="${frame#*:}" -v t="$total" '
      substr($2, length($2) - length(f) + 1) == f {n += $1}
      END {printf "%5.1f%%  %s\n", 100 * n / t, label}' "$work/inclusive.txt"
  done
  echo "-- self time by package (top frame of each sample):"
  top_frames | awk '{f = $0; sub(/\(.*$/, "", f); n = split(f, parts, "."); pkg = parts[1]
      for (i = 2; i <= n - 2; i++) pkg = pkg "." parts[i]; print pkg}' \
    | sort | uniq -c | sort -rn | awk -v t="$total" 'NR <= 12 {printf "%5.1f%%  %s\n", 100 * $1 / t, $2}'
  echo "-- self time by method (top 20):"
  top_frames | sort | uniq -c | sort -rn \
    | awk -v t="$total" 'NR <= 20 {c = $1; sub(/^ *[0-9]+ /, ""); printf "%5.1f%%  %s\n", 100 * c / t, $0}'
  echo "-- allocated bytes by site (jdk.ObjectAllocationSample weights; class < allocating frames, top 8):"
  awk '/^jdk.ObjectAllocationSample/ {w = 0; site = ""; n = 0; inside = 0}
       /objectClass = / {class = $3}
       /weight = / {w = $3; if ($4 == "kB") w *= 1024; else if ($4 == "MB") w *= 1048576}
       /stackTrace = \[/ {inside = 1; next}
       inside && /^ *\]/ {inside = 0}
       inside && n < 4 {f = $0; sub(/^ +/, "", f); sub(/ +line:.*/, "", f); sub(/\(.*$/, "", f); site = site " < " f; n++}
       /^}/ {bytes[class site] += w; total += w}
       END {for (k in bytes) printf "%5.1f%%  %s\n", 100 * bytes[k] / total, k}' "$work/allocations.txt" \
    | sort -rn | head -8
}

top_frames() { # the top frame of each Java execution sample, without line numbers
  awk '/stackTrace = \[/ {getline; sub(/^ +/, ""); sub(/ +line:.*/, ""); print}' "$work/samples.txt"
}

wait_for_quiet() { # waits, at most QUIET_WAIT seconds, until the machine is idle apart from this benchmark
  local waited=0 a0 a1 busy
  while [ "$waited" -lt "$QUIET_WAIT" ]; do
    a0=$(core_ticks cpu); sleep 1; a1=$(core_ticks cpu)
    busy=$(awk -v a="$a0 $a1" 'BEGIN {split(a, f, " "); print int(100 * (f[3] - f[1]) / (f[4] - f[2]))}')
    [ "$busy" -le 10 ] && return
    [ "$waited" -eq 0 ] && log "the machine is ${busy}% busy (JIT compilers after a warm-up, or other work); waiting up to ${QUIET_WAIT} s"
    waited=$((waited + 1))
  done
  log "still busy after ${QUIET_WAIT} s; measuring anyway (see the other-CPU column)"
}

install_tools
prepare_programs
extra_jvm_flags=()
java -cp "$jar" dev.gatehouse.bench.BenchPayloads "$work" >"$work/payloads.txt"

start_program backend 1 dev.gatehouse.bench.BenchBackend --threads 1
backend_port=$port backend_pid=$pid
start_program gateway 0 dev.gatehouse.bench.BenchGateway --upstream "$backend_port" --io-threads 1
gateway_port=$port gateway_pid=$pid

# The answers are what the benchmark claims to measure, before any load.
curl -sf "http://127.0.0.1:$gateway_port/v1/shelves/1/books/2" >"$work/w1.answer" \
  || { echo "W1 through the gateway failed" >&2; exit 1; }
curl -sf -H 'content-type: application/json' --data-binary @"$work/w2.json" \
  "http://127.0.0.1:$gateway_port/v1/shelves/1/books" >"$work/w2.answer" \
  || { echo "W2 through the gateway failed" >&2; exit 1; }
for w in w1:GetBook w2:CreateBook; do
  nghttp -v -H ':method: POST' -H 'content-type: application/grpc' -H 'te: trailers' -d "$work/${w%%:*}.grpc" \
    "http://127.0.0.1:$backend_port/gatehouse.testing.v1.Library/${w##*:}" 2>&1 | grep -q 'grpc-status: 0' \
    || { echo "${w##*:} straight to the backend failed" >&2; exit 1; }
done

printf 'path\tworkload\trun\trequests\treq/s\tp50_us\tp99_us\tgateway_cpu_us\tbackend_cpu_us\tcpu0_busy\tcpu1_busy\tother_cpu_s\n' \
  >"$work/runs.tsv"
for workload in W1 W2; do
  for path in gateway direct; do
    log "$workload $path: warm-up, $WARMUP_REQUESTS requests"
    load "$path" "$workload" -c "$CONNECTIONS" -n "$WARMUP_REQUESTS"
    timeout 300 "${cmd[@]}" >/dev/null
    for run in $(seq "$RUNS"); do
      wait_for_quiet
      log "$workload $path: run $run of $RUNS, ${DURATION} s"
      measure "$path" "$workload" "$run"
    done
  done
  log "$workload gateway: wrk, ${DURATION} s"
  wrk_once "$workload" >"$work/wrk-$workload.summary"
done
if [ "$profile" -eq 1 ]; then
  wait_for_quiet
  log "W1 gateway: JFR recording, ${PROFILE_DURATION} s"
  profile_w1 >"$work/profile.txt"
fi

# Summary: per workload and path, the median run by req/s, with the range.
{
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
  echo "pinning: $([ "$pin" -eq 1 ] && echo 'gateway CPU 0; backend + load generator CPU 1' || echo none)"
  echo "load: $CONNECTIONS concurrent requests, $RUNS x ${DURATION} s after $WARMUP_REQUESTS warm-up requests; JVMs: ${JVM_FLAGS[*]}"
  sed 's/^/payloads: /' "$work/payloads.txt"
  echo
  printf '| workload | path | req/s (median, min-max) | p50 | p99 | gateway CPU/req | backend CPU/req | CPU0 / CPU1 busy | other CPU |\n'
  printf '|---|---|---|---|---|---|---|---|---|\n'
  for workload in W1 W2; do
    for path in gateway direct; do
      awk -F'\t' -v p="$path" -v w="$workload" -v runs="$RUNS" '
        $1 == p && $2 == w {n++; rps[n] = $5; line[n] = $0}
        END {
          for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (rps[j] < rps[i]) {
            t = rps[i]; rps[i] = rps[j]; rps[j] = t; t = line[i]; line[i] = line[j]; line[j] = t }
          m = int((n + 1) / 2); split(line[m], f, "\t")
          gcpu = p == "gateway" ? sprintf("%.1f us", f[8]) : "-"
          printf "| %s | %s | %s (%s-%s) | %.2f ms | %.2f ms | %s | %.1f us | %s%% / %s%% | %s s |\n", w,
            p == "gateway" ? "through gateway (HTTP/1.1)" : "direct gRPC (h2)", f[5], rps[1], rps[n],
            f[6] / 1000, f[7] / 1000, gcpu, f[9], f[10], f[11], f[12]
        }' "$work/runs.tsv"
    done
    read -r wrps wp50 wp99 <"$work/wrk-$workload.summary"
    printf '| %s | through gateway, wrk (1 run) | %s | %s | %s | | | | |\n' "$workload" "$wrps" "$wp50" "$wp99"
  done
  echo
  for workload in W1 W2; do
    awk -F'\t' -v w="$workload" '
      $2 == w {v[$1, ++n[$1]] = $5}
      function median(p,  i, j, t, a, k) { k = n[p]; for (i = 1; i <= k; i++) a[i] = v[p, i]
        for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
        return a[int((k + 1) / 2)] }
      $2 == w && (!(($1) in quiet) || $12 < quiet[$1]) {quiet[$1] = $12; quietest[$1] = $5}
      END { printf "%s: through the gateway / direct gRPC = %.0f / %.0f = %.0f%% (medians);", w, median("gateway"),
              median("direct"), 100 * median("gateway") / median("direct")
            printf " quietest runs (other CPU %.2f s / %.2f s): %.0f / %.0f = %.0f%%\n", quiet["gateway"],
              quiet["direct"], quietest["gateway"], quietest["direct"], 100 * quietest["gateway"] / quietest["direct"] }' \
      "$work/runs.tsv"
  done
  echo "W1 target: through-gateway throughput >= 50% of direct gRPC."
  echo "all runs: $work/runs.tsv"
  if [ "$profile" -eq 1 ]; then cat "$work/profile.txt"; fi
} | tee "$work/summary.txt"
