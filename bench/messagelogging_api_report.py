#!/usr/bin/env python3
"""Report of bench/messagelogging-api.sh: a markdown table of the API's latency per state.

Arguments: the work dir (hey's per-request CSV <state>-<round>.csv, delivery.txt with lines
'calls received' of the "up" rounds), rounds, the offered rate, records dropped in the measured
rounds, load average at start and at the end. Per state, the percentiles of every request of every
measured round pooled (tens of thousands of samples, so one unlucky round weighs what its requests
weigh), and each round's own p99 beside them. The ratio of the pooled p99 to the baseline's (no
policy) is the goal's figure (within 5 %). hey writes times to 0.1 ms.
"""
import csv
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


base = summary("none")
print(f"offered {rate} requests/s, {rounds} interleaved rounds per state; load average {load_start} -> {load_end}")
print()
print("| state | requests | achieved/s | p50 ms | p90 ms | p99 ms, all rounds (each round) | p99.9 ms | p99 / baseline | non-200 |")
print("|---|---|---|---|---|---|---|---|---|")
for state, label in (("none", "no policy (baseline)"), ("up", "TCP syslog policy, rsyslog up"),
                     ("down", "TCP syslog policy, rsyslog killed")):
    pct, p99s, achieved, bad, n = summary(state)
    ratio = pct[99] / base[0][99]
    each = ", ".join(f"{p:.1f}" for p in p99s)
    print(f"| {label} | {n} | {achieved:.0f} | {pct[50]:.1f} | {pct[90]:.1f} | **{pct[99]:.1f}** ({each}) "
          f"| {pct[99.9]:.1f} | {ratio:.3f} | {bad} |")
print()
delivered = [tuple(map(int, line.split())) for line in open(f"{work}/delivery.txt") if line.strip()]
exact = all(calls == got for calls, got in delivered)
print("rsyslog lines per 'up' round (calls, lines received): "
      + ", ".join(f"{c}/{g}" for c, g in delivered) + (" — exactly one line per call" if exact else " — MISMATCH"))
print(f"records dropped while rsyslog was down (counted by the destination): {dropped}")
