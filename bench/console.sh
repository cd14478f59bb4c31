#!/usr/bin/env bash
# The log console's first view of a task in Chromium: the last 1000 lines from the click on
# "Open" to the page's "rendered" mark, next to baselines measured in the same page and run
# (the same lines' raw bytes through the same route; a static file of the same server).
# Starts the four packaged services on loopback (console-tests' LocalCluster) and Debian's
# headless Chromium; prints a markdown table (also in console-tests/target/console-bench.md).
#   bench/console.sh                  # 30 runs after 5 warm-up rounds
#   CONSOLE_BENCH_RUNS=100 bench/console.sh
# Needs java, chromium and chromium-driver (apt-get install chromium chromium-driver).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! ls auth-service/target/quarkus-app/quarkus-run.jar log-service/target/quarkus-app/quarkus-run.jar \
    discovery-service/target/quarkus-app/quarkus-run.jar policy-service/target/quarkus-app/quarkus-run.jar >/dev/null 2>&1; then
  ./mvnw -q -pl console-tests -am install -DskipTests
fi
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -q -pl console-tests verify -Dtest=ConsoleBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dconsole.bench=true -Dconsole.bench.runs="${CONSOLE_BENCH_RUNS:-30}" >/dev/null
cat console-tests/target/console-bench.md
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
