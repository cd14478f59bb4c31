# Helpers for the benchmark scripts, sourced after setting BENCH_NAME (the log prefix and the
# temp dir's name): a temp dir under $BENCH_TMP removed at the end (kept with BENCH_KEEP=1),
# every process in PIDS stopped by its pid on exit or Ctrl-C, and the small tools every script
# needs. (bench/run.sh predates it and carries its own copies.)

require_tools() { # tool...
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool (Debian packages)" >&2; exit 2; }
  done
}

# Makes the temp dir W and arms the cleanup.
bench_workdir() {
  W=$(mktemp -d "${BENCH_TMP:-/tmp}/$BENCH_NAME.XXXXXX")
  PIDS=()
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
}

bench_cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "kept $W" >&2; else rm -rf "$W"; fi
}

# require_jars MODULE=JAR ...: builds (tests skipped) the modules whose runnable jar is missing
require_jars() {
  local missing=() pair
  for pair in "$@"; do [ -f "${pair#*=}" ] || missing+=("${pair%%=*}"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "building ${missing[*]} ..." >&2
  (cd "$REPO" && ./mvnw -q -pl "$(IFS=,; echo "${missing[*]}")" -am package -DskipTests)
}
log() { echo "[$BENCH_NAME $(date +%H:%M:%S)] $*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

wait_ready() { # url pid logfile
  local _
  for _ in $(seq 1 300); do
    curl -fs "$1/q/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || break
    sleep 0.2
  done
  echo "not ready: $1; its log:" >&2; tail -40 "$3" >&2; exit 1
}

# Starts log-service (its shipped jvm.options, the jar $LOG_JAR) on host:port over the log
# directories under ROOT (sandbox, pods, components, journal); further arguments are JVM options
# (-D..., -X...). Its output goes to LOGFILE. Sets LOG_PID and adds it to PIDS (call it outside a
# subshell: the cleanup must see it); does not wait for it to be ready.
launch_log_service() { # host port root logfile [jvm option...]
  local host=$1 port=$2 root=$3 out=$4
  shift 4
  java @"$REPO/log-service/jvm.options" "$@" -Dquarkus.http.port="$port" -Dquarkus.http.host="$host" \
    -Dlogs.sandbox-root="$root/sandbox" -Dlogs.pods-root="$root/pods" \
    -Dlogs.components-dir="$root/components" -Dlogs.journal-dir="$root/journal" \
    -jar "$LOG_JAR" >"$out" 2>&1 &
  LOG_PID=$!
  PIDS+=("$LOG_PID")
}

# A server's own CPU time so far (utime+stime from /proc, in clock ticks).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# One wrk round (one thread, --latency) against a URL while reading the server's own CPU time:
# CPU per request does not depend on how much of the cores wrk and others take, as requests/s does.
wrk_cpu_round() { # url pid seconds connections [header] -> "rps p50_ms p99_ms cpu_us_per_request"
  local args=(-t1 -c"$4" -d"${3}s" --latency) before after summary
  [ -n "${5:-}" ] && args+=(-H "$5")
  before=$(cpu_ticks "$2")
  summary=$(wrk "${args[@]}" "$1" | python3 "$BENCH_DIR/wrk_summary.py")
  after=$(cpu_ticks "$2")
  python3 -c 'import os,sys; rps,p50,p99=map(float,sys.argv[1].split()); n=rps*float(sys.argv[2]); us=(int(sys.argv[4])-int(sys.argv[3]))*1e6/os.sysconf("SC_CLK_TCK")/n; print(f"{rps:.1f} {p50:.3f} {p99:.3f} {us:.2f}")' \
    "$summary" "$3" "$before" "$after"
}
