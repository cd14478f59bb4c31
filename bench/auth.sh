#!/usr/bin/env bash
# The cost of authentication, side by side in one run on this machine:
#   1. a log-service range request (last 100 lines of a task file) with a valid token and a
#      cached decision, against the same request to a second log-service with auth.enabled=false;
#   2. auth-service's policy query at a fixed 2000 requests/s: latency percentiles (hey), against
#      its public /service-info at the same rate as the baseline (what the machine, the load tool
#      and the HTTP stack give at all);
#   3. a password login: the time of one login (the password hash dominates it).
#
#   bench/auth.sh
#
# Environment (all optional): AUTH_JAR, LOG_JAR (quarkus-run.jars; default this repo's, built
# when missing), RANGE_SECONDS=15 RANGE_ROUNDS=3 RANGE_CONNECTIONS=8 (wrk per round and service),
# PQ_SECONDS=20 PQ_RATE=2000 PQ_WORKERS=20 (hey), LOGINS=20, BENCH_TMP (parent of the temp dir),
# BENCH_KEEP=1 (keep it), PARTS="range pq login" (a subset to run), BENCH_JFR=DIR (record a
# Java Flight Recording of auth-service and the authenticating log-service into DIR, to see where
# the time goes; the figures of such a run are not the ones to report). JVM options are each service's jvm.options, as run-local.sh and the
# container use them. Only 127.0.0.1 is contacted.
set -euo pipefail
umask 022

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
RANGE_SECONDS=${RANGE_SECONDS:-15}
RANGE_ROUNDS=${RANGE_ROUNDS:-3}
RANGE_CONNECTIONS=${RANGE_CONNECTIONS:-8}
PQ_SECONDS=${PQ_SECONDS:-20}
PQ_RATE=${PQ_RATE:-2000}
PQ_WORKERS=${PQ_WORKERS:-20}
LOGINS=${LOGINS:-20}
PARTS=${PARTS:-range pq login}
part() { [[ " $PARTS " == *" $1 "* ]]; }

BENCH_NAME=auth-bench
# shellcheck source=bench/common.sh
. "$BENCH_DIR/common.sh"
require_tools java curl python3 openssl wrk hey

AUTH_JAR=${AUTH_JAR:-$REPO/auth-service/target/quarkus-app/quarkus-run.jar}
LOG_JAR=${LOG_JAR:-$REPO/log-service/target/quarkus-app/quarkus-run.jar}
require_jars auth-service="$AUTH_JAR" log-service="$LOG_JAR"

bench_workdir

jfr() { # name -> JVM option recording into BENCH_JFR, or nothing
  [ -n "${BENCH_JFR:-}" ] && echo "-XX:FlightRecorderOptions=stackdepth=512 -XX:StartFlightRecording=settings=profile,filename=$BENCH_JFR/$1.jfr,dumponexit=true"
  return 0
}
LOAD_START=$(load)

# ---------------------------------------------------------------- credentials, data
mkdir -p "$W/keys" "$W/auth-data"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$W/keys/log-service.pem" 2>/dev/null
openssl pkey -in "$W/keys/log-service.pem" -pubout -out "$W/keys/log-service.pub.pem"
ADMIN_PASSWORD=$(openssl rand -hex 12)
bash "$REPO/dev/demo-data.sh" "$W/demo" >/dev/null
run_dir="$W/demo/sandbox/frameworks/demo-framework/executors/web.1/runs/c-0001"
python3 "$BENCH_DIR/genlog.py" "$run_dir/stdout" $((8 * 1048576)) >&2
RANGE_PATH="/system/v1/logs/v2/task/frameworks/demo-framework/executors/web.1/runs/c-0001/stdout?cursor=END&skip=-100"

# ---------------------------------------------------------------- services
AUTH_PORT=$(free_port)
AUTH=http://127.0.0.1:$AUTH_PORT
log "starting auth-service on $AUTH_PORT; load average $(load)"
AUTH_KEY_ENCRYPTION_KEY=$(openssl rand -base64 32) AUTH_BOOTSTRAP_PASSWORD=$ADMIN_PASSWORD \
  java @"$REPO/auth-service/jvm.options" $(jfr auth-service) -Dquarkus.http.port="$AUTH_PORT" -Dquarkus.http.host=127.0.0.1 \
  -Dauth.data-dir="$W/auth-data" -Dauth.bootstrap.uid=admin \
  "-Dauth.bootstrap.service-accounts.\"log-service\".public-key=$W/keys/log-service.pub.pem" \
  -Dquarkus.log.category.audit.level=WARN \
  -jar "$AUTH_JAR" >"$W/auth-service.log" 2>&1 &
AUTH_PID=$!
PIDS+=("$AUTH_PID")
wait_ready "$AUTH" "$AUTH_PID" "$W/auth-service.log"

# Sets SERVICE_URL and SERVICE_PID (not in a subshell: cleanup must see every pid).
start_log_service() { # name, extra options...
  local name=$1 port
  shift
  port=$(free_port)
  launch_log_service 127.0.0.1 "$port" "$W/demo" "$W/$name.log" -Dquarkus.log.category.audit.level=WARN "$@"
  SERVICE_PID=$LOG_PID
  SERVICE_URL="http://127.0.0.1:$port"
  wait_ready "$SERVICE_URL" "$SERVICE_PID" "$W/$name.log"
}
log "starting log-service with auth, and one with auth.enabled=false"
start_log_service with-auth $(jfr log-service-with-auth) -Dauth.url="$AUTH" -Dauth.service-account.uid=log-service \
  -Dauth.service-account.private-key="$W/keys/log-service.pem"
WITH=$SERVICE_URL WITH_PID=$SERVICE_PID
start_log_service without-auth $(jfr log-service-without-auth) -Dauth.enabled=false
WITHOUT=$SERVICE_URL WITHOUT_PID=$SERVICE_PID

TOKEN=$(curl -fs -X POST "$AUTH/acs/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"uid\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
curl -fs -o /dev/null -H "Authorization: token=$TOKEN" "$WITH$RANGE_PATH" || { echo "authenticated range request failed" >&2; exit 1; }
curl -fs -o /dev/null "$WITHOUT$RANGE_PATH" || { echo "range request without auth failed" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' "$WITH$RANGE_PATH")" = 401 ] || { echo "log-service with auth answered without a token" >&2; exit 1; }

RANGE_FILE=- PQ_FILE=- LOGIN_FILE=-
# ---------------------------------------------------------------- 1. range requests
# wrk prints requests/s and, with --latency, percentiles; the service's own CPU time (utime+stime
# from /proc, clock ticks) over the round divided by the requests served is the cost per request,
# which, unlike requests/s, does not depend on how much of the two cores wrk takes. Rounds
# alternate the services so a drift of the machine's load hits both alike. Three kinds:
#   with     auth on, the superuser's token in the header (decision cached after the first request)
#   without  auth off, the very same request (the same token header, ignored): the goal's baseline
#   bare     auth off, no header at all: what carrying a ~1 KB header costs by itself (info)
# The first round of each service is JIT warm-up, not counted.
wrk_round() { # url, pid, header-or-empty -> "rps p50_ms p99_ms cpu_us_per_request"
  wrk_cpu_round "$1$RANGE_PATH" "$2" "$RANGE_SECONDS" "$RANGE_CONNECTIONS" "$3"
}
HEADER="Authorization: token=$TOKEN"
if part range; then
log "range requests: warm-up"
wrk_round "$WITH" "$WITH_PID" "$HEADER" >/dev/null
wrk_round "$WITHOUT" "$WITHOUT_PID" "$HEADER" >/dev/null
: >"$W/range.txt"
for round in $(seq 1 "$RANGE_ROUNDS"); do
  log "range requests: round $round of $RANGE_ROUNDS"
  echo "with $(wrk_round "$WITH" "$WITH_PID" "$HEADER")" >>"$W/range.txt"
  echo "without $(wrk_round "$WITHOUT" "$WITHOUT_PID" "$HEADER")" >>"$W/range.txt"
  echo "bare $(wrk_round "$WITHOUT" "$WITHOUT_PID" "")" >>"$W/range.txt"
done
RANGE_FILE=$W/range.txt
fi

# ---------------------------------------------------------------- 2. policy query at a fixed rate
PQ_URL="$AUTH/acs/api/v1/internal/policyquery?rid=dcos:adminrouter:ops:system-logs&uid=log-service&action=full"
PER_WORKER=$((PQ_RATE / PQ_WORKERS))
if part pq; then
log "policy query: warm-up, then ${PQ_SECONDS}s at $PQ_RATE/s"
hey -z 10s -c "$PQ_WORKERS" -q "$PER_WORKER" -H "Authorization: token=$TOKEN" "$PQ_URL" >/dev/null
hey -z "${PQ_SECONDS}s" -c "$PQ_WORKERS" -q "$PER_WORKER" -H "Authorization: token=$TOKEN" "$PQ_URL" >"$W/pq.txt"
# the baseline, same rate and tool: auth-service's public /service-info (no token, no decision)
log "baseline: ${PQ_SECONDS}s of /service-info at $PQ_RATE/s"
hey -z 5s -c "$PQ_WORKERS" -q "$PER_WORKER" "$AUTH/service-info" >/dev/null
hey -z "${PQ_SECONDS}s" -c "$PQ_WORKERS" -q "$PER_WORKER" "$AUTH/service-info" >"$W/pq-baseline.txt"
PQ_FILE=$W/pq.txt
fi

# ---------------------------------------------------------------- 3. login
if part login; then
log "logins: $LOGINS in a row"
: >"$W/login.txt"
for _ in $(seq 1 "$LOGINS"); do
  curl -s -o /dev/null -w '%{time_total}\n' -X POST "$AUTH/acs/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"uid\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" >>"$W/login.txt"
done
LOGIN_FILE=$W/login.txt
fi

LOAD_END=$(load)
python3 "$BENCH_DIR/auth_report.py" "$RANGE_FILE" "$PQ_FILE" "$LOGIN_FILE" "$PQ_RATE" "$LOAD_START" "$LOAD_END"
