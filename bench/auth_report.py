#!/usr/bin/env python3
"""Turns bench/auth.sh's raw results into a markdown table.

Arguments: range.txt (lines 'with|without rps p50 p99'), hey's output for the policy query,
login.txt (one time_total in seconds per line), the target rate, load average at start and end.
"""
import re
import statistics
import sys

range_file, pq_file, login_file, rate, load_start, load_end = sys.argv[1:7]

runs = {"with": [], "without": []}
for line in open(range_file):
    kind, rps, p50, p99 = line.split()
    runs[kind].append((float(rps), float(p50), float(p99)))


def median(kind, i):
    return statistics.median(r[i] for r in runs[kind])


with_rps, without_rps = median("with", 0), median("without", 0)
cost = without_rps / with_rps - 1  # extra time per request, from throughput at the same concurrency

hey = open(pq_file).read()
percentile = {p: float(s) * 1000 for p, s in re.findall(r"^\s+(\d+)%+ in ([\d.]+) secs", hey, re.M)}
achieved = float(re.search(r"Requests/sec:\s+([\d.]+)", hey).group(1))
statuses = re.findall(r"\[(\d{3})\]\s+(\d+) responses", hey)
bad = sum(int(n) for code, n in statuses if code != "200")

logins = [float(x) * 1000 for x in open(login_file).read().split()]

print(f"| measure | result | goal |")
print(f"|---|---|---|")
print(f"| range request, median of {len(runs['with'])} rounds: requests/s with token / with auth.enabled=false "
      f"| {with_rps:.0f} / {without_rps:.0f} → **{cost * 100:+.1f}%** time per request "
      f"(p50 {median('with', 1):.2f} vs {median('without', 1):.2f} ms, "
      f"p99 {median('with', 2):.2f} vs {median('without', 2):.2f} ms) | ≤ +10% |")
print(f"| policy query at {rate}/s (achieved {achieved:.0f}/s, {bad} non-200) "
      f"| p50 {percentile.get('50', float('nan')):.2f} ms, p99 **{percentile.get('99', float('nan')):.2f} ms** | p99 ≤ 2 ms |")
print(f"| password login, {len(logins)} in a row | median **{statistics.median(logins):.0f} ms** "
      f"(min {min(logins):.0f}, max {max(logins):.0f}) | 50–250 ms |")
print()
print(f"load average at start {load_start}, at end {load_end}")
