#!/usr/bin/env python3
"""Writes a log file of about SIZE bytes: varied, ~100-byte text lines, whole lines only.

    genlog.py FILE SIZE_BYTES

Lines look like an application log (timestamp, level, thread, sequence number, a message
of varying length), so line lengths differ (60..153 bytes, 100 on average). The
file is written in blocks of a few MiB, so 1 GiB takes a few seconds.
"""
import random
import sys

LEVELS = ["INFO ", "INFO ", "INFO ", "DEBUG", "WARN ", "ERROR"]
WORDS = ("request served cache miss hit upstream retry connection pool timeout user order "
         "item payment queue worker shard replica leader follower commit flush segment "
         "checkpoint snapshot compaction latency bytes records batch offset partition").split()


def main() -> None:
    path, size = sys.argv[1], int(sys.argv[2])
    rnd = random.Random(42)
    # a pool of message tails of varied length; line i picks one, so lines differ in length
    tails = []
    for _ in range(4093):
        n = rnd.randint(1, 11)
        tails.append(" ".join(rnd.choice(WORDS) for _ in range(n)))
    threads = [f"worker-{i}" for i in range(16)]
    written = 0
    seq = 0
    block_lines = 32768
    with open(path, "wb") as f:
        while written < size:
            parts = []
            for _ in range(block_lines):
                s = seq
                parts.append(
                    f"2025-11-21T{(s // 3600000) % 24:02d}:{(s // 60000) % 60:02d}:{(s // 1000) % 60:02d}"
                    f".{s % 1000:03d}Z {LEVELS[s % 6]} [{threads[s % 16]}] seq={s:09d} "
                    f"{tails[s % 4093]}\n")
                seq += 1
            block = "".join(parts).encode()
            if written + len(block) > size:
                block = block[:size - written]
                block = block[:block.rfind(b"\n") + 1]
                if not block:
                    break
            f.write(block)
            written += len(block)
    print(f"{path}: {written} bytes, {seq} lines generated")


if __name__ == "__main__":
    main()
