#!/usr/bin/env bash
# Writes openapi/<service>.yaml from what each packaged service serves at /q/openapi?format=yaml.
# Build the services first (./mvnw -pl auth-service,log-service,discovery-service,policy-service -am
# install -DskipTests); the contract tests of each service and client-tests then check the files.
# Usage: openapi/regenerate.sh [service ...]   (default: all four)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

services=("$@")
[ ${#services[@]} -gt 0 ] || services=(auth-service log-service discovery-service policy-service)
for service in "${services[@]}"; do
  jar="$root/$service/target/quarkus-app/quarkus-run.jar"
  [ -f "$jar" ] || { echo "missing $jar: build $service first" >&2; exit 1; }
  # each service refuses properties it does not know: only its own state directory
  case "$service" in
    auth-service) state=(-Dauth.data-dir="$work/auth") ;;
    policy-service) state=(-Dpolicy.data-dir="$work/policy") ;;
    *) state=() ;;
  esac
  AUTH_KEY_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)" java -Xmx128m \
    -Dquarkus.http.port=0 -Dquarkus.http.host=127.0.0.1 -Dauth.enabled=false "${state[@]}" \
    -jar "$jar" >"$work/$service.log" 2>&1 &
  pids+=($!)
  # port 0: the system picks a free one, which Quarkus prints when it listens
  for _ in $(seq 1 240); do
    url="$(grep -o 'Listening on: http://127.0.0.1:[0-9]*' "$work/$service.log" 2>/dev/null | head -1 | cut -d' ' -f3)" || true
    [ -n "$url" ] && curl -fsS "$url/q/openapi?format=yaml" -o "$work/$service.yaml" 2>/dev/null && break
    sleep 0.5
  done
  [ -s "$work/$service.yaml" ] || { echo "$service did not serve /q/openapi:" >&2; cat "$work/$service.log" >&2; exit 1; }
  cp "$work/$service.yaml" "$root/openapi/$service.yaml"
  echo "openapi/$service.yaml"
done
