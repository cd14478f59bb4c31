#!/usr/bin/env bash
# discovery-service, side by side in one run on this machine:
#   1. the task redirect's throughput (wrk, the same connection count) against nginx answering a
#      static 303 (`return 303`): the goal is at least half of nginx's requests/s;
#   2. the redirect's latency at a fixed 2000 requests/s (hey, redirects not followed) with an
#      index of 100 000 tasks (a generated state.json): the goal is p99 <= 5 ms; nginx at the same
#      rate as a baseline;
#   3. a 1 GiB task file (bench/genlog.py) downloaded through the agent proxy against the same
#      download from log-service directly (curl, alternating rounds): the goal is at least 70% of
#      the direct throughput, with discovery-service's RSS sampled 5 times a second while it
#      streams (flat).
#
#   bench/discovery.sh
#
# Both services run with authentication off (auth.enabled=false): this measures the index and
# the proxy; what a token costs is bench/auth.sh's part. Each runs with its shipped jvm.options
# (as run-local.sh and the container), discovery-service with its default 5 s refresh of the
# state.json file. nginx runs one worker.
#
# Environment (all optional): DISCOVERY_JAR, LOG_JAR (quarkus-run.jars; default this repo's, built
# when missing), TASKS=100000, CONNECTIONS=50 (wrk, both), WRK_SECONDS=15, ROUNDS=3 (wrk rounds and
# downloads per side, alternating), HEY_SECONDS=20, HEY_RATE=2000, HEY_WORKERS=20, FILE_MIB=1024,
# BENCH_TMP (parent of the temp dir, needs FILE_MIB + ~100 MiB), BENCH_KEEP=1 (keep it),
# PARTS="redirect latency download" (a subset), DISCOVERY_MAX_RAM=768m (the container's memory
# limit in deploy/, as the JVM would see it there). Only 127.0.0.1 is contacted.
set -euo pipefail
umask 022

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
TASKS=${TASKS:-100000}
CONNECTIONS=${CONNECTIONS:-50}
WRK_SECONDS=${WRK_SECONDS:-15}
ROUNDS=${ROUNDS:-3}
HEY_SECONDS=${HEY_SECONDS:-20}
HEY_RATE=${HEY_RATE:-2000}
HEY_WORKERS=${HEY_WORKERS:-20}
FILE_MIB=${FILE_MIB:-1024}
PARTS=${PARTS:-redirect latency download}
DISCOVERY_MAX_RAM=${DISCOVERY_MAX_RAM:-768m}
part() { [[ " $PARTS " == *" $1 "* ]]; }

BENCH_NAME=discovery-bench
# shellcheck source=bench/common.sh
. "$BENCH_DIR/common.sh"
require_tools java curl python3 wrk hey nginx

DISCOVERY_JAR=${DISCOVERY_JAR:-$REPO/discovery-service/target/quarkus-app/quarkus-run.jar}
LOG_JAR=${LOG_JAR:-$REPO/log-service/target/quarkus-app/quarkus-run.jar}
require_jars discovery-service="$DISCOVERY_JAR" log-service="$LOG_JAR"

bench_workdir
R=$W/results
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
LOAD_START=$(load)

# ---------------------------------------------------------------- data
AGENT=bench-agent-S0
mkdir -p "$R" "$W/nginx"
bash "$REPO/dev/demo-data.sh" "$W/demo" >/dev/null
RUN=frameworks/demo-framework/executors/web.1/runs/c-0001
python3 "$BENCH_DIR/genlog.py" "$W/demo/sandbox/$RUN/stdout" $((FILE_MIB * 1048576)) >&2
python3 "$BENCH_DIR/discovery_state.py" "$W/state.json" "$TASKS" "$AGENT" >&2

# ---------------------------------------------------------------- services
LOG_PORT=$(free_port)
LOGS=http://127.0.0.1:$LOG_PORT
log "starting log-service on $LOG_PORT; load average $(load)"
launch_log_service 127.0.0.1 "$LOG_PORT" "$W/demo" "$W/log-service.log" -Dauth.enabled=false -Dlogs.mesos-agent-id="$AGENT"
wait_ready "$LOGS" "$LOG_PID" "$W/log-service.log"

DISCOVERY_PORT=$(free_port)
DISC=http://127.0.0.1:$DISCOVERY_PORT
log "starting discovery-service on $DISCOVERY_PORT with $TASKS tasks"
# the memory the JVM sees in its container (deploy/: a 768 MiB limit), so MaxRAMPercentage in
# jvm.options sizes the heap as it does there, not from this machine's RAM
java @"$REPO/discovery-service/jvm.options" -XX:MaxRAM="$DISCOVERY_MAX_RAM" \
  -Dquarkus.http.port="$DISCOVERY_PORT" -Dquarkus.http.host=127.0.0.1 \
  -Dauth.enabled=false -Ddiscovery.mesos.state="$W/state.json" -Ddiscovery.log-service.port="$LOG_PORT" \
  -jar "$DISCOVERY_JAR" >"$W/discovery-service.log" 2>&1 &
DISC_PID=$!
PIDS+=("$DISC_PID")
wait_ready "$DISC" "$DISC_PID" "$W/discovery-service.log"

# a running task from the middle of the index, by its name
TASK_PATH=/system/v1/logs/v2/task/app-$(printf %06d $((TASKS / 2 + 1)))
LOCATION=$(curl -s -o /dev/null -w '%{redirect_url}' "$DISC$TASK_PATH" | sed -E 's#^https?://[^/]+##')
[ -n "$LOCATION" ] || { echo "no redirect for $TASK_PATH" >&2; exit 1; }
log "redirect: $TASK_PATH -> $LOCATION"

NGINX_PORT=$(free_port)
NGX=http://127.0.0.1:$NGINX_PORT
cat >"$W/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $W/nginx/nginx.pid;
error_log $W/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  absolute_redirect off;
  client_body_temp_path $W/nginx/client_body;
  proxy_temp_path $W/nginx/proxy;
  fastcgi_temp_path $W/nginx/fastcgi;
  uwsgi_temp_path $W/nginx/uwsgi;
  scgi_temp_path $W/nginx/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { return 303 $LOCATION; }
    # a C reverse proxy moving the same download, streaming as ours does (no buffering to disk):
    # what a copying proxy achieves on this machine, for the proxy's figure
    location /via-nginx/ { proxy_pass http://127.0.0.1:$LOG_PORT/; proxy_buffering off; proxy_http_version 1.1; }
  }
}
CONF
nginx -p "$W/nginx" -e "$W/nginx/error.log" -c "$W/nginx/nginx.conf" &
NGINX_PID=$!
PIDS+=("$NGINX_PID")
for _ in $(seq 1 50); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$NGX$TASK_PATH")" = 303 ] && break
  sleep 0.1
done

# ---------------------------------------------------------------- 1. redirect throughput
if part redirect; then
  # besides wrk's figures, the server's own CPU time per request (common.sh's wrk_cpu_round)
  wrk_round() { # url pid -> "rps p50_ms p99_ms cpu_us_per_request"
    wrk_cpu_round "$1" "$2" "$WRK_SECONDS" "$CONNECTIONS"
  }
  NGINX_WORKER=$(pgrep -P "$NGINX_PID" nginx | head -1)
  log "redirect throughput: warm-up"
  wrk_round "$DISC$TASK_PATH" "$DISC_PID" >/dev/null
  wrk_round "$NGX$TASK_PATH" "$NGINX_WORKER" >/dev/null
  : >"$R/redirect.txt"
  for round in $(seq 1 "$ROUNDS"); do
    log "redirect throughput: round $round of $ROUNDS"
    echo "discovery $(wrk_round "$DISC$TASK_PATH" "$DISC_PID")" >>"$R/redirect.txt"
    echo "nginx $(wrk_round "$NGX$TASK_PATH" "$NGINX_WORKER")" >>"$R/redirect.txt"
  done
fi

# ---------------------------------------------------------------- 2. redirect latency at a fixed rate
if part latency; then
  PER_WORKER=$((HEY_RATE / HEY_WORKERS))
  log "redirect latency: warm-up, then ${HEY_SECONDS}s at $HEY_RATE/s"
  hey -disable-redirects -z 10s -c "$HEY_WORKERS" -q "$PER_WORKER" "$DISC$TASK_PATH" >/dev/null
  hey -disable-redirects -z "${HEY_SECONDS}s" -c "$HEY_WORKERS" -q "$PER_WORKER" "$DISC$TASK_PATH" >"$R/hey-discovery.txt"
  hey -disable-redirects -z "${HEY_SECONDS}s" -c "$HEY_WORKERS" -q "$PER_WORKER" "$NGX$TASK_PATH" >"$R/hey-nginx.txt"
fi

# ---------------------------------------------------------------- 3. 1 GiB through the proxy
if part download; then
  DIRECT=$LOGS/system/v1/logs/v2/task/$RUN/stdout/download
  PROXIED=$DISC/system/v1/agent/$AGENT/logs/v2/task/$RUN/stdout/download
  download() { # kind url
    curl -fs -o /dev/null --max-time 600 -w "$1 %{speed_download} %{size_download}\n" "$2" >>"$R/download.txt"
  }
  log "download: warm-up (a tenth of the file each way)"
  for url in "$DIRECT" "$PROXIED"; do
    curl -s "$url" | head -c $((FILE_MIB * 104857)) >/dev/null || true
  done
  : >"$R/download.txt"
  : >"$R/rss.txt"
  echo "idle $(rss_kib "$DISC_PID")" >>"$R/rss.txt"
  for round in $(seq 1 "$ROUNDS"); do
    log "download: round $round of $ROUNDS"
    download direct "$DIRECT"
    download nginx-proxy "$NGX/via-nginx/system/v1/logs/v2/task/$RUN/stdout/download"
    download proxied "$PROXIED" &
    CURL_PID=$!
    while kill -0 "$CURL_PID" 2>/dev/null; do
      echo "streaming $(rss_kib "$DISC_PID")" >>"$R/rss.txt"
      sleep 0.2
    done
    wait "$CURL_PID"
  done
  echo "after $(rss_kib "$DISC_PID")" >>"$R/rss.txt"
fi

LOAD_END=$(load)
python3 "$BENCH_DIR/discovery_report.py" "$R" "$TASKS" "$HEY_RATE" "$CONNECTIONS" "$LOAD_START" "$LOAD_END"
