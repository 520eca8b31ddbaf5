# Sourced by the load scripts (gateway-w1w2.sh, gateway-w4.sh): builds benchmarks.jar and runs its programs in the
# background, each announcing "LISTENING <port>" once serving, all stopping with the script. The sourcing script
# sets root, target, jar, build (1 or 0) and work (its scratch folder) before calling these.

log() { echo "== $*" >&2; }

pids=()
stop_programs() {
  exec 3>&- 2>/dev/null || true # the programs stop when their standard input ends ...
  for pid in "${pids[@]}"; do   # ... and are asked to, in case they did not
    kill "$pid" 2>/dev/null || true
  done
}
trap stop_programs EXIT

prepare_programs() { # builds gatehouse-bench into $target (unless build=0) and opens the programs' standard input
  if [ "$build" -eq 1 ]; then
    log "building gatehouse-bench into $target"
    "$root/mvnw" -q -B ${GATEHOUSE_MVN_FLAGS:--o} -f "$root/pom.xml" -pl gatehouse-bench -am -DskipTests \
      -Dgatehouse.target="$target" package >&2
  fi
  [ -f "$jar" ] || { echo "$jar not found (build gatehouse-bench, or set GATEHOUSE_TARGET)" >&2; exit 1; }
  mkfifo "$work/hold"
  exec 3<>"$work/hold"
}

launch_program() { # launch_program NAME COMMAND... -> sets $port and $pid; output in $work/NAME.log
  local name="$1"; shift
  # Standard input is a FIFO held open by this script (fd 3): when the script ends, so do they. fd 3 itself is
  # closed in the child, or the child would hold its own input open.
  "$@" <"$work/hold" >"$work/$name.log" 2>&1 3>&- &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 300); do
    grep -qs '^LISTENING ' "$work/$name.log" && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/$name.log" >&2; echo "$name did not start" >&2; exit 1; }
    sleep 0.1
  done
  port="$(awk '/^LISTENING /{print $2; exit}' "$work/$name.log")"
  [ -n "$port" ] || { cat "$work/$name.log" >&2; echo "$name did not listen within 30 s" >&2; exit 1; }
}
