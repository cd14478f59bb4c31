#!/usr/bin/env python3
"""Median time of one HTTP GET over a kept-alive connection (stdlib http.client), per URL.

    http_timing.py --runs 200 --warmup 50 NAME=URL [NAME=URL ...]

Unlike `curl` under hyperfine this leaves out process start-up and the TCP handshake, so it
shows the server's own time per request (plus one loopback round trip and Python's parsing).
Prints one JSON object {name: {"median_ms", "p90_ms", "bytes"}}.
"""
import argparse
import http.client
import json
import statistics
import time
from urllib.parse import urlsplit


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--warmup", type=int, default=50)
    ap.add_argument("targets", nargs="+")
    a = ap.parse_args()
    out = {}
    for t in a.targets:
        name, url = t.split("=", 1)
        u = urlsplit(url)
        target = u.path + ("?" + u.query if u.query else "")
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
        times = []
        size = 0
        for i in range(a.warmup + a.runs):
            t0 = time.perf_counter_ns()
            conn.request("GET", target, headers={"Accept": "text/plain"})
            resp = conn.getresponse()
            body = resp.read()
            t1 = time.perf_counter_ns()
            if resp.status != 200:
                raise SystemExit(f"{url}: HTTP {resp.status}")
            size = len(body)
            if i >= a.warmup:
                times.append((t1 - t0) / 1e6)
        conn.close()
        times.sort()
        out[name] = {"median_ms": statistics.median(times), "p90_ms": times[int(len(times) * 0.9) - 1],
                     "bytes": size}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
