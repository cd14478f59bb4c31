#!/usr/bin/env bash
# The merged stream's live latency, side by side in one run: 50 tasks on 5 log-services (each
# bound to its own 127.0.0.x, all on one port, as nodes of a cluster) behind discovery-service;
# one appender writes a timestamped line to each task in turn; a merged follow of the 50 tasks
# (GET /system/v1/logs/v2/tasks?q=bench, SSE) and a follow of the first task alone (the agent
# route through discovery's proxy, the path a client of one task takes) run at the same time.
# Reported: append-to-delivery p50/p90/p99 of each (bench/merged_latency.py) and merged/single.
# The goal: the merged follow within 2x the single one.
#
#   bench/merged.sh
#
# Authentication is off in every service (auth.enabled=false): this measures the merge, not a
# token check. Each service runs with its shipped jvm.options.
#
# Environment (all optional): DISCOVERY_JAR, LOG_JAR (default this repo's, built when missing),
# NODES=5, TASKS_PER_NODE=10, LINES=10000, WARMUP=1000, MIN_GAP_MS=1, MAX_GAP_MS=3, BENCH_TMP,
# BENCH_KEEP=1. Contacts 127.0.0.1 to 127.0.0.$NODES only.
set -euo pipefail
umask 022

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
NODES=${NODES:-5}
TASKS_PER_NODE=${TASKS_PER_NODE:-10}
LINES=${LINES:-10000}
WARMUP=${WARMUP:-1000}
MIN_GAP_MS=${MIN_GAP_MS:-1}
MAX_GAP_MS=${MAX_GAP_MS:-3}

BENCH_NAME=merged-bench
# shellcheck source=bench/common.sh
. "$BENCH_DIR/common.sh"
require_tools java curl python3

DISCOVERY_JAR=${DISCOVERY_JAR:-$REPO/discovery-service/target/quarkus-app/quarkus-run.jar}
LOG_JAR=${LOG_JAR:-$REPO/log-service/target/quarkus-app/quarkus-run.jar}
require_jars discovery-service="$DISCOVERY_JAR" log-service="$LOG_JAR"

bench_workdir
LOAD_START=$(load)
AGENT_PREFIX=bench-agent-S
FW=bench-fw

# ---------------------------------------------------------------- data: sandboxes and state.json
: >"$W/files"
python3 - "$W" "$NODES" "$TASKS_PER_NODE" "$AGENT_PREFIX" "$FW" <<'PY'
import json, os, sys
w, nodes, per, prefix, fw = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
tasks, slaves, files = [], [], []
for node in range(nodes):
    agent = f"{prefix}{node}"
    slaves.append({"id": agent, "hostname": f"127.0.0.{node + 1}", "pid": f"slave(1)@127.0.0.{node + 1}:5051"})
    for k in range(per):
        tid = f"bench.n{node}t{k:02d}"
        d = f"{w}/node-{node}/sandbox/frameworks/{fw}/executors/{tid}/runs/c-{tid}"
        os.makedirs(d, exist_ok=True)
        open(f"{d}/stdout", "w").close()
        files.append(f"{d}/stdout")
        tasks.append({"id": tid, "name": "bench", "framework_id": fw, "executor_id": "", "slave_id": agent,
                      "state": "TASK_RUNNING", "statuses": [{"state": "TASK_RUNNING",
                      "container_status": {"container_id": {"value": f"c-{tid}"}}}]})
# task order in the files list: the first is the one followed alone
json.dump({"version": "1.4.0", "frameworks": [{"id": fw, "name": "bench", "tasks": tasks, "completed_tasks": []}],
           "completed_frameworks": [], "slaves": slaves}, open(f"{w}/state.json", "w"))
open(f"{w}/files", "w").write("\n".join(files) + "\n")
PY

# ---------------------------------------------------------------- services
LOG_PORT=$(free_port)
for node in $(seq 0 $((NODES - 1))); do
  launch_log_service "127.0.0.$((node + 1))" "$LOG_PORT" "$W/node-$node" "$W/log-service-$node.log" \
    -Dauth.enabled=false -Dlogs.mesos-agent-id="$AGENT_PREFIX$node"
done
for node in $(seq 0 $((NODES - 1))); do
  wait_ready "http://127.0.0.$((node + 1)):$LOG_PORT" "${PIDS[$node]}" "$W/log-service-$node.log"
done
log "$NODES log-services on 127.0.0.1-$NODES:$LOG_PORT"

DISCOVERY_PORT=$(free_port)
DISC=http://127.0.0.1:$DISCOVERY_PORT
java @"$REPO/discovery-service/jvm.options" -Dquarkus.http.port="$DISCOVERY_PORT" -Dquarkus.http.host=127.0.0.1 \
  -Dauth.enabled=false -Ddiscovery.mesos.state="$W/state.json" -Ddiscovery.log-service.port="$LOG_PORT" \
  -jar "$DISCOVERY_JAR" >"$W/discovery-service.log" 2>&1 &
DISC_PID=$!
PIDS+=("$DISC_PID")
wait_ready "$DISC" "$DISC_PID" "$W/discovery-service.log"

FIRST=bench.n0t00
SINGLE="$DISC/system/v1/agent/${AGENT_PREFIX}0/logs/v2/task/frameworks/$FW/executors/$FIRST/runs/c-$FIRST/stdout?cursor=END"
MERGED="$DISC/system/v1/logs/v2/tasks?q=bench&cursor=END"
log "measuring $LINES lines over $((NODES * TASKS_PER_NODE)) tasks; load average $(load)"
RESULT=$(python3 "$BENCH_DIR/merged_latency.py" --files "$W/files" --merged-url "$MERGED" --single-url "$SINGLE" \
  --n "$LINES" --warmup "$WARMUP" --min-gap-ms "$MIN_GAP_MS" --max-gap-ms "$MAX_GAP_MS")
echo "$RESULT"
python3 - "$RESULT" "$LOAD_START" "$(load)" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
s, m, f = r["single"], r["merged"], r["merged_first_task"]
print(f"single follow (1 task):          p50 {s['p50_ms']:.2f} ms  p90 {s['p90_ms']:.2f} ms  p99 {s['p99_ms']:.2f} ms  ({s['received']} lines)")
print(f"merged follow ({r['files']} tasks), all:   p50 {m['p50_ms']:.2f} ms  p90 {m['p90_ms']:.2f} ms  p99 {m['p99_ms']:.2f} ms  ({m['received']} lines)")
print(f"merged follow, the same task:    p50 {f['p50_ms']:.2f} ms  p90 {f['p90_ms']:.2f} ms  p99 {f['p99_ms']:.2f} ms")
print(f"merged / single: p50 {r.get('ratio_p50')}x  p99 {r.get('ratio_p99')}x (goal <= 2x); "
      f"lines missing from the merged stream: {r['duplicates_or_missing_merged']}; load {sys.argv[2]} -> {sys.argv[3]}")
PY
