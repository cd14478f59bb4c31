#!/usr/bin/env python3
"""Append-to-receive latency of a log follower (stdlib only).

    follow_latency.py sse  --file F --url http://127.0.0.1:PORT/path [options]
    follow_latency.py tail --file F [options]

A writer process appends one line at a time to F, each line carrying its sequence number
and the time it was written (time.perf_counter_ns(), CLOCK_MONOTONIC, so comparable across
processes on Linux), with a random gap of --min-gap-ms..--max-gap-ms between lines. The
reader (this process) follows F either as an SSE client of log-service (raw socket,
`Accept: text/event-stream`, `cursor=END`) or through a pipe from `tail -n 0 -F F`, and
notes when each line arrives. Latency = arrival time - write time.

The writer starts only once the follower is live (for SSE: the first `: ping` the service
sends at once on an idle stream; for tail: a probe line came through). The first --warmup
lines are not counted. Everything is bounded by a deadline. Prints one JSON object.
"""
import argparse
import json
import os
import random
import re
import selectors
import socket
import subprocess
import sys
import time
from urllib.parse import urlsplit

TOKEN = re.compile(rb"BENCH S=(\d+) T=(\d+)")


def writer(path: str, total: int, min_gap: float, max_gap: float, seed: int) -> None:
    rnd = random.Random(seed)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    pad = b" padding-to-about-one-hundred-bytes-of-log-line"
    try:
        for i in range(total):
            t = time.perf_counter_ns()
            os.write(fd, b"BENCH S=%d T=%d" % (i, t) + pad + b"\n")
            time.sleep(rnd.uniform(min_gap, max_gap))
    finally:
        os.close(fd)


def percentile(sorted_values, p):
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return None
    k = max(0, min(len(sorted_values) - 1, int(round(p / 100.0 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


class SseFollower:
    def __init__(self, url: str):
        u = urlsplit(url)
        self.sock = socket.create_connection((u.hostname, u.port or 80), timeout=10)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        target = u.path + ("?" + u.query if u.query else "")
        req = (f"GET {target} HTTP/1.1\r\nHost: {u.hostname}:{u.port}\r\n"
               f"Accept: text/event-stream\r\nConnection: keep-alive\r\n\r\n").encode()
        self.sock.sendall(req)
        self.sock.setblocking(False)
        self.fileobj = self.sock
        self.buf = b""

    def wait_live(self, deadline: float) -> None:
        """Reads the response head and the first ping."""
        sel = selectors.DefaultSelector()
        sel.register(self.sock, selectors.EVENT_READ)
        data = b""
        while b": ping" not in data:
            if time.monotonic() > deadline:
                raise SystemExit("SSE stream did not become live: " + repr(data[:300]))
            if sel.select(0.5):
                chunk = self.sock.recv(65536)
                if not chunk:
                    raise SystemExit("SSE stream closed: " + repr(data[:300]))
                data += chunk
        if not data.startswith(b"HTTP/1.1 200"):
            raise SystemExit("unexpected SSE response: " + repr(data[:300]))
        sel.close()

    def read(self) -> bytes:
        try:
            return self.sock.recv(262144)
        except BlockingIOError:
            return None

    def close(self) -> None:
        self.sock.close()


class TailFollower:
    def __init__(self, path: str):
        self.proc = subprocess.Popen(["tail", "-n", "0", "-F", path], stdout=subprocess.PIPE, bufsize=0)
        self.fileobj = self.proc.stdout
        os.set_blocking(self.proc.stdout.fileno(), False)

    def wait_live(self, deadline: float) -> None:
        time.sleep(0.3)  # tail has started watching; the probe lines below confirm it

    def read(self) -> bytes:
        try:
            return os.read(self.proc.stdout.fileno(), 262144) or b""
        except BlockingIOError:
            return None

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["sse", "tail", "writer"])
    ap.add_argument("--file", required=True)
    ap.add_argument("--url")
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--warmup", type=int, default=200)
    ap.add_argument("--min-gap-ms", type=float, default=2.0)
    ap.add_argument("--max-gap-ms", type=float, default=5.0)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--total", type=int)  # writer mode only
    a = ap.parse_args()
    if a.mode == "writer":
        writer(a.file, a.total, a.min_gap_ms / 1000, a.max_gap_ms / 1000, a.seed)
        return

    total = a.warmup + a.n
    follower = SseFollower(a.url) if a.mode == "sse" else TailFollower(a.file)
    start_deadline = time.monotonic() + 20
    follower.wait_live(start_deadline)

    # probe: append until one probe line comes through, so the follower is known to be live
    probe_seen = False
    sel = selectors.DefaultSelector()
    sel.register(follower.fileobj, selectors.EVENT_READ)
    fd = os.open(a.file, os.O_WRONLY | os.O_APPEND)
    while not probe_seen:
        if time.monotonic() > start_deadline:
            raise SystemExit("follower never delivered a probe line")
        os.write(fd, b"PROBE line to check the follower is live\n")
        until = time.monotonic() + 0.5
        while time.monotonic() < until and not probe_seen:
            if sel.select(0.1):
                chunk = follower.read()
                if chunk is not None and b"PROBE" in chunk:
                    probe_seen = True
    os.close(fd)
    time.sleep(0.2)
    while sel.select(0.05):  # drain the rest of the probe output
        if not follower.read():
            break

    w = subprocess.Popen([sys.executable, __file__, "writer", "--file", a.file, "--total", str(total),
                          "--min-gap-ms", str(a.min_gap_ms), "--max-gap-ms", str(a.max_gap_ms),
                          "--seed", str(a.seed)])
    arrival = {}
    buf = b""
    deadline = time.monotonic() + 30 + total * a.max_gap_ms / 1000 * 1.5
    closed = False
    while len(arrival) < total and time.monotonic() < deadline:
        if not sel.select(0.5):
            continue
        chunk = follower.read()
        now = time.perf_counter_ns()
        if chunk is None:
            continue
        if not chunk:
            closed = True
            break
        buf += chunk
        cut = buf.rfind(b"\n")
        if cut < 0:
            continue
        complete, buf = buf[:cut + 1], buf[cut + 1:]
        for m in TOKEN.finditer(complete):
            seq = int(m.group(1))
            if seq not in arrival:
                arrival[seq] = now - int(m.group(2))
    try:
        w.wait(10)
    except subprocess.TimeoutExpired:
        w.kill()
    follower.close()

    measured = sorted(arrival[s] / 1e6 for s in range(a.warmup, total) if s in arrival)
    out = {
        "mode": a.mode,
        "n": a.n,
        "received": len(measured),
        "missing": a.n - len(measured),
        "stream_closed_early": closed,
        "p50_ms": percentile(measured, 50),
        "p90_ms": percentile(measured, 90),
        "p99_ms": percentile(measured, 99),
        "max_ms": measured[-1] if measured else None,
        "mean_ms": sum(measured) / len(measured) if measured else None,
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
