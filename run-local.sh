#!/usr/bin/env bash
# Starts the whole suite on this machine with embedded defaults: builds what is missing,
# writes a demo data set, runs each service as its own process on a fixed local port, and
# stops them all on Ctrl-C. Logs of the services go to .run/logs/.
set -euo pipefail
cd "$(dirname "$0")"

services=(auth-service:8180 log-service:8181 discovery-service:8182 policy-service:8183)

needs_build=false
for s in "${services[@]}"; do
  name=${s%%:*}
  jar="$name/target/quarkus-app/quarkus-run.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$name/src" "$name/pom.xml" -newer "$jar" -print -quit)" ]; then
    needs_build=true
  fi
done
if $needs_build; then
  echo "building (./mvnw package -DskipTests) ..."
  ./mvnw -q package -DskipTests
fi

demo="$PWD/.run/demo"
bash dev/demo-data.sh "$demo" >/dev/null
mkdir -p .run/logs

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

for s in "${services[@]}"; do
  name=${s%%:*}
  port=${s##*:}
  java @"$name/jvm.options" -Dquarkus.http.port="$port" \
       -Dlogs.sandbox-root="$demo/sandbox" -Dlogs.pods-root="$demo/pods" \
       -Dlogs.components-dir="$demo/components" -Dlogs.journal-dir="$demo/journal" \
       -jar "$name/target/quarkus-app/quarkus-run.jar" >".run/logs/$name.log" 2>&1 &
  pids+=($!)
done

for s in "${services[@]}"; do
  name=${s%%:*}
  port=${s##*:}
  for _ in $(seq 1 100); do
    if curl -fs "http://localhost:$port/q/health/ready" >/dev/null 2>&1; then break; fi
    sleep 0.2
  done
  if curl -fs "http://localhost:$port/q/health/ready" >/dev/null 2>&1; then
    echo "  $name  http://localhost:$port   Swagger UI: http://localhost:$port/q/swagger-ui"
  else
    echo "  $name did not become ready; see .run/logs/$name.log" >&2
  fi
done

cat <<MSG

Try:
  curl -s 'http://localhost:8181/system/v1/logs/v2/task/frameworks/demo-framework/executors/web.1/runs/c-0001/stdout?cursor=END&skip=-5'
  curl -s -H 'Accept: application/json' 'http://localhost:8181/system/v1/logs/v2/component/dcos-log.service'
  curl -s 'http://localhost:8181/system/v1/logs/v2/pods/default/web-7d4b9/nginx'
  curl -sN -H 'Accept: text/event-stream' 'http://localhost:8181/system/v1/logs/v2/component/demo-agent'

Demo data: $demo    Logs: .run/logs/    Ctrl-C stops everything.
MSG
wait
