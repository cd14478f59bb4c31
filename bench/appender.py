#!/usr/bin/env python3
"""Appends numbered lines to a file at a steady rate, one write per line (stdlib only).

    bench/appender.py FILE RATE SECONDS

Prints how many lines it appended and at what rate it managed.
"""
import os
import sys
import time


def main():
    path, rate, seconds = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    start = time.monotonic()
    n = 0
    try:
        while True:
            now = time.monotonic()
            if now - start >= seconds:
                break
            due = int((now - start) * rate)
            while n < due:
                os.write(fd, b"appended while the benchmark reads, line %d\n" % n)
                n += 1
            time.sleep(0.001)
    finally:
        os.close(fd)
    elapsed = time.monotonic() - start
    print(f"{n} appends in {elapsed:.1f} s, {n / elapsed:.0f}/s")


if __name__ == "__main__":
    main()
