#!/usr/bin/env bash
# The clusterlogs command's time, start-up included, against `java -version` in the same run:
#
#   bench/cli.sh
#
# `clusterlogs task log nginx --lines 1000` (a 10 MiB task file: the last 1000 lines through
# discovery-service's redirect and agent proxy to log-service), each variant run by hyperfine
# (warm-up runs, then RUNS runs, medians), interleaved with the baselines:
#   - `java -version`: the JVM's own start (the goal: the launcher within 3x of it);
#   - the launcher `cli/clusterlogs` as shipped (C1 only, Serial GC, small heap, the JDK's CDS
#     archive plus the application archive its first run wrote), URL and token from the config
#     file as after a login; and with them from the environment (no config file read);
#   - the launcher with CLUSTERLOGS_CDS=off (no application archive);
#   - `java -jar quarkus-run.jar` with the JVM's defaults;
#   - the jar with the archive Quarkus makes at build time (quarkus.package.jar.appcds.enabled;
#     it is only valid run from target/quarkus-app, the class path it recorded is relative);
#   - `curl -sL` of the same request: the request alone, no JVM;
#   - when a JDK 25 or later is installed (JAVA25, default the first one under /usr/lib/jvm): its
#     `java -version`, and the launcher run by it (CLUSTERLOGS_JAVA), which then keeps an AOT cache
#     instead of a CDS archive.
# Both services run with authentication off (auth.enabled=false): start-up is what is measured
# here, a token's cost is bench/auth.sh's part.
#
# The table has the wall-clock medians and, less sensitive to a loaded machine, the CPU time
# (user + system) of each command, both also as multiples of `java -version`'s.
#
# Environment (all optional): RUNS=15, WARMUP=3, FILE_MIB=10, CLI_DIR (default this repo's cli/,
# built when its jar is missing), LOG_JAR, DISCOVERY_JAR, BENCH_TMP, BENCH_KEEP=1.
# Only 127.0.0.1 is contacted.
set -euo pipefail
umask 022

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
RUNS=${RUNS:-15}
WARMUP=${WARMUP:-3}
FILE_MIB=${FILE_MIB:-10}
CLI_DIR=${CLI_DIR:-$REPO/cli}

BENCH_NAME=cli-bench
# shellcheck source=bench/common.sh
. "$BENCH_DIR/common.sh"
require_tools java curl python3 hyperfine

APP=$CLI_DIR/target/quarkus-app
DISCOVERY_JAR=${DISCOVERY_JAR:-$REPO/discovery-service/target/quarkus-app/quarkus-run.jar}
LOG_JAR=${LOG_JAR:-$REPO/log-service/target/quarkus-app/quarkus-run.jar}
require_jars cli="$APP/quarkus-run.jar" discovery-service="$DISCOVERY_JAR" log-service="$LOG_JAR"

bench_workdir
LOAD_START=$(load)

# ---------------------------------------------------------------- data and services
AGENT=bench-agent-S0
bash "$REPO/dev/demo-data.sh" "$W/demo" >/dev/null
bash "$REPO/dev/demo-state.sh" "$W/state.json" "$AGENT" >/dev/null
RUN=frameworks/demo-framework/executors/web.1/runs/c-0001
python3 "$BENCH_DIR/genlog.py" "$W/demo/sandbox/$RUN/stdout" $((FILE_MIB * 1048576)) >&2

LOG_PORT=$(free_port)
log "starting log-service on $LOG_PORT; load average $(load)"
launch_log_service 127.0.0.1 "$LOG_PORT" "$W/demo" "$W/log-service.log" -Dauth.enabled=false -Dlogs.mesos-agent-id="$AGENT"
wait_ready "http://127.0.0.1:$LOG_PORT" "$LOG_PID" "$W/log-service.log"

DISCOVERY_PORT=$(free_port)
DISC=http://127.0.0.1:$DISCOVERY_PORT
log "starting discovery-service on $DISCOVERY_PORT"
java @"$REPO/discovery-service/jvm.options" -Dquarkus.http.port="$DISCOVERY_PORT" -Dquarkus.http.host=127.0.0.1 \
  -Dauth.enabled=false -Ddiscovery.mesos.state="$W/state.json" -Ddiscovery.log-service.port="$LOG_PORT" \
  -jar "$DISCOVERY_JAR" >"$W/discovery-service.log" 2>&1 &
PIDS+=("$!")
wait_ready "$DISC" "$!" "$W/discovery-service.log"

# ---------------------------------------------------------------- the commands
# as after a login: the URL and a token in the config file (read with Jackson on every command)
export XDG_CONFIG_HOME=$W/config XDG_CACHE_HOME=$W/cache
mkdir -p "$W/config/clusterlogs"
printf '{"url": "%s", "token": "unused-auth-is-off", "uid": "bench"}\n' "$DISC" >"$W/config/clusterlogs/config.json"
ARGS="task log nginx --lines 1000"
EXPECTED=$(curl -sfL "$DISC/system/v1/logs/v2/task/nginx?cursor=END&skip=-1000" | sha256sum)
# the launcher's first run writes its archive; every variant must print exactly what curl gets
for variant in "$CLI_DIR/clusterlogs $ARGS" "java -jar $APP/quarkus-run.jar $ARGS" \
               "cd $APP && java -XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar $ARGS"; do
  got=$(bash -c "$variant" | sha256sum)
  [ "$got" = "$EXPECTED" ] || { echo "wrong output from: $variant" >&2; exit 1; }
done
ls "$W"/cache/clusterlogs/*.jsa >/dev/null

# a JDK 25 or later, if there is one: the launcher's AOT cache
JAVA25=${JAVA25:-$(for r in /usr/lib/jvm/*/release; do
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$r"); [ "${v:-0}" -ge 25 ] && { echo "${r%/release}/bin/java"; break; }
done)}
JDK25_VARIANTS=()
if [ -n "$JAVA25" ]; then
  got=$(CLUSTERLOGS_JAVA=$JAVA25 "$CLI_DIR/clusterlogs" $ARGS | sha256sum)
  [ "$got" = "$EXPECTED" ] || { echo "wrong output from the launcher on $JAVA25" >&2; exit 1; }
  ls "$W"/cache/clusterlogs/*.aot >/dev/null
  JDK25_VARIANTS=(-n "java -version, JDK 25" "$JAVA25 -version"
                  -n "clusterlogs (launcher), JDK 25 AOT cache" "env CLUSTERLOGS_JAVA=$JAVA25 $CLI_DIR/clusterlogs $ARGS")
fi

log "hyperfine: $RUNS runs each after $WARMUP warm-up runs"
hyperfine -N --warmup "$WARMUP" --runs "$RUNS" --export-json "$W/hyperfine.json" --output=null \
  -n "java -version" "java -version" \
  -n "clusterlogs (launcher)" "$CLI_DIR/clusterlogs $ARGS" \
  -n "launcher, URL and token from the environment" "env CLUSTERLOGS_URL=$DISC CLUSTERLOGS_TOKEN=unused $CLI_DIR/clusterlogs $ARGS" \
  -n "launcher, CLUSTERLOGS_CDS=off" "env CLUSTERLOGS_CDS=off $CLI_DIR/clusterlogs $ARGS" \
  -n "java -jar, JVM defaults" "java -jar $APP/quarkus-run.jar $ARGS" \
  -n "java -jar, Quarkus' build-time AppCDS" "bash -c 'cd $APP && exec java -XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar $ARGS'" \
  -n "curl -sL (the request alone)" "curl -sL $DISC/system/v1/logs/v2/task/nginx?cursor=END&skip=-1000" \
  ${JDK25_VARIANTS[@]+"${JDK25_VARIANTS[@]}"} >&2

python3 - "$W/hyperfine.json" "$LOAD_START" "$(load)" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
version = next(r for r in results if r["command"] == "java -version")
cpu = lambda r: r["user"] + r["system"]
print(f"load average: start {sys.argv[2]}, end {sys.argv[3]}\n")
print("| command | median ms | min ms | max ms | × `java -version` (median) | CPU ms (user+sys, mean) | × `java -version` (CPU) |")
print("|---|---:|---:|---:|---:|---:|---:|")
for r in results:
    print(f"| {r['command']} | {r['median']*1000:.0f} | {r['min']*1000:.0f} | {r['max']*1000:.0f} "
          f"| {r['median']/version['median']:.2f} | {cpu(r)*1000:.0f} | {cpu(r)/cpu(version):.1f} |")
PY
