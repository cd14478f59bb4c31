#!/usr/bin/env python3
"""Cost of many SSE followers of the journal while it is written (stdlib only).

    bench/journal_followers.py [--jar NEW.jar] [--baseline-jar OLD.jar | --baseline-java-opts OPTS]
                               [--followers 100] [--rate 50] [--seconds 20] [--warmup-seconds 10]
                               [--out results.md]

For each jar (the baseline first, when given) in a fresh temporary directory:

1. a journal is written by one long-running `systemd-journal-remote --output=<dir>/system.journal -`
   fed with the journal export format on stdin (as journald appends to its file; entries are
   visible to readers at once);
2. log-service is started on a free loopback port with `-Dlogs.journal-dir=<dir>`;
3. N SSE followers connect (`Accept: text/event-stream`, `cursor=END`), half to the whole
   journal (`/component`), half to the unit every entry belongs to (`/component/bench.service`);
4. an idle window (no writes) is measured, then a warm-up at the write rate, then the measured
   window at the write rate (entry k is written at t0 + k/rate);
5. after the writes stop, every follower must have every entry written after it connected,
   exactly once and in order.

CPU is log-service's utime+stime plus that of its journalctl children: the JVM's own
utime+stime+cutime+cstime (cutime/cstime hold the children it has reaped) plus the
utime+stime of the children still alive, from /proc, at the start and the end of a window.
Only 127.0.0.1 is contacted; the temporary directory is removed at the end.
"""
import argparse
import asyncio
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

import thread_cpu

JOURNAL_REMOTE = ["/usr/lib/systemd/systemd-journal-remote", "/lib/systemd/systemd-journal-remote"]
UNIT = "bench.service"
ROUTE = "/system/v1/logs/v2/component"
CLK_TCK = os.sysconf("SC_CLK_TCK")
MESSAGE = re.compile(rb'"MESSAGE":"bench (\d+) (\d+)"')


def log(*args):
    print(f"[journal-bench {time.strftime('%H:%M:%S')}]", *args, file=sys.stderr, flush=True)


class JournalWriter:
    """One systemd-journal-remote appending the entries it reads on stdin to a journal file."""

    def __init__(self, journal_file):
        remote = next((p for p in JOURNAL_REMOTE if os.access(p, os.X_OK)), None)
        if remote is None:
            sys.exit("systemd-journal-remote is not installed (apt-get install systemd-journal-remote)")
        self.boot_id = secrets.token_hex(16)
        self.proc = subprocess.Popen([remote, f"--output={journal_file}", "-"],
                                     stdin=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.seq = 0

    def write(self):
        """Writes entry number seq with the wall-clock time in its message; answers seq."""
        self.seq += 1
        now_ns = time.time_ns()
        entry = (f"__REALTIME_TIMESTAMP={now_ns // 1000}\n"
                 f"__MONOTONIC_TIMESTAMP={time.monotonic_ns() // 1000}\n"
                 f"_BOOT_ID={self.boot_id}\n"
                 f"UNIT={UNIT}\nPRIORITY=6\nSYSLOG_IDENTIFIER=bench\n"
                 f"MESSAGE=bench {self.seq} {now_ns}\n\n")
        self.proc.stdin.write(entry.encode())
        self.proc.stdin.flush()
        return self.seq

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(10)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proc_stat(pid):
    with open(f"/proc/{pid}/stat", "rb") as f:
        data = f.read()
    # the command name may hold spaces: fields start after its closing parenthesis
    end = data.rindex(b")")
    return data[data.index(b"(") + 1:end].decode(errors="replace"), data[end + 2:].split()


def children(pid):
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                comm, fields = proc_stat(int(name))
            except (FileNotFoundError, ProcessLookupError, ValueError):
                continue
            if int(fields[1]) == pid:
                found.append((int(name), comm, fields))
    return found


def cpu_seconds(pid):
    """log-service and its children: utime+stime+cutime+cstime of the JVM, utime+stime of live children."""
    _, f = proc_stat(pid)
    ticks = int(f[11]) + int(f[12]) + int(f[13]) + int(f[14])
    for _, _, cf in children(pid):
        ticks += int(cf[11]) + int(cf[12])
    return ticks / CLK_TCK


def machine_ticks():
    """(busy, total) jiffies of all CPUs, from /proc/stat."""
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:9]]
    return sum(values) - values[3] - values[4], sum(values)


def journalctls(pid):
    return sum(1 for _, comm, _ in children(pid) if comm == "journalctl")


class Service:
    def __init__(self, jar, work, journal_dir, java_opts):
        self.port = free_port()
        for d in ("sandbox", "pods", "components"):
            os.makedirs(os.path.join(work, d), exist_ok=True)
        self.log_path = os.path.join(work, "service.log")
        cmd = ["java", *java_opts, f"-Dquarkus.http.port={self.port}", "-Dquarkus.http.host=127.0.0.1",
               f"-Dlogs.sandbox-root={work}/sandbox", f"-Dlogs.pods-root={work}/pods",
               f"-Dlogs.components-dir={work}/components", f"-Dlogs.journal-dir={journal_dir}",
               "-jar", jar]
        self.proc = subprocess.Popen(cmd, stdout=open(self.log_path, "wb"), stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/q/health/ready", timeout=2):
                    return
            except OSError:
                if self.proc.poll() is not None:
                    break
                time.sleep(0.2)
        self.stop()
        sys.exit(f"log-service did not become ready; see {self.log_path}")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class Follower:
    """One SSE follower: checks that it gets entries seq, seq+1, … exactly once and in order."""

    def __init__(self, path):
        self.path = path
        self.ready = asyncio.Event()
        self.seqs = []
        self.latencies_ms = []
        self.error = None

    async def run(self, port, stop):
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 10)
        except (OSError, asyncio.TimeoutError) as e:
            self.error = f"connect: {e}"
            self.ready.set()
            return
        try:
            writer.write((f"GET {self.path}?cursor=END HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                          "Accept: text/event-stream\r\n\r\n").encode())
            await writer.drain()
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 30)
            if not head.startswith(b"HTTP/1.1 200"):
                raise ConnectionError("bad response " + repr(head[:100]))
            pending = b""
            while not stop.is_set():
                size_line = await reader.readline()
                size = int(size_line.strip() or b"0", 16)
                if size == 0:
                    raise ConnectionError("the server ended the stream")
                pending += await reader.readexactly(size)
                await reader.readexactly(2)
                self.ready.set()  # the first chunk is the stream's first ping
                *blocks, pending = pending.split(b"\n\n")
                now = time.time_ns()
                for block in blocks:
                    m = MESSAGE.search(block)
                    if m:
                        self.seqs.append(int(m.group(1)))
                        self.latencies_ms.append((now - int(m.group(2))) / 1e6)
        except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ConnectionError, ValueError) as e:
            if not stop.is_set():
                self.error = str(e)[:200]
        finally:
            self.ready.set()
            writer.close()

    def check(self, first, last):
        """(ok, missing, repeated) for the entries first..last."""
        expected = list(range(first, last + 1))
        seen = set(self.seqs)
        missing = sum(1 for s in expected if s not in seen)
        repeated = len(self.seqs) - len(seen)
        return self.seqs == expected, missing, repeated


async def write_at_rate(writer, rate, seconds):
    """Writes rate entries a second for seconds; answers (first seq, last seq)."""
    first = writer.seq + 1
    start = time.monotonic()
    for k in range(int(rate * seconds)):
        delay = start + k / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        writer.write()
    return first, writer.seq


async def measure(label, jar, args, java_opts):
    work = tempfile.mkdtemp(prefix="journal-bench-")
    journal_dir = os.path.join(work, "journal")
    os.makedirs(journal_dir)
    writer = JournalWriter(os.path.join(journal_dir, "system.journal"))
    service = None
    stop = asyncio.Event()
    tasks = []
    try:
        for _ in range(args.initial):
            writer.write()
        service = Service(jar, work, journal_dir, java_opts.split())
        pid = service.proc.pid
        log(f"{label}: log-service pid {pid} on port {service.port}; {args.followers} followers connecting")
        followers = [Follower(ROUTE if i % 2 == 0 else f"{ROUTE}/{UNIT}") for i in range(args.followers)]
        tasks = [asyncio.ensure_future(f.run(service.port, stop)) for f in followers]
        await asyncio.wait_for(asyncio.gather(*(f.ready.wait() for f in followers)), 120)
        failed = [f.error for f in followers if f.error]
        if failed:
            raise RuntimeError(f"{len(failed)} followers failed to connect: {failed[:3]}")
        after_connect = writer.seq
        await asyncio.sleep(2)

        log(f"{label}: idle window {args.idle_seconds} s")
        c0 = cpu_seconds(pid)
        await asyncio.sleep(args.idle_seconds)
        idle_cpu = cpu_seconds(pid) - c0
        idle_journalctls = journalctls(pid)

        log(f"{label}: warm-up {args.warmup_seconds} s at {args.rate}/s")
        await write_at_rate(writer, args.rate, args.warmup_seconds)

        log(f"{label}: measured window {args.seconds} s at {args.rate}/s")
        counts = []

        async def count_processes():
            while True:
                counts.append(journalctls(pid))
                await asyncio.sleep(0.5)

        counter = asyncio.ensure_future(count_processes())
        load_before = open("/proc/loadavg").read().split()[:3]
        threads0 = thread_cpu.snapshot(pid)
        m0 = machine_ticks()
        c0, t0 = cpu_seconds(pid), time.monotonic()
        await write_at_rate(writer, args.rate, args.seconds)
        cpu, wall = cpu_seconds(pid) - c0, time.monotonic() - t0
        by_thread = thread_cpu.diff(threads0, thread_cpu.snapshot(pid))[:6]
        m1 = machine_ticks()
        machine_busy = 100 * os.cpu_count() * (m1[0] - m0[0]) / (m1[1] - m0[1])
        counter.cancel()
        load_after = open("/proc/loadavg").read().split()[:3]

        last = writer.seq
        deadline = time.monotonic() + args.drain_seconds
        while time.monotonic() < deadline and any(len(f.seqs) < last - after_connect for f in followers):
            await asyncio.sleep(0.2)
        drained_after = time.monotonic() - t0 - wall
        results = [f.check(after_connect + 1, last) for f in followers]
        stop.set()
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await asyncio.sleep(3)
        left = journalctls(pid)
        latencies = sorted(x for f in followers for x in f.latencies_ms[-int(args.rate * args.seconds):])
        return {
            "label": label, "jar": jar, "followers": args.followers, "rate": args.rate,
            "window_s": round(wall, 2), "cpu_s": round(cpu, 3), "cpu_pct_core": round(100 * cpu / wall, 2),
            "idle_window_s": args.idle_seconds, "idle_cpu_s": round(idle_cpu, 3),
            "idle_cpu_pct_core": round(100 * idle_cpu / args.idle_seconds, 2),
            "journalctl_idle": idle_journalctls, "journalctl_max": max(counts), "journalctl_mean":
                round(statistics.mean(counts), 1), "journalctl_after_close": left,
            "entries": last - after_connect, "followers_exact": sum(1 for ok, _, _ in results if ok),
            "missing": sum(m for _, m, _ in results), "repeated": sum(r for _, _, r in results),
            "drained_after_s": round(drained_after, 1),
            "latency_p50_ms": round(latencies[len(latencies) // 2], 1) if latencies else None,
            "latency_p99_ms": round(latencies[int(len(latencies) * 0.99)], 1) if latencies else None,
            "load_before": " ".join(load_before), "load_after": " ".join(load_after),
            "machine_busy_pct_core": round(machine_busy, 1),
            "jvm_threads_ms": ", ".join(f"{g} {ms:.0f}" for g, ms in by_thread),
        }
    finally:
        stop.set()
        for t in tasks:
            t.cancel()
        if service:
            service.stop()
        writer.close()
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def table(results):
    rows = ["| Build | CPU, % of a core, while written | idle CPU, % of a core | journalctl processes "
            "(idle / max / mean while written / after close) | followers with every entry exactly once, "
            "in order | missing / repeated | latency p50 / p99 ms |",
            "|---|---:|---:|---|---|---|---|"]
    for r in results:
        rows.append(f"| {r['label']} | {r['cpu_pct_core']} ({r['cpu_s']} s in {r['window_s']} s) | "
                    f"{r['idle_cpu_pct_core']} | {r['journalctl_idle']} / {r['journalctl_max']} / "
                    f"{r['journalctl_mean']} / {r['journalctl_after_close']} | "
                    f"{r['followers_exact']} of {r['followers']} ({r['entries']} entries) | "
                    f"{r['missing']} / {r['repeated']} | {r['latency_p50_ms']} / {r['latency_p99_ms']} |")
    if len(results) == 2 and results[1]["cpu_s"] > 0:
        ratio = results[1]["cpu_s"] / results[0]["cpu_s"] if results[0]["cpu_s"] else float("inf")
        rows.append("")
        rows.append(f"CPU while written, {results[1]['label']} / {results[0]['label']}: {ratio:.3f}x "
                    f"({results[0]['cpu_s'] / results[1]['cpu_s']:.0f}x less)")
    return "\n".join(rows)


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--jar", default=os.path.join(repo, "log-service/target/quarkus-app/quarkus-run.jar"))
    p.add_argument("--baseline-jar", help="the previous build, measured first under the same load")
    p.add_argument("--followers", type=int, default=100)
    p.add_argument("--rate", type=float, default=50, help="entries written per second")
    p.add_argument("--seconds", type=float, default=20, help="the measured window")
    p.add_argument("--warmup-seconds", type=float, default=10)
    p.add_argument("--idle-seconds", type=float, default=10)
    p.add_argument("--drain-seconds", type=float, default=120,
                   help="how long followers may take to get the last entries after the writes stop")
    p.add_argument("--initial", type=int, default=200, help="entries in the journal before the service starts")
    p.add_argument("--java-opts", default="@" + os.path.join(repo, "log-service/jvm.options"),
                   help="JVM options of log-service (default: the options run-local.sh and the container use)")
    p.add_argument("--baseline-java-opts",
                   help="measure this jar first with these JVM options as the baseline (e.g. the same options "
                        "plus -Dlogs.journal-follow-batch=0)")
    p.add_argument("--out", help="also write the table and the raw results to this file")
    p.add_argument("--keep", action="store_true", help="keep the temporary directories")
    args = p.parse_args()
    for jar in [args.jar] + ([args.baseline_jar] if args.baseline_jar else []):
        if not os.path.isfile(jar):
            sys.exit(f"{jar} does not exist; build it with ./mvnw -q -pl log-service -am package -DskipTests")
    runs = ([("baseline", args.baseline_jar, args.java_opts)] if args.baseline_jar else []) \
        + ([("same build with " + " ".join(o for o in args.baseline_java_opts.split() if o not in args.java_opts.split()),
             args.jar, args.baseline_java_opts)] if args.baseline_java_opts else []) \
        + [("new", args.jar, args.java_opts)]
    results = []
    for label, jar, java_opts in runs:
        results.append(asyncio.run(measure(label, jar, args, java_opts)))
        log(json.dumps(results[-1]))
    text = table(results)
    print(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n\n" + json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
