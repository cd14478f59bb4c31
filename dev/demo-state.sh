#!/usr/bin/env bash
# Writes a Mesos state.json ($1, default .run/demo/mesos-state.json) that matches the demo sandbox
# of dev/demo-data.sh, for discovery-service's task index: framework "marathon" (id demo-framework)
# with the command task web.1 (name nginx, container c-0001) and the task sidecar.1 in a pod of
# executor web.1, on one agent ($2, the demo log-service's Mesos agent id) at 127.0.0.1.
set -euo pipefail
out=${1:-.run/demo/mesos-state.json}
agent=${2:-0d5e8c1a-2b3c-4d5e-8f90-a1b2c3d4e5f6-S0}
mkdir -p "$(dirname "$out")"
cat >"$out" <<JSON
{
  "version": "1.4.0",
  "frameworks": [
    {
      "id": "demo-framework",
      "name": "marathon",
      "tasks": [
        {
          "id": "web.1",
          "name": "nginx",
          "framework_id": "demo-framework",
          "executor_id": "",
          "slave_id": "$agent",
          "state": "TASK_RUNNING",
          "statuses": [
            {"state": "TASK_RUNNING", "timestamp": 1763715600.0,
             "container_status": {"container_id": {"value": "c-0001"}}}
          ]
        },
        {
          "id": "sidecar.1",
          "name": "sidecar",
          "framework_id": "demo-framework",
          "executor_id": "web.1",
          "slave_id": "$agent",
          "state": "TASK_RUNNING",
          "statuses": [
            {"state": "TASK_RUNNING", "timestamp": 1763715601.0,
             "container_status": {"container_id": {"value": "c-sidecar", "parent": {"value": "c-0001"}}}}
          ]
        }
      ],
      "completed_tasks": []
    }
  ],
  "completed_frameworks": [],
  "slaves": [
    {"id": "$agent", "hostname": "127.0.0.1", "pid": "slave(1)@127.0.0.1:5051", "active": true}
  ]
}
JSON
echo "demo state.json in $out"
