"""Reads hey's text report, for the report scripts that import it (they run from this directory)."""
import re


def read(path):
    """(latency percentiles in ms keyed '50', '99', ...; requests/s achieved; {status: count} as hey prints them)."""
    text = open(path).read()
    percentile = {p: float(s) * 1000 for p, s in re.findall(r"^\s+(\d+)%+ in ([\d.]+) secs", text, re.M)}
    achieved = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    statuses = dict(re.findall(r"\[(\d{3})\]\s+(\d+) responses", text))
    return percentile, achieved, statuses


def non_200(statuses):
    """How many responses were not 200."""
    return sum(int(n) for code, n in statuses.items() if code != "200")
