#!/usr/bin/env python3
"""Report of bench/messagelogging-api.sh: a markdown table of the API's latency per state.

Arguments: the work dir (hey outputs <state>-<round>.txt, delivery.txt with lines 'calls received'
of the "up" rounds), rounds, the offered rate, records dropped in the measured rounds, load average
at start and at the end. Per state, the median over the rounds of each percentile; the ratio of
p99 to the baseline's (no policy) is the goal's figure (within 5 %).
"""
import statistics
import sys

import hey_summary

work, rounds, rate, dropped, load_start, load_end = sys.argv[1:7]
rounds = int(rounds)


def hey(path):
    pct, achieved, statuses = hey_summary.read(path)
    return pct, achieved, hey_summary.non_200(statuses)


def summary(state):
    runs = [hey(f"{work}/{state}-{r}.txt") for r in range(1, rounds + 1)]
    med = {p: statistics.median(run[0][str(p)] for run in runs) for p in (50, 90, 99)}
    p99s = [run[0]['99'] for run in runs]
    return med, p99s, statistics.median(run[1] for run in runs), sum(run[2] for run in runs)


base = summary("none")
print(f"offered {rate} requests/s, {rounds} interleaved rounds per state; load average {load_start} -> {load_end}")
print()
print("| state | achieved/s | p50 ms | p90 ms | p99 ms (median; each round) | p99 / baseline | non-200 |")
print("|---|---|---|---|---|---|---|")
for state, label in (("none", "no policy (baseline)"), ("up", "TCP syslog policy, rsyslog up"),
                     ("down", "TCP syslog policy, rsyslog killed")):
    med, p99s, achieved, bad = summary(state)
    ratio = med[99] / base[0][99]
    each = ", ".join(f"{p:.2f}" for p in p99s)
    print(f"| {label} | {achieved:.0f} | {med[50]:.2f} | {med[90]:.2f} | **{med[99]:.2f}** ({each}) "
          f"| {ratio:.3f} | {bad} |")
print()
delivered = [tuple(map(int, line.split())) for line in open(f"{work}/delivery.txt") if line.strip()]
exact = all(calls == got for calls, got in delivered)
print("rsyslog lines per 'up' round (calls, lines received): "
      + ", ".join(f"{c}/{g}" for c, g in delivered) + (" — exactly one line per call" if exact else " — MISMATCH"))
print(f"records dropped while rsyslog was down (counted by the destination): {dropped}")
