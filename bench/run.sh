#!/usr/bin/env bash
# log-service benchmark: last-N lines vs tail, download vs nginx, follow latency vs tail -F,
# 1000 idle SSE followers. One command runs everything and prints a markdown results table:
#
#   bench/run.sh                      # all parts
#   bench/run.sh lastn latency        # a subset: lastn | concurrent | download | latency | idle | footprint
#
# Everything runs on this machine against 127.0.0.1, in a temp dir that is removed at the end.
# Environment (all optional):
#   LOG_SERVICE_JAR  quarkus-run.jar to benchmark (default: this repo's log-service jar,
#                    built with ./mvnw if it is missing)
#   JAVA_OPTS        JVM options for log-service (default: @log-service/jvm.options, the options
#                    run-local.sh and the container use)
#   BENCH_TMP        parent dir of the temp dir (default /tmp)
#   BENCH_KEEP=1     keep the temp dir (logs, raw results)
#   BENCH_OUT        also write the results table to this file
#   BIG_MIB=1024 SMALL_MIB=1          sizes of the generated log files
#   LASTN_RUNS=100 LASTN_ROUNDS=5 LASTN_WARMUP=5   hyperfine runs per command (in all
#                                     rounds), rounds, warm-up runs per round
#   DL_RUNS=5 TEXT_RUNS=3             whole-file transfers per server
#   LAT_N=2000 LAT_WARMUP=300 LAT_MIN_GAP_MS=2 LAT_MAX_GAP_MS=5
#   FOLLOWERS=1000 FOLLOW_FILES=100 IDLE_SECONDS=30 IDLE_SETTLE_SECONDS=300 IDLE_STEADY_SECONDS=60
#   CONC_CONNECTIONS=64 CONC_SECONDS=10   concurrent last-N requests (wrk)
#   CONC_APPENDS_PER_S=2000               appends to the growing file of the concurrent part
#   JIT_WARMUP_S=20                   load before the kept-alive and concurrent measures, so they
#                                     measure a warm JIT (C2 compiles for ~20 s after start)
set -euo pipefail
umask 022

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)

BIG_MIB=${BIG_MIB:-1024}
SMALL_MIB=${SMALL_MIB:-1}
LASTN_RUNS=${LASTN_RUNS:-100}
LASTN_WARMUP=${LASTN_WARMUP:-5}
LASTN_ROUNDS=${LASTN_ROUNDS:-5}
DL_RUNS=${DL_RUNS:-5}
TEXT_RUNS=${TEXT_RUNS:-3}
LAT_N=${LAT_N:-2000}
LAT_WARMUP=${LAT_WARMUP:-300}
LAT_MIN_GAP_MS=${LAT_MIN_GAP_MS:-2}
LAT_MAX_GAP_MS=${LAT_MAX_GAP_MS:-5}
FOLLOWERS=${FOLLOWERS:-1000}
FOLLOW_FILES=${FOLLOW_FILES:-100}
IDLE_SECONDS=${IDLE_SECONDS:-30}
# a long-running agent's steady state: the JIT compiles the ping path over minutes (67 pings/s)
IDLE_SETTLE_SECONDS=${IDLE_SETTLE_SECONDS:-300}
IDLE_STEADY_SECONDS=${IDLE_STEADY_SECONDS:-60}
CONC_CONNECTIONS=${CONC_CONNECTIONS:-64}
CONC_SECONDS=${CONC_SECONDS:-10}
CONC_APPENDS_PER_S=${CONC_APPENDS_PER_S:-2000}
JIT_WARMUP_S=${JIT_WARMUP_S:-20}
JAVA_OPTS=${JAVA_OPTS:-@$REPO/log-service/jvm.options}

ALL_PARTS=(lastn concurrent download latency idle footprint)
if [ $# -eq 0 ]; then PARTS=("${ALL_PARTS[@]}"); else PARTS=("$@"); fi
for p in "${PARTS[@]}"; do
  case " ${ALL_PARTS[*]} " in *" $p "*) ;; *) echo "unknown part '$p' (choose from: ${ALL_PARTS[*]})" >&2; exit 2 ;; esac
done
want() { case " ${PARTS[*]} " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

for tool in java curl python3 hyperfine nginx tail wrk; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done

# ---------------------------------------------------------------- jar
JAR=${LOG_SERVICE_JAR:-$REPO/log-service/target/quarkus-app/quarkus-run.jar}
if [ ! -f "$JAR" ]; then
  if [ -n "${LOG_SERVICE_JAR:-}" ]; then echo "LOG_SERVICE_JAR=$JAR does not exist" >&2; exit 2; fi
  echo "building log-service (./mvnw -q -pl log-service -am package -DskipTests) ..." >&2
  (cd "$REPO" && ./mvnw -q -pl log-service -am package -DskipTests)
fi

# ---------------------------------------------------------------- temp dir, cleanup
W=$(mktemp -d "${BENCH_TMP:-/tmp}/logbench.XXXXXX")
chmod 755 "$W"   # nginx workers (user nobody) read the files
R=$W/results
mkdir -p "$R" "$W/sandbox" "$W/pods" "$W/components" "$W/journal" "$W/nginx"
SVC_PID=""; NGINX_PID=""; BG_PID=""

stop_pid() { # pid: TERM, wait up to 10 s, then KILL
  local pid=$1
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$BG_PID"; stop_pid "$SVC_PID"; stop_pid "$NGINX_PID"
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "kept $W" >&2; else rm -rf "$W"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((FOLLOWERS + 500)) ]; then
  echo "open-file limit $(ulimit -n) is too low for $FOLLOWERS followers" >&2; exit 2
fi

SVC_PORT=${SVC_PORT:-$(free_port)}
NGINX_PORT=${NGINX_PORT:-$(free_port)}
SVC=http://127.0.0.1:$SVC_PORT
NGX=http://127.0.0.1:$NGINX_PORT
TASK=system/v1/logs/v2/task

# ---------------------------------------------------------------- helpers
start_service() { # name
  log "starting log-service ($1) on port $SVC_PORT; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "load_$1=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$R/env.txt"
  # shellcheck disable=SC2086
  java $JAVA_OPTS -Dquarkus.http.port="$SVC_PORT" -Dquarkus.http.host=127.0.0.1 \
    -Dlogs.sandbox-root="$W/sandbox" -Dlogs.pods-root="$W/pods" \
    -Dlogs.components-dir="$W/components" -Dlogs.journal-dir="$W/journal" \
    -jar "$JAR" >"$W/service-$1.log" 2>&1 &
  SVC_PID=$!
  for _ in $(seq 1 300); do
    curl -fs "$SVC/q/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$SVC_PID" 2>/dev/null || break
    sleep 0.2
  done
  echo "log-service did not become ready; its log:" >&2; tail -50 "$W/service-$1.log" >&2; exit 1
}
stop_service() { stop_pid "$SVC_PID"; SVC_PID=""; }

start_nginx() {
  cat >"$W/nginx/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $W/nginx/nginx.pid;
error_log $W/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  default_type application/octet-stream;
  client_body_temp_path $W/nginx/client_body;
  proxy_temp_path $W/nginx/proxy;
  fastcgi_temp_path $W/nginx/fastcgi;
  uwsgi_temp_path $W/nginx/uwsgi;
  scgi_temp_path $W/nginx/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $W/sandbox;
  }
}
EOF
  log "starting nginx on port $NGINX_PORT"
  nginx -p "$W/nginx" -e "$W/nginx/error.log" -c "$W/nginx/nginx.conf" &
  NGINX_PID=$!
  for _ in $(seq 1 50); do
    curl -fs -o /dev/null "$NGX/tiny.txt" && return 0
    sleep 0.1
  done
  echo "nginx did not start:" >&2; cat "$W/nginx/error.log" >&2; exit 1
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
threads() { awk '/^Threads:/ {print $2}' "/proc/$1/status"; }
streams_open() { curl -fs "$SVC/q/metrics" | awk '/^logs_streams_open / {print $2+0}'; }
CLK_TCK=$(getconf CLK_TCK)

# ---------------------------------------------------------------- environment facts
{
  echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc=$(nproc)"
  echo "cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "mem_total=$(free -h | awk '/^Mem:/ {print $2}')"
  echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "max_heap=$(java $JAVA_OPTS -XX:+PrintFlagsFinal -version 2>/dev/null | awk '$2 == "MaxHeapSize" {printf "%.0f MiB", $4/1048576}')"
  echo "java_opts=${JAVA_OPTS:-(none)}"
  echo "jar=$JAR"
  echo "parts=${PARTS[*]}"
  echo "conc_connections=$CONC_CONNECTIONS"
} >"$R/env.txt"

# ---------------------------------------------------------------- data
BIG_DIR=$W/sandbox/frameworks/bench/executors/big/runs/c-big
SMALL_DIR=$W/sandbox/frameworks/bench/executors/small/runs/c-small
BIG=$BIG_DIR/stdout
SMALL=$SMALL_DIR/stdout
BIG_URL=$SVC/$TASK/frameworks/bench/executors/big/runs/c-big/stdout
SMALL_URL=$SVC/$TASK/frameworks/bench/executors/small/runs/c-small/stdout
echo "tiny static file for nginx: curl's own process cost" >"$W/sandbox/tiny.txt"
if want lastn || want download || want concurrent || want footprint; then
  mkdir -p "$BIG_DIR" "$SMALL_DIR"
  log "generating ${BIG_MIB} MiB and ${SMALL_MIB} MiB log files"
  python3 "$BENCH_DIR/genlog.py" "$BIG" $((BIG_MIB * 1048576)) >&2
  python3 "$BENCH_DIR/genlog.py" "$SMALL" $((SMALL_MIB * 1048576)) >&2
  echo "big_bytes=$(stat -c %s "$BIG")" >>"$R/env.txt"
  echo "small_bytes=$(stat -c %s "$SMALL")" >>"$R/env.txt"
  tail -n 1000 "$BIG" >"$W/sandbox/last1000.txt" # nginx serves the same bytes as a static file
  start_nginx
fi

# ---------------------------------------------------------------- 1. last 1000 lines
if want lastn; then
  start_service lastn
  log "lastn: checking output equals tail -n 1000, warming up"
  same_big=no; same_small=no
  curl -fs "$BIG_URL?cursor=END&skip=-1000" | cmp -s - <(tail -n 1000 "$BIG") && same_big=yes
  curl -fs "$SMALL_URL?cursor=END&skip=-1000" | cmp -s - <(tail -n 1000 "$SMALL") && same_small=yes
  echo "same_big=$same_big" >"$R/lastn-check.txt"; echo "same_small=$same_small" >>"$R/lastn-check.txt"
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "$BIG_URL?cursor=END&skip=-1000"
    curl -fs -o /dev/null "$SMALL_URL?cursor=END&skip=-1000"
  done
  # several short hyperfine rounds instead of one long one, so a burst of load from elsewhere
  # on the machine is spread over all commands; report.py pools the runs of all rounds
  per_round=$(( (LASTN_RUNS + LASTN_ROUNDS - 1) / LASTN_ROUNDS ))
  for round in $(seq 1 "$LASTN_ROUNDS"); do
    log "lastn: hyperfine round $round/$LASTN_ROUNDS ($per_round runs per command)"
    hyperfine -N --style basic --warmup "$LASTN_WARMUP" --runs "$per_round" --export-json "$R/lastn-$round.json" \
      -n "log-service last 1000, big" "curl -sf -o /dev/null $BIG_URL?cursor=END&skip=-1000" \
      -n "tail -n 1000, big" "tail -n 1000 $BIG" \
      -n "log-service last 1000, small" "curl -sf -o /dev/null $SMALL_URL?cursor=END&skip=-1000" \
      -n "tail -n 1000, small" "tail -n 1000 $SMALL" \
      -n "curl nginx tiny file" "curl -sf -o /dev/null $NGX/tiny.txt" \
      -n "curl nginx same 1000 lines" "curl -sf -o /dev/null $NGX/last1000.txt" >"$W/hyperfine-$round.txt"
  done
  log "lastn: ${JIT_WARMUP_S} s of load to warm the JIT, then the same requests over one kept-alive connection"
  wrk -t2 -c8 -d"${JIT_WARMUP_S}s" "$BIG_URL?cursor=END&skip=-1000" >/dev/null 2>&1
  python3 "$BENCH_DIR/http_timing.py" --runs "$((LASTN_RUNS * 10))" --warmup 500 \
    "svc_big=$BIG_URL?cursor=END&skip=-1000" "svc_small=$SMALL_URL?cursor=END&skip=-1000" \
    "nginx_tiny=$NGX/tiny.txt" "nginx_last1000=$NGX/last1000.txt" >"$R/lastn-keepalive.json"
  stop_service
fi

# ---------------------------------------------------------------- 1b. last 1000 lines, concurrent
wrk_run() { # name url: CONC_CONNECTIONS connections for CONC_SECONDS, latency distribution
  wrk -t2 -c"$CONC_CONNECTIONS" -d"${CONC_SECONDS}s" --latency "$2" >"$R/conc-$1.txt" 2>&1
}
if want concurrent; then
  start_service concurrent
  log "concurrent: warm-up, then $CONC_CONNECTIONS connections for ${CONC_SECONDS} s each (wrk)"
  wrk -t2 -c"$CONC_CONNECTIONS" -d"${JIT_WARMUP_S}s" "$BIG_URL?cursor=END&skip=-1000" >/dev/null 2>&1
  wrk -t2 -c"$CONC_CONNECTIONS" -d3s "$NGX/last1000.txt" >/dev/null 2>&1
  wrk_run svc "$BIG_URL?cursor=END&skip=-1000"
  wrk_run nginx "$NGX/last1000.txt"
  # the same requests on a file that is appended to all the time: the answers of an unchanged
  # file cannot be remembered, every request scans
  log "concurrent: again on a file appended to $CONC_APPENDS_PER_S times a second"
  GROW_DIR=$W/sandbox/frameworks/bench/executors/grow/runs/c-grow
  mkdir -p "$GROW_DIR" && cp "$SMALL" "$GROW_DIR/stdout"
  python3 "$BENCH_DIR/appender.py" "$GROW_DIR/stdout" "$CONC_APPENDS_PER_S" "$((CONC_SECONDS + 2))" \
    >"$R/conc-appender.txt" &
  APPENDER=$!
  sleep 1
  wrk_run svc-growing "$SVC/$TASK/frameworks/bench/executors/grow/runs/c-grow/stdout?cursor=END&skip=-1000"
  wait "$APPENDER"
  stop_service
fi

# ---------------------------------------------------------------- 2. whole-file download
if want download; then
  start_service download
  NGX_BIG=$NGX/frameworks/bench/executors/big/runs/c-big/stdout
  log "download: warm-up (one transfer each)"
  curl -fs -o /dev/null "$NGX_BIG"
  curl -fs -o /dev/null "$BIG_URL/download"
  curl -fs -o /dev/null "$BIG_URL?cursor=BEG&limit=100000"
  : >"$R/dl-nginx.txt"; : >"$R/dl-svc.txt"; : >"$R/dl-text.txt"
  for i in $(seq 1 "$DL_RUNS"); do
    log "download: run $i/$DL_RUNS"
    curl -fs -o /dev/null --max-time 300 -w '%{speed_download} %{size_download}\n' "$NGX_BIG" >>"$R/dl-nginx.txt"
    c0=$(cpu_ticks "$SVC_PID")
    s=$(curl -fs -o /dev/null --max-time 300 -w '%{speed_download} %{size_download}' "$BIG_URL/download")
    echo "$s $(( $(cpu_ticks "$SVC_PID") - c0 ))" >>"$R/dl-svc.txt"
  done
  for i in $(seq 1 "$TEXT_RUNS"); do
    log "download: text range ?cursor=BEG, run $i/$TEXT_RUNS"
    c0=$(cpu_ticks "$SVC_PID")
    s=$(curl -fs -o /dev/null --max-time 600 -H 'Accept: text/plain' \
          -w '%{speed_download} %{size_download}' "$BIG_URL?cursor=BEG")
    echo "$s $(( $(cpu_ticks "$SVC_PID") - c0 ))" >>"$R/dl-text.txt"
  done
  echo "clk_tck=$CLK_TCK" >"$R/dl-env.txt"
  stop_service
fi

# ---------------------------------------------------------------- 2b. footprint after everything
make_follow_files() {
  [ -s "$W/follow-paths.txt" ] && return 0
  : >"$W/follow-paths.txt"
  python3 "$BENCH_DIR/genlog.py" "$W/idle-template.log" 10000 >/dev/null
  for i in $(seq 1 "$FOLLOW_FILES"); do
    ex=$(printf 'ex-%03d' "$i")
    d=$W/sandbox/frameworks/idle/executors/$ex/runs/c-1
    mkdir -p "$d"
    cp "$W/idle-template.log" "$d/stdout"
    echo "/$TASK/frameworks/idle/executors/$ex/runs/c-1/stdout" >>"$W/follow-paths.txt"
  done
}
hold_followers() { # result-file: connects FOLLOWERS followers in the background, waits until ready
  python3 "$BENCH_DIR/idle_followers.py" --port "$SVC_PORT" --paths-file "$W/follow-paths.txt" \
    --n "$FOLLOWERS" --hold-max $((3 * IDLE_SECONDS + IDLE_SETTLE_SECONDS + IDLE_STEADY_SECONDS + 120)) >"$1" &
  BG_PID=$!
  for _ in $(seq 1 900); do
    grep -q '^READY' "$1" 2>/dev/null && break
    kill -0 "$BG_PID" 2>/dev/null || break
    sleep 0.1
  done
  grep -q '^READY' "$1" || { echo "followers never became ready" >&2; exit 1; }
}
if want footprint; then
  make_follow_files
  start_service footprint
  sleep 2
  echo "rss_started_kib=$(rss_kib "$SVC_PID")" >"$R/footprint.txt"
  log "footprint: 1 GiB as text, 1 GiB download, ${CONC_SECONDS} s of concurrent last-N, then $FOLLOWERS followers"
  curl -fs -o /dev/null --max-time 600 -H 'Accept: text/plain' "$BIG_URL?cursor=BEG"
  curl -fs -o /dev/null --max-time 600 -H 'Accept: application/json' "$BIG_URL?cursor=BEG&limit=200000"
  curl -fs -o /dev/null --max-time 300 "$BIG_URL/download"
  wrk -t2 -c"$CONC_CONNECTIONS" -d"${CONC_SECONDS}s" "$BIG_URL?cursor=END&skip=-1000" >"$R/footprint-wrk.txt" 2>&1
  echo "rss_after_reads_kib=$(rss_kib "$SVC_PID")" >>"$R/footprint.txt"
  hold_followers "$R/footprint-followers.txt"
  sleep "$IDLE_SECONDS"
  {
    echo "streams_connected=$(streams_open)"
    echo "rss_followers_kib=$(rss_kib "$SVC_PID")"
    echo "threads=$(threads "$SVC_PID")"
  } >>"$R/footprint.txt"
  stop_pid "$BG_PID"; BG_PID=""
  sleep 3
  echo "rss_end_kib=$(rss_kib "$SVC_PID")" >>"$R/footprint.txt"
  if command -v jcmd >/dev/null; then
    jcmd "$SVC_PID" VM.native_memory summary >"$R/footprint-nmt.txt" 2>&1 || true
  fi
  stop_service
fi

if [ -n "$NGINX_PID" ]; then stop_pid "$NGINX_PID"; NGINX_PID=""; fi
rm -f "$BIG" # the follow and idle parts do not need it

# ---------------------------------------------------------------- 3. follow latency
if want latency; then
  FDIR=$W/sandbox/frameworks/bench/executors/follow/runs/c-follow
  mkdir -p "$FDIR"
  python3 "$BENCH_DIR/genlog.py" "$FDIR/stdout" 100000 >/dev/null
  start_service latency
  log "latency: SSE follower, $LAT_N lines (+$LAT_WARMUP warm-up), gap ${LAT_MIN_GAP_MS}-${LAT_MAX_GAP_MS} ms"
  python3 "$BENCH_DIR/follow_latency.py" sse --file "$FDIR/stdout" \
    --url "$SVC/$TASK/frameworks/bench/executors/follow/runs/c-follow/stdout?cursor=END" \
    --n "$LAT_N" --warmup "$LAT_WARMUP" --min-gap-ms "$LAT_MIN_GAP_MS" --max-gap-ms "$LAT_MAX_GAP_MS" \
    >"$R/latency-sse.json"
  log "latency: tail -F through a pipe, same way"
  python3 "$BENCH_DIR/follow_latency.py" tail --file "$FDIR/stdout" \
    --n "$LAT_N" --warmup "$LAT_WARMUP" --min-gap-ms "$LAT_MIN_GAP_MS" --max-gap-ms "$LAT_MAX_GAP_MS" \
    >"$R/latency-tail.json"
  stop_service
fi

# ---------------------------------------------------------------- 4. idle followers
if want idle; then
  make_follow_files
  window() { # name [seconds]: CPU ticks, per-thread-group CPU and RSS of the service over IDLE_SECONDS
    python3 "$BENCH_DIR/thread_cpu.py" snapshot "$SVC_PID" >"$W/threads-$1-a.json"
    local c0; c0=$(cpu_ticks "$SVC_PID")
    sleep "${2:-$IDLE_SECONDS}"
    echo "cpu_ticks_$1=$(( $(cpu_ticks "$SVC_PID") - c0 ))" >>"$R/idle.txt"
    python3 "$BENCH_DIR/thread_cpu.py" snapshot "$SVC_PID" >"$W/threads-$1-b.json"
    python3 "$BENCH_DIR/thread_cpu.py" diff "$W/threads-$1-a.json" "$W/threads-$1-b.json" >"$R/idle-threads-$1.txt"
    echo "rss_$1_kib=$(rss_kib "$SVC_PID")" >>"$R/idle.txt"
  }
  heap() { # name: heap now, then the live heap after a full GC (outside the measured windows)
    command -v jcmd >/dev/null || return 0
    jcmd "$SVC_PID" GC.heap_info >"$R/idle-heap-$1.txt" 2>&1 || true
    jcmd "$SVC_PID" GC.run >/dev/null 2>&1 || true
    jcmd "$SVC_PID" GC.heap_info >"$R/idle-live-$1.txt" 2>&1 || true
  }
  start_service idle
  log "idle: warm-up (100 followers for 3 s)"
  python3 "$BENCH_DIR/idle_followers.py" --port "$SVC_PORT" --paths-file "$W/follow-paths.txt" \
    --n 100 --hold-max 3 >"$R/idle-warmup.txt"
  sleep 3
  {
    echo "clk_tck=$CLK_TCK"
    echo "window_s=$IDLE_SECONDS"
    echo "settle_s=$IDLE_SETTLE_SECONDS"
    echo "steady_s=$IDLE_STEADY_SECONDS"
    echo "followers=$FOLLOWERS"
    echo "files=$FOLLOW_FILES"
    echo "rss_before_kib=$(rss_kib "$SVC_PID")"
    echo "threads_before=$(threads "$SVC_PID")"
    echo "streams_before=$(streams_open)"
  } >"$R/idle.txt"
  log "idle: baseline, 0 followers, ${IDLE_SECONDS} s"
  window zero
  heap before
  log "idle: connecting $FOLLOWERS followers over $FOLLOW_FILES files"
  hold_followers "$R/idle-followers.txt"
  sleep 2
  open1=$(streams_open)
  {
    echo "streams_connected=$open1"
    echo "rss_connected_kib=$(rss_kib "$SVC_PID")"
    echo "threads_connected=$(threads "$SVC_PID")"
  } >>"$R/idle.txt"
  # The first window with followers still includes JIT compilation of the re-check and ping
  # paths; the second one is the steady state the goal is about.
  log "idle: $open1 streams open; first window ${IDLE_SECONDS} s"
  window first
  log "idle: second window ${IDLE_SECONDS} s"
  window second
  # the ping path is compiled by the JIT only after minutes of pings: an agent runs for days
  log "idle: settling ${IDLE_SETTLE_SECONDS} s, then the steady window ${IDLE_STEADY_SECONDS} s"
  sleep "$IDLE_SETTLE_SECONDS"
  window steady "$IDLE_STEADY_SECONDS"
  echo "streams_end_of_window=$(streams_open)" >>"$R/idle.txt"
  heap followers
  stop_pid "$BG_PID"; BG_PID=""
  sleep 3
  {
    echo "streams_after_close=$(streams_open)"
    echo "rss_after_close_kib=$(rss_kib "$SVC_PID")"
  } >>"$R/idle.txt"
  stop_service
fi

echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$R/env.txt"
python3 "$BENCH_DIR/report.py" "$R" | tee "${BENCH_OUT:-/dev/null}"
