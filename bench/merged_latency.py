#!/usr/bin/env python3
"""Append-to-delivery latency of a merged follow against a single follow, in one run (stdlib only).

    merged_latency.py --files LIST --merged-url URL --single-url URL [options]

LIST names the tasks' stdout files, one per line; the first is the task the single follower
follows. Both followers are SSE clients (raw sockets, bench/follow_latency.py's SseFollower) opened
at the same time. A probe line is appended to every file until the merged stream has delivered
one from each and the single stream one from the first file: both are live. Then one writer
process appends a line to each file in turn ("BENCH S=<seq> T=<perf_counter_ns>", CLOCK_MONOTONIC,
comparable across processes), with a random gap of --min-gap-ms..--max-gap-ms between lines.
Latency = arrival - write time. Reported: the single follower (the first task's lines), the
merged follower over every line, and the merged follower over the first task's lines only (the
same lines as the single one). The first --warmup lines are not counted. Prints one JSON object.
"""
import argparse
import json
import os
import random
import re
import selectors
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from follow_latency import SseFollower, percentile  # noqa: E402

TOKEN = re.compile(rb"BENCH S=(\d+) T=(\d+)")
PROBE = re.compile(rb"PROBE F=(\d+)")


def writer(files, total, min_gap, max_gap, seed):
    rnd = random.Random(seed)
    fds = [os.open(f, os.O_WRONLY | os.O_APPEND) for f in files]
    pad = b" padding-to-about-one-hundred-bytes-of-log-line"
    try:
        for i in range(total):
            os.write(fds[i % len(fds)], b"BENCH S=%d T=%d" % (i, time.perf_counter_ns()) + pad + b"\n")
            time.sleep(rnd.uniform(min_gap, max_gap))
    finally:
        for fd in fds:
            os.close(fd)


def summary(values):
    v = sorted(values)
    return {"received": len(v), "p50_ms": percentile(v, 50), "p90_ms": percentile(v, 90), "p99_ms": percentile(v, 99)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", required=True)
    ap.add_argument("--merged-url")
    ap.add_argument("--single-url")
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--warmup", type=int, default=1000)
    ap.add_argument("--min-gap-ms", type=float, default=1.0)
    ap.add_argument("--max-gap-ms", type=float, default=3.0)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--writer", action="store_true")
    ap.add_argument("--total", type=int)
    a = ap.parse_args()
    files = [line for line in open(a.files).read().split("\n") if line]
    if a.writer:
        writer(files, a.total, a.min_gap_ms / 1000, a.max_gap_ms / 1000, a.seed)
        return

    followers = {"merged": SseFollower(a.merged_url), "single": SseFollower(a.single_url)}
    sel = selectors.DefaultSelector()
    for name, f in followers.items():
        sel.register(f.sock, selectors.EVENT_READ, name)
    bufs = {name: b"" for name in followers}

    def lines(name, chunk):
        bufs[name] += chunk
        cut = bufs[name].rfind(b"\n")
        if cut < 0:
            return b""
        complete, bufs[name] = bufs[name][:cut + 1], bufs[name][cut + 1:]
        return complete

    # probes until both streams are live for every file they follow
    wanted = {"merged": set(range(len(files))), "single": {0}}
    deadline = time.monotonic() + 60
    fds = [os.open(f, os.O_WRONLY | os.O_APPEND) for f in files]
    while wanted["merged"] or wanted["single"]:
        if time.monotonic() > deadline:
            raise SystemExit("followers not live; missing probes: %r" % {k: sorted(v) for k, v in wanted.items()})
        for k, fd in enumerate(fds):
            if k in wanted["merged"] or (k == 0 and wanted["single"]):
                os.write(fd, b"PROBE F=%d line to check the followers are live\n" % k)
        until = time.monotonic() + 1.0
        while time.monotonic() < until and (wanted["merged"] or wanted["single"]):
            for key, _ in sel.select(0.1):
                chunk = followers[key.data].read()
                if chunk == b"":
                    raise SystemExit(key.data + " stream closed: " + repr(bufs[key.data][:300]))
                if chunk:
                    for m in PROBE.finditer(lines(key.data, chunk)):
                        wanted[key.data].discard(int(m.group(1)))
    for fd in fds:
        os.close(fd)
    time.sleep(0.3)
    while True:  # drain the probes' output
        ready = sel.select(0.05)
        if not ready:
            break
        for key, _ in ready:
            if followers[key.data].read() == b"":
                raise SystemExit(key.data + " stream closed")
    bufs = {name: b"" for name in followers}

    total = a.warmup + a.n
    w = subprocess.Popen([sys.executable, __file__, "--writer", "--files", a.files, "--total", str(total),
                          "--min-gap-ms", str(a.min_gap_ms), "--max-gap-ms", str(a.max_gap_ms), "--seed", str(a.seed)])
    arrival = {"merged": {}, "single": {}}
    expected = {"merged": total, "single": len(range(0, total, len(files)))}
    deadline = time.monotonic() + 60 + total * a.max_gap_ms / 1000 * 1.5
    while any(len(arrival[k]) < expected[k] for k in arrival) and time.monotonic() < deadline:
        for key, _ in sel.select(0.5):
            chunk = followers[key.data].read()
            now = time.perf_counter_ns()
            if chunk == b"":
                raise SystemExit(key.data + " stream closed while measuring")
            if not chunk:
                continue
            for m in TOKEN.finditer(lines(key.data, chunk)):
                arrival[key.data].setdefault(int(m.group(1)), now - int(m.group(2)))
    try:
        w.wait(10)
    except subprocess.TimeoutExpired:
        w.kill()
    for f in followers.values():
        f.close()

    def ms(name, first_task_only):
        return [arrival[name][s] / 1e6 for s in range(a.warmup, total)
                if s in arrival[name] and (not first_task_only or s % len(files) == 0)]

    single = summary(ms("single", True))
    merged_all = summary(ms("merged", False))
    merged_first = summary(ms("merged", True))
    out = {"files": len(files), "n": a.n, "gap_ms": [a.min_gap_ms, a.max_gap_ms],
           "duplicates_or_missing_merged": total - len(arrival["merged"]),
           "single": single, "merged": merged_all, "merged_first_task": merged_first}
    if single["p50_ms"] and single["p99_ms"]:
        out["ratio_p50"] = round(merged_all["p50_ms"] / single["p50_ms"], 2)
        out["ratio_p99"] = round(merged_all["p99_ms"] / single["p99_ms"], 2)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
