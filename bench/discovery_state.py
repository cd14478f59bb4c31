#!/usr/bin/env python3
"""Writes a Mesos state.json with many tasks, for discovery-service's benchmark.

    discovery_state.py FILE TASKS AGENT_ID

One framework `marathon` (id demo-framework) holds the demo task web.1 (name nginx, container
c-0001) on AGENT_ID at 127.0.0.1, where the benchmark's log-service runs, and TASKS - 1 more
command tasks app-NNNNNN.<hex> (name app-NNNNNN) spread over 100 other agents; a tenth of them
are completed tasks. Shaped like a real master's document (statuses with container ids, agents
with hostname and pid).
"""
import json
import random
import sys


def task(task_id, name, agent, container, state):
    return {"id": task_id, "name": name, "framework_id": "demo-framework", "executor_id": "",
            "slave_id": agent, "state": state,
            "resources": {"cpus": 0.1, "mem": 32.0},
            "statuses": [{"state": "TASK_RUNNING", "timestamp": 1763715600.0,
                          "container_status": {"container_id": {"value": container}}}]}


def main() -> None:
    path, count, agent = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    rnd = random.Random(7)
    agents = [f"bench-{i:03d}-S1" for i in range(100)]
    running = [task("web.1", "nginx", agent, "c-0001", "TASK_RUNNING")]
    completed = []
    for i in range(1, count):
        suffix = f"{rnd.getrandbits(48):012x}"
        t = task(f"app-{i:06d}.{suffix}", f"app-{i:06d}", agents[i % 100], f"c-{suffix}",
                 "TASK_FINISHED" if i % 10 == 0 else "TASK_RUNNING")
        (completed if i % 10 == 0 else running).append(t)
    slaves = [{"id": agent, "hostname": "127.0.0.1", "pid": "slave(1)@127.0.0.1:5051", "active": True}]
    slaves += [{"id": a, "hostname": f"10.0.{i // 250}.{i % 250 + 1}", "pid": f"slave(1)@10.0.{i // 250}.{i % 250 + 1}:5051",
                "active": True} for i, a in enumerate(agents)]
    state = {"version": "1.4.0",
             "frameworks": [{"id": "demo-framework", "name": "marathon", "tasks": running,
                             "completed_tasks": completed}],
             "completed_frameworks": [], "slaves": slaves}
    with open(path, "w") as f:
        json.dump(state, f)
    print(f"{path}: {count} tasks ({len(completed)} completed), {len(slaves)} agents")


if __name__ == "__main__":
    main()
