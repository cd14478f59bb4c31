#!/usr/bin/env bash
# What a deployed MessageLogging policy costs an API call, side by side in one run on this machine:
# the same log-service range request (last 100 lines of a task file) at a fixed rate, its latency
# percentiles (hey) in three states of one running log-service, rounds interleaved so a drift of the
# machine's load hits every state alike:
#   none  no policy deployed (the baseline)
#   up    one Syslog-over-TCP policy deployed, a real rsyslogd receiving every call's line
#   down  the same policy, rsyslogd killed (SIGKILL): the destination reconnects with back-off and
#         drops what does not fit its queue; the API must not notice
# Every "up" round also checks that rsyslog received exactly one line per call (none lost, none
# repeated), and the first "up" after a "down" that delivery resumed. Beside the latencies, each
# state's log-service CPU time per call and its garbage collections (from its GC log) are reported.
#
#   bench/messagelogging-api.sh
#
# Environment (all optional): LOG_JAR, POLICY_JAR (quarkus-run.jars; default this repo's, built when
# missing), RATE=500 WORKERS=10 (hey: requests/s in all), ROUND_SECONDS=20, ROUNDS=5, BENCH_TMP,
# BENCH_KEEP=1. JVM options are each service's jvm.options, as run-local.sh and the container use
# them. Auth is off in both services (its cost is bench/auth.sh's subject). Only 127.0.0.1 is used.
set -euo pipefail
umask 022

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
RATE=${RATE:-500}
WORKERS=${WORKERS:-10}
ROUND_SECONDS=${ROUND_SECONDS:-20}
ROUNDS=${ROUNDS:-5}

BENCH_NAME=ml-api-bench
# shellcheck source=bench/common.sh
. "$BENCH_DIR/common.sh"
require_tools java curl python3 hey /usr/sbin/rsyslogd

LOG_JAR=${LOG_JAR:-$REPO/log-service/target/quarkus-app/quarkus-run.jar}
POLICY_JAR=${POLICY_JAR:-$REPO/policy-service/target/quarkus-app/quarkus-run.jar}
require_jars log-service="$LOG_JAR" policy-service="$POLICY_JAR"

bench_workdir
LOAD_START=$(load)

# ---------------------------------------------------------------- data
bash "$REPO/dev/demo-data.sh" "$W/demo" >/dev/null
run_dir="$W/demo/sandbox/frameworks/demo-framework/executors/web.1/runs/c-0001"
python3 "$BENCH_DIR/genlog.py" "$run_dir/stdout" $((8 * 1048576)) >&2
RANGE_PATH="/system/v1/logs/v2/task/frameworks/demo-framework/executors/web.1/runs/c-0001/stdout?cursor=END&skip=-100"

# ---------------------------------------------------------------- rsyslogd
SYSLOG_PORT=$(free_port)
mkdir -p "$W/rsyslog"
cat >"$W/rsyslog/rsyslog.conf" <<EOF
global(workDirectory="$W/rsyslog" maxMessageSize="64k")
module(load="imtcp" maxSessions="50")
template(name="raw" type="string" string="%rawmsg%\n")
input(type="imtcp" address="127.0.0.1" port="$SYSLOG_PORT" ruleset="tcp")
ruleset(name="tcp") { action(type="omfile" file="$W/rsyslog/tcp.log" template="raw") }
EOF
: >"$W/rsyslog/tcp.log"
RSYSLOG_PID=
rsyslog_start() {
  /usr/sbin/rsyslogd -n -f "$W/rsyslog/rsyslog.conf" -i "$W/rsyslog/rsyslogd.pid" >>"$W/rsyslog/rsyslogd.out" 2>&1 &
  RSYSLOG_PID=$!
  PIDS+=("$RSYSLOG_PID")
  local _
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$SYSLOG_PORT") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "rsyslogd did not listen on $SYSLOG_PORT:" >&2; cat "$W/rsyslog/rsyslogd.out" >&2; exit 1
}
rsyslog_kill() {
  kill -9 "$RSYSLOG_PID"
  wait "$RSYSLOG_PID" 2>/dev/null || true
  rm -f "$W/rsyslog/rsyslogd.pid"
  RSYSLOG_PID=
}
received() { wc -l <"$W/rsyslog/tcp.log"; }

# ---------------------------------------------------------------- services
POLICY_PORT=$(free_port)
POLICY=http://127.0.0.1:$POLICY_PORT
log "starting policy-service on $POLICY_PORT; load average $(load)"
java @"$REPO/policy-service/jvm.options" -Dquarkus.http.port="$POLICY_PORT" -Dquarkus.http.host=127.0.0.1 \
  -Dauth.enabled=false -Dpolicy.data-dir="$W/policy-data" \
  -jar "$POLICY_JAR" >"$W/policy-service.log" 2>&1 &
POLICY_PID=$!
PIDS+=("$POLICY_PID")
wait_ready "$POLICY" "$POLICY_PID" "$W/policy-service.log"

LOG_PORT=$(free_port)
LOGS=http://127.0.0.1:$LOG_PORT
log "starting log-service on $LOG_PORT"
launch_log_service 127.0.0.1 "$LOG_PORT" "$W/demo" "$W/log-service.log" -Xlog:gc:file="$W/gc.log":time \
  -Dauth.enabled=false -Dmessagelogging.policy-service.url="$POLICY" -Dmessagelogging.file.root="$W/ml-files" \
  -Dmessagelogging.state-file="$W/ml-state.json"
wait_ready "$LOGS" "$LOG_PID" "$W/log-service.log"
curl -fs -o /dev/null "$LOGS$RANGE_PATH" || { echo "the range request failed" >&2; exit 1; }

POLICY_XML="<MessageLogging name=\"Bench\"><Syslog><Message>{request.verb} {request.uri} {response.status.code} {messageid}</Message>\
<Host>127.0.0.1</Host><Port>$SYSLOG_PORT</Port><Protocol>TCP</Protocol><FormatMessage>true</FormatMessage></Syslog></MessageLogging>"
curl -fs -o /dev/null -X PUT "$POLICY/v1/policies/Bench" -H 'Content-Type: application/xml' -d "$POLICY_XML" \
  || { echo "policy-service refused the policy" >&2; exit 1; }

# ---------------------------------------------------------------- states
metric() { # name -> the sum of its samples in log-service's /q/metrics
  curl -fs "$LOGS/q/metrics" | awk -v n="$1" '$1 == n || index($1, n "{") == 1 {s += $2} END {print s + 0}'
}
await_deployed() { # count
  local _
  for _ in $(seq 1 300); do
    [ "$(metric messagelogging_deployed_policies)" = "$1" ] && return 0
    sleep 0.1
  done
  echo "log-service did not get to $1 deployed policies" >&2; exit 1
}
DEPLOYED=0
deploy() {
  [ "$DEPLOYED" = 1 ] && return 0
  curl -fs -o /dev/null -X PUT "$POLICY/v1/environments/default/deployments/Bench" -H 'Content-Type: application/json' \
    -d '{"revision":1}'
  await_deployed 1
  DEPLOYED=1
}
undeploy() {
  [ "$DEPLOYED" = 0 ] && return 0
  curl -fs -o /dev/null -X DELETE "$POLICY/v1/environments/default/deployments/Bench"
  await_deployed 0
  DEPLOYED=0
}
# Probes until rsyslog has a line for every probe sent so far: delivery (re)started.
await_delivery() {
  local before _ i
  for i in $(seq 1 200); do
    before=$(received)
    curl -fs -o /dev/null "$LOGS$RANGE_PATH"
    sleep 0.1
    [ "$(received)" -gt "$before" ] && { log "delivery to rsyslog resumed after $i probe(s)"; return 0; }
  done
  echo "no line reached rsyslog: delivery did not resume" >&2; exit 1
}
await_quiet() { # rsyslog's line count stops growing
  local a b
  b=$(received)
  while :; do sleep 1; a=$(received); [ "$a" = "$b" ] && return 0; b=$a; done
}
set_state() {
  case $1 in
    none) undeploy ;;
    up) [ -n "$RSYSLOG_PID" ] || rsyslog_start; deploy; await_delivery; await_quiet ;;
    down) deploy; [ -z "$RSYSLOG_PID" ] || rsyslog_kill ;;
  esac
}

PER_WORKER=$((RATE / WORKERS))
# hey_round state round -> every request's timing (hey's CSV) in $W/<state>-<round>.csv, a line
# "state round start-epoch end-epoch cpu-ticks" in $W/rounds.txt: the round's time span (to find its
# collections in the GC log) and log-service's own CPU time during it; and each of its threads' CPU
# ticks before and after the round in $W/threads-<state>-<round>-{before,after}.txt
hey_round() {
  local start ticks
  thread_ticks >"$W/threads-$1-$2-before.txt"
  start=$(date +%s.%N)
  ticks=$(cpu_ticks "$LOG_PID")
  hey -z "${ROUND_SECONDS}s" -c "$WORKERS" -q "$PER_WORKER" -o csv "$LOGS$RANGE_PATH" >"$W/$1-$2.csv"
  echo "$1 $2 $start $(date +%s.%N) $(($(cpu_ticks "$LOG_PID") - ticks))" >>"$W/rounds.txt"
  thread_ticks >"$W/threads-$1-$2-after.txt"
}
thread_ticks() { # "tid name ticks" of every log-service thread
  local t
  for t in /proc/"$LOG_PID"/task/*; do
    echo "${t##*/} $(tr ' ' _ <"$t/comm") $(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0)"
  done
}
calls() { # hey CSV -> responses in all
  awk 'NR > 1 && $0 != "" {n++} END {print n + 0}' "$1"
}

rsyslog_start
log "warm-up: ${ROUND_SECONDS}s in each state"
for state in none up down; do
  set_state "$state"
  hey_round "$state" 0
done
dropped_before=$(metric messagelogging_records_dropped_total)
: >"$W/delivery.txt"
ORDERS=("none up down" "up down none" "down none up")
for round in $(seq 1 "$ROUNDS"); do
  for state in ${ORDERS[$(((round - 1) % 3))]}; do
    set_state "$state"
    log "round $round of $ROUNDS: $state, ${ROUND_SECONDS}s at $RATE/s"
    before=$(received)
    hey_round "$state" "$round"
    if [ "$state" = up ]; then
      await_quiet
      echo "$(calls "$W/up-$round.csv") $(($(received) - before))" >>"$W/delivery.txt"
    fi
  done
done
dropped=$(python3 -c "print(int(float('$(metric messagelogging_records_dropped_total)') - float('$dropped_before')))")

python3 "$BENCH_DIR/messagelogging_api_report.py" "$W" "$ROUNDS" "$RATE" "$dropped" "$LOAD_START" "$(load)"
