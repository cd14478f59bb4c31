#!/usr/bin/env python3
"""Turns bench/discovery.sh's raw results into a markdown table.

Arguments: the results directory, the task count, the hey rate, the wrk connection count, load
average at start and at end. The directory holds: redirect.txt (lines 'discovery|nginx rps p50_ms
p99_ms cpu_us_per_request'), hey-discovery.txt and hey-nginx.txt (hey's output), download.txt (lines 'direct|nginx-proxy|proxied
bytes_per_s size'), rss.txt (lines 'phase kib', phase idle|streaming|after).
"""
import os
import statistics
import sys

import hey_summary

results, tasks, rate, connections, load_start, load_end = sys.argv[1:7]


def lines(name):
    path = os.path.join(results, name)
    return [line.split() for line in open(path)] if os.path.exists(path) else []


def median_of(rows, kind, column):
    values = [float(r[column]) for r in rows if r[0] == kind]
    return statistics.median(values) if values else float("nan"), len(values)


def hey(name):
    path = os.path.join(results, name)
    return hey_summary.read(path) if os.path.exists(path) else None


def met(ok):
    return "**met**" if ok else "**not met**"


print("| measure | discovery-service | baseline (same run) | goal |")
print("|---|---|---|---|")
redirect = lines("redirect.txt")
if redirect:
    d, n = median_of(redirect, "discovery", 1)
    g, _ = median_of(redirect, "nginx", 1)
    d99, _ = median_of(redirect, "discovery", 3)
    g99, _ = median_of(redirect, "nginx", 3)
    print(f"| redirect `/system/v1/logs/v2/task/<name>` → 303, wrk {connections} connections, median of {n} rounds "
          f"| {d:.0f} req/s (p99 {d99:.2f} ms) | nginx `return 303`: {g:.0f} req/s (p99 {g99:.2f} ms) "
          f"| ≥ 50%: **{d / g * 100:.1f}%**, {met(d >= 0.5 * g)} |")
    dc, _ = median_of(redirect, "discovery", 4)
    gc, _ = median_of(redirect, "nginx", 4)
    print(f"| the same rounds: the server's own CPU time per redirect (from /proc) | {dc:.2f} µs "
          f"| nginx's worker: {gc:.2f} µs | info: nginx needs {gc / dc * 100:.1f}% of discovery's |")
h = hey("hey-discovery.txt")
if h:
    p, achieved, statuses = h
    base = hey("hey-nginx.txt")
    base_text = "—"
    if base:
        bp, bach, _ = base
        base_text = f"nginx: p50 {bp.get('50', float('nan')):.2f} ms, p99 {bp.get('99', float('nan')):.2f} ms ({bach:.0f}/s)"
    print(f"| redirect latency at {rate} req/s (hey), index of {int(tasks):,} tasks (achieved {achieved:.0f}/s, "
          f"statuses {statuses}) | p50 {p.get('50', float('nan')):.2f} ms, p99 **{p.get('99', float('nan')):.2f} ms** "
          f"| {base_text} | p99 ≤ 5 ms: {met(p.get('99', 1e9) <= 5)} |")
download = lines("download.txt")
if download:
    direct, n = median_of(download, "direct", 1)
    proxied, _ = median_of(download, "proxied", 1)
    size = float(download[0][2])
    print(f"| {size / 2**20:.0f} MiB task file (`…/stdout/download`), curl, median of {n} | through the agent proxy: "
          f"{proxied / 2**20:.0f} MiB/s | from log-service directly: {direct / 2**20:.0f} MiB/s "
          f"| ≥ 70%: **{proxied / direct * 100:.1f}%**, {met(proxied >= 0.7 * direct)} |")
    via_nginx, m = median_of(download, "nginx-proxy", 1)
    if m:
        print(f"| the same download through nginx as a reverse proxy (`proxy_buffering off`), median of {m} "
              f"| ours: {proxied / via_nginx * 100:.1f}% of nginx's | nginx: {via_nginx / 2**20:.0f} MiB/s, "
              f"{via_nginx / direct * 100:.1f}% of the direct download | info |")
rss = lines("rss.txt")
if rss:
    by = {}
    for phase, kib in rss:
        by.setdefault(phase, []).append(int(kib) / 1024)
    idle = by.get("idle", [float("nan")])
    streaming = by.get("streaming", [float("nan")])
    after = by.get("after", [float("nan")])
    growth = max(streaming) - streaming[0]
    print(f"| discovery-service RSS while it streams the file through the proxy ({len(streaming)} samples, 5/s) "
          f"| before {idle[-1]:.0f} MiB; during: first {streaming[0]:.0f}, min {min(streaming):.0f}, "
          f"max {max(streaming):.0f} MiB; after {after[-1]:.0f} MiB | — | flat (grows < 64 MiB while the file passes): "
          f"**{growth:+.0f} MiB**, {met(growth < 64)} |")
print()
print(f"load average at start {load_start}, at end {load_end}; {os.cpu_count()} cores")
