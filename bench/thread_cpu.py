#!/usr/bin/env python3
"""CPU time per thread group of a process, from /proc/<pid>/task/*/stat.

    thread_cpu.py snapshot PID > before.json
    thread_cpu.py diff before.json after.json     # prints 'group:ms, ...' (largest first)

Threads are grouped by name with trailing digits removed (e.g. all `vert.x-eventloop-thread-N`
together, `GC Thread#N` together), so a profile of where idle CPU goes needs no profiler.
Threads that ended between the snapshots are not counted.
"""
import json
import os
import re
import sys


def snapshot(pid):
    tck = os.sysconf("SC_CLK_TCK")
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            stat = open(f"/proc/{pid}/task/{tid}/stat").read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        out[tid] = {"name": name, "ms": (int(fields[11]) + int(fields[12])) * 1000 / tck}
    return out


def group(name):
    return re.sub(r"[#\-]?\d+$", "", name).strip() or name


def diff(a, b):
    totals = {}
    for tid, t in b.items():
        before = a.get(tid, {"ms": 0.0})["ms"]
        d = t["ms"] - before
        if d > 0:
            g = group(t["name"])
            totals[g] = totals.get(g, 0.0) + d
    return sorted(totals.items(), key=lambda kv: -kv[1])


def main():
    if sys.argv[1] == "snapshot":
        print(json.dumps(snapshot(sys.argv[2])))
    else:
        a, b = json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
        print(", ".join(f"{g} {ms:.0f} ms" for g, ms in diff(a, b)[:6]) or "none")


if __name__ == "__main__":
    main()
