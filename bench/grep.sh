#!/usr/bin/env bash
# grep= against grep, side by side on the same 1 GiB file: the wall time of
#   grep -F LITERAL file | wc -l        vs   curl 'task route?grep=LITERAL' | wc -l
#   grep -E REGEX file | wc -l          vs   curl 'task route?grep=REGEX' | wc -l
# for a literal that matches rarely (seq=000123: 1000 lines of 10.7 million), a common one
# (ERROR: one line in six), a rare and a common regular expression. Text range reads, the
# output counted by wc (grep stops at its first match when its output is /dev/null). Each
# case: one warm-up request, then ROUNDS rounds alternating grep and curl; the medians and
# their ratio (goal: literal within 2x of grep -F, regex within 5x of grep -E).
#
# log-service runs with its shipped jvm.options (as run-local.sh starts it), authentication off.
# grep runs with LC_ALL=C (its fastest: no multibyte handling); GREP_LOCALE=... to change.
# Environment (optional): LOG_JAR, FILE_MIB (1024), ROUNDS (5), BENCH_TMP, BENCH_KEEP=1.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
FILE_MIB=${FILE_MIB:-1024}
ROUNDS=${ROUNDS:-5}
GREP_LOCALE=${GREP_LOCALE:-C}

BENCH_NAME=grep-bench
# shellcheck source=bench/common.sh
. "$BENCH_DIR/common.sh"
require_tools java curl python3 grep wc

LOG_JAR=${LOG_JAR:-$REPO/log-service/target/quarkus-app/quarkus-run.jar}
require_jars log-service="$LOG_JAR"

bench_workdir
AGENT=bench-agent-S0
RUN=frameworks/bench/executors/grep/runs/c-0001
mkdir -p "$W/sandbox/$RUN" "$W/pods" "$W/components" "$W/journal"
FILE=$W/sandbox/$RUN/stdout
python3 "$BENCH_DIR/genlog.py" "$FILE" $((FILE_MIB * 1048576)) >&2
cat "$FILE" >/dev/null # in the page cache for both sides

PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
log "starting log-service on $PORT; load average $(load)"
launch_log_service 127.0.0.1 "$PORT" "$W" "$W/log-service.log" -Dauth.enabled=false -Dlogs.mesos-agent-id="$AGENT"
wait_ready "$BASE" "$LOG_PID" "$W/log-service.log"
ROUTE="$BASE/system/v1/logs/v2/task/$RUN/stdout"

now() { date +%s.%N; }
# Runs a pipeline, prints "seconds lines".
timed() { # command...
  local t0 t1 n
  t0=$(now)
  n=$("$@" | wc -l)
  t1=$(now)
  echo "$(python3 -c 'import sys; print(f"{float(sys.argv[2]) - float(sys.argv[1]):.3f}")' "$t0" "$t1") $n"
}
grep_side() { LC_ALL=$GREP_LOCALE grep "$1" -- "$2" "$FILE"; }
curl_side() { curl -fsS -G --data-urlencode "grep=$1" "$ROUTE"; }
median() { python3 -c 'import statistics,sys; print(f"{statistics.median(map(float, sys.argv[1:])):.3f}")' "$@"; }

CASES=(
  "literal-rare|-F|seq=000123"
  "literal-common|-F|ERROR"
  "regex-rare|-E|seq=000123[0-9]{3} (cache|queue|user)"
  "regex-common|-E|ERROR \\[worker-1[0-5]\\] seq=[0-9]+ [a-z]+ (miss|hit)"
)
printf '%-15s %-8s %10s %10s %8s %10s\n' case grep grep_s curl_s ratio lines
for c in "${CASES[@]}"; do
  IFS='|' read -r name mode pattern <<<"$c"
  curl_side "$pattern" >/dev/null # warm-up: the JIT compiles the search path
  g=() s=() lines_g=0 lines_s=0
  for _ in $(seq 1 "$ROUNDS"); do
    read -r t lines_g < <(timed grep_side "$mode" "$pattern"); g+=("$t")
    read -r t lines_s < <(timed curl_side "$pattern"); s+=("$t")
  done
  [ "$lines_g" = "$lines_s" ] || { echo "$name: grep found $lines_g lines, log-service $lines_s" >&2; exit 1; }
  gm=$(median "${g[@]}"); sm=$(median "${s[@]}")
  printf '%-15s %-8s %10s %10s %8s %10s\n' "$name" "grep $mode" "$gm" "$sm" \
    "$(python3 -c 'import sys; print(f"{float(sys.argv[2]) / float(sys.argv[1]):.2f}")' "$gm" "$sm")" "$lines_s"
done
log "done; load average $(load); log-service RSS $(awk '/^VmRSS/ {print $2}' "/proc/$LOG_PID/status") KiB"
