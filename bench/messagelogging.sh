#!/usr/bin/env bash
# The MessageLogging data plane's sustained records/s to a rotated file and to rsyslog over TCP,
# side by side with baselines measured in the same run (a plain FileChannel loop; nc to the same
# rsyslog). Prints a markdown table. Results and notes: docs/benchmarks.md.
#
#   bench/messagelogging.sh                  # both parts, 1 000 000 records each, 10 s open loops
#   bench/messagelogging.sh file 2000000     # a part (file | tcp | file,tcp), records, open-loop seconds
#
# Needs java, rsyslog with rsyslog-openssl (the test server's TLS listener), nc (netcat-openbsd), openssl.
# Temporary files live under $BENCH_TMP (default /tmp) and are removed at the end; rsyslogd is
# started and killed by the benchmark itself. JAVA_OPTS passes JVM options.
set -euo pipefail
cd "$(dirname "$0")/.."

PARTS=${1:-file,tcp}
RECORDS=${2:-1000000}
OPEN_SECONDS=${3:-10}
BENCH_TMP=${BENCH_TMP:-/tmp}

CP_FILE=$(mktemp "$BENCH_TMP/ml-cp.XXXXXX")
trap 'rm -f "$CP_FILE"' EXIT
# one reactor build: the suite's own modules (testing's RsyslogServer) resolve to their target/classes;
# every module writes the file, message-logging last
./mvnw -q -pl message-logging -am test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
CP="message-logging/target/test-classes:message-logging/target/classes:$(cat "$CP_FILE")"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: bench/messagelogging.sh $PARTS $RECORDS $OPEN_SECONDS"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -Dbench.tmp="$BENCH_TMP" -cp "$CP" org.clusterlogs.messagelogging.bench.MessageLoggingBench \
    "$PARTS" "$RECORDS" "$OPEN_SECONDS"
