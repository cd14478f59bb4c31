#!/usr/bin/env python3
"""Reads wrk --latency output on stdin, prints 'requests_per_s p50_ms p99_ms'."""
import re
import sys


def ms(value):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


text = sys.stdin.read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
if non2xx:
    sys.exit(f"wrk saw {non2xx.group(1)} non-2xx responses: the measure is void")
print(f"{rps:.1f} {p50:.3f} {p99:.3f}")
