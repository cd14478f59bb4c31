#!/usr/bin/env python3
"""Report of bench/messagelogging-api.sh: a markdown table of the API's latency per state.

Arguments: the work dir (hey's per-request CSV <state>-<round>.csv, delivery.txt with lines
'calls received' of the "up" rounds), rounds, the offered rate, records dropped in the measured
rounds, load average at start and at the end. Per state, the percentiles of every request of every
measured round pooled (tens of thousands of samples, so one unlucky round weighs what its requests
weigh), and each round's own p99 beside them. The ratio of the pooled p99 to the baseline's (no
policy) is the goal's figure (within 5 %). hey writes times to 0.1 ms. Beside them, since each
round of every state ran next to the others in time, each round's own p99 ratio (the median over
rounds: less sensitive to the machine's drift); log-service's CPU time per call (rounds.txt: the
round's span and CPU ticks); and its garbage collections during the state's rounds (gc.log).
"""
import csv
import datetime
import os
import re
import statistics
import sys

work, rounds, rate, dropped, load_start, load_end = sys.argv[1:7]
rounds = int(rounds)


def requests(path):
    """(response times in ms, non-200 count, requests/s achieved) of one hey CSV."""
    times, bad, last = [], 0, 0.0
    with open(path) as f:
        for row in csv.DictReader(f):
            times.append(float(row["response-time"]) * 1000)
            bad += row["status-code"] != "200"
            last = max(last, float(row["offset"]))
    return times, bad, len(times) / last if last else 0.0


def percentile(sorted_times, p):
    """Nearest-rank percentile."""
    rank = max(1, -(-len(sorted_times) * p // 100))
    return sorted_times[int(rank) - 1]


def summary(state):
    runs = [requests(f"{work}/{state}-{r}.csv") for r in range(1, rounds + 1)]
    pooled = sorted(t for run in runs for t in run[0])
    pct = {p: percentile(pooled, p) for p in (50, 90, 99, 99.9)}
    p99s = [percentile(sorted(run[0]), 99) for run in runs]
    return pct, p99s, statistics.median(run[2] for run in runs), sum(run[1] for run in runs), len(pooled)


def spans():
    """{state: [(start, end, cpu ticks)]} of the measured rounds."""
    found = {}
    for line in open(f"{work}/rounds.txt"):
        state, rnd, start, end, ticks = line.split()
        if int(rnd) >= 1:
            found.setdefault(state, []).append((float(start), float(end), int(ticks)))
    return found


GC_LINE = re.compile(r"^\[(\S+)\] GC\(\d+\) Pause (Young|Full) .* (\d+\.\d+)ms$")


def collections():
    """[(epoch seconds, 'Young' or 'Full', pause ms)] from log-service's GC log."""
    found = []
    path = f"{work}/gc.log"
    for line in open(path) if os.path.exists(path) else []:
        m = GC_LINE.match(line.strip())
        if m:
            when = datetime.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()
            found.append((when, m.group(2), float(m.group(3))))
    return found


# thread names as /proc shows them: at most 15 characters, spaces as _
THREAD_GROUPS = (("vert.x-eventloo", "event loops"), ("log-read", "read pool"), ("messagelogging-", "message logging writer"),
                 ("VM_Thread", "VM thread (the collector)"), ("C1_", "JIT compilers"), ("C2_", "JIT compilers"))


def thread_ticks(path):
    """{tid: (group, ticks)} of one snapshot of log-service's threads."""
    found = {}
    for line in open(path) if os.path.exists(path) else []:
        tid, name, ticks = line.split()
        group = next((g for prefix, g in THREAD_GROUPS if name.startswith(prefix)), "other")
        found[tid] = (group, int(ticks))
    return found


def cpu_by_group(state):
    """{group: ticks} spent during the state's measured rounds (threads that lived through a round)."""
    total = {}
    for r in range(1, rounds + 1):
        before = thread_ticks(f"{work}/threads-{state}-{r}-before.txt")
        after = thread_ticks(f"{work}/threads-{state}-{r}-after.txt")
        for tid, (group, ticks) in after.items():
            total[group] = total.get(group, 0) + ticks - before.get(tid, (group, 0))[1]
    return total


def gc_summary(state_spans, gcs):
    inside = [g for g in gcs if any(start <= g[0] <= end for start, end, _ in state_spans)]
    young = [g[2] for g in inside if g[1] == "Young"]
    full = [g[2] for g in inside if g[1] == "Full"]
    return (f"{len(young)} ({sum(young):.0f} ms in all, longest {max(young, default=0):.1f})",
            f"{len(full)}" + (f" (longest {max(full):.0f} ms)" if full else ""))


summaries = {state: summary(state) for state in ("none", "up", "down")}
base = summaries["none"]
round_spans = spans()
gcs = collections()
print(f"offered {rate} requests/s, {rounds} interleaved rounds per state; load average {load_start} -> {load_end}")
print()
print("| state | requests | achieved/s | p50 ms | p90 ms | p99 ms, all rounds (each round) | p99.9 ms | p99 / baseline "
      "| p99 / baseline, round by round (median) | non-200 |")
print("|---|---|---|---|---|---|---|---|---|---|")
for state, label in (("none", "no policy (baseline)"), ("up", "TCP syslog policy, rsyslog up"),
                     ("down", "TCP syslog policy, rsyslog killed")):
    pct, p99s, achieved, bad, n = summaries[state]
    ratio = pct[99] / base[0][99]
    each = ", ".join(f"{p:.1f}" for p in p99s)
    by_round = statistics.median(p / b for p, b in zip(p99s, base[1]))
    print(f"| {label} | {n} | {achieved:.0f} | {pct[50]:.1f} | {pct[90]:.1f} | **{pct[99]:.1f}** ({each}) "
          f"| {pct[99.9]:.1f} | {ratio:.3f} | {by_round:.3f} | {bad} |")
print()
groups = [g for g in dict.fromkeys(g for _, g in THREAD_GROUPS)] + ["other"]
print("| state | log-service CPU per call, µs | " + " | ".join(groups) + " | young collections (pauses) | full collections |")
print("|---|---|" + "---|" * len(groups) + "---|---|")
for state in ("none", "up", "down"):
    state_spans = round_spans.get(state, [])
    calls_in_state = summaries[state][4]
    per_call = 1e6 / os.sysconf("SC_CLK_TCK") / max(1, calls_in_state)
    cpu_us = sum(t for _, _, t in state_spans) * per_call
    by_group = cpu_by_group(state)
    young, full = gc_summary(state_spans, gcs)
    print(f"| {state} | {cpu_us:.0f} | " + " | ".join(f"{by_group.get(g, 0) * per_call:.0f}" for g in groups)
          + f" | {young} | {full} |")
print()
delivered = [tuple(map(int, line.split())) for line in open(f"{work}/delivery.txt") if line.strip()]
exact = all(calls == got for calls, got in delivered)
print("rsyslog lines per 'up' round (calls, lines received): "
      + ", ".join(f"{c}/{g}" for c, g in delivered) + (" — exactly one line per call" if exact else " — MISMATCH"))
print(f"records dropped while rsyslog was down (counted by the destination): {dropped}")
