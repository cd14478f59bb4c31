#!/usr/bin/env bash
# Server-side cost of positioning "the last 1000 lines" of a task file (no HTTP): the backward
# scan and the opens through the root check, 5 rounds of 20 000 requests, with the JVM options
# log-service ships with. Needs the built classes (./mvnw -q -pl log-service -am package -DskipTests).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
W=$(mktemp -d "${BENCH_TMP:-/tmp}/positioning.XXXXXX")
trap 'rm -rf "$W"' EXIT
REL=frameworks/bench/executors/small/runs/c-small/stdout
mkdir -p "$W/root/$(dirname "$REL")" "$W/classes"
python3 "$REPO/bench/genlog.py" "$W/root/$REL" $((1024 * 1024)) >/dev/null
CP="$REPO/log-service/target/classes"
javac -d "$W/classes" -cp "$CP" "$REPO/bench/positioning/PositioningBench.java"
java @"$REPO/log-service/jvm.options" -cp "$CP:$W/classes" PositioningBench "$W/root" "$REL" "${REQUESTS:-20000}"
