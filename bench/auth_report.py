#!/usr/bin/env python3
"""Turns bench/auth.sh's raw results into a markdown table.

Arguments: range.txt (lines 'with|without|bare rps p50_ms p99_ms cpu_us_per_request'), hey's output
for the policy query, login.txt (one time_total in seconds per line) -- each '-' when that part was
not run -- the target rate, load average at start and end.
"""
import statistics
import sys

import hey_summary

range_file, pq_file, login_file, rate, load_start, load_end = sys.argv[1:7]

runs = {"with": [], "without": [], "bare": []}
for line in (open(range_file) if range_file != "-" else []):
    kind, *figures = line.split()
    runs[kind].append(tuple(float(f) for f in figures))


def median(kind, i):
    return statistics.median(r[i] for r in runs[kind])


RPS, P50, P99, CPU = range(4)
print(f"| measure | result | goal |")
print(f"|---|---|---|")
if runs["with"]:
    cpu_cost = median("with", CPU) / median("without", CPU) - 1
    rps_cost = median("without", RPS) / median("with", RPS) - 1  # time per request at the same concurrency
    header_cost = median("without", CPU) / median("bare", CPU) - 1
    print(f"| range request, median of {len(runs['with'])} rounds: service CPU per request, with token / "
          f"auth.enabled=false (same request) | {median('with', CPU):.1f} / {median('without', CPU):.1f} µs "
          f"→ **{cpu_cost * 100:+.1f}%** | ≤ +10% |")
    print(f"| the same rounds: requests/s with token / auth.enabled=false | {median('with', RPS):.0f} / "
          f"{median('without', RPS):.0f} → {rps_cost * 100:+.1f}% time per request (p50 {median('with', P50):.2f} "
          f"vs {median('without', P50):.2f} ms, p99 {median('with', P99):.2f} vs {median('without', P99):.2f} ms) "
          f"| info |")
    print(f"| auth.enabled=false, with the token header / without any header: CPU per request "
          f"| {median('without', CPU):.1f} / {median('bare', CPU):.1f} µs → {header_cost * 100:+.1f}% "
          f"(requests/s {median('without', RPS):.0f} / {median('bare', RPS):.0f}) | info |")


def hey_result(path):
    percentile, achieved, statuses = hey_summary.read(path)
    return percentile, achieved, hey_summary.non_200(statuses)


if pq_file != "-":
    pq, achieved, bad = hey_result(pq_file)
    base, base_achieved, base_bad = hey_result(pq_file.replace("pq.txt", "pq-baseline.txt"))
    print(f"| policy query at {rate}/s (achieved {achieved:.0f}/s, {bad} non-200) "
          f"| p50 {pq.get('50', float('nan')):.2f} ms, p99 **{pq.get('99', float('nan')):.2f} ms** "
          f"| p99 ≤ 2 ms |")
    print(f"| baseline: public `/service-info` of the same auth-service at {rate}/s (achieved {base_achieved:.0f}/s, "
          f"{base_bad} non-200) | p50 {base.get('50', float('nan')):.2f} ms, p99 {base.get('99', float('nan')):.2f} ms "
          f"| info |")
if login_file != "-":
    logins = [float(x) * 1000 for x in open(login_file).read().split()]
    print(f"| password login, {len(logins)} in a row | median **{statistics.median(logins):.0f} ms** "
          f"(min {min(logins):.0f}, max {max(logins):.0f}) | 50–250 ms |")
print()
print(f"load average at start {load_start}, at end {load_end}")
