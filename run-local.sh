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
# discovery-service's task index: a state.json naming the demo sandbox on this one agent, whose
# id log-service is told too (so /var/lib/mesos/slave/slaves/<id>/... paths name its sandboxes)
agent_id=0d5e8c1a-2b3c-4d5e-8f90-a1b2c3d4e5f6-S0
bash dev/demo-state.sh "$demo/mesos-state.json" "$agent_id" >/dev/null
mkdir -p .run/logs

# Credentials, made once and kept in .run/keys: a key pair per service account (auth-service's
# bootstrap registers the public halves), the key that encrypts auth-service's signing keys at
# rest, and the first superuser's password.
keys="$PWD/.run/keys"
mkdir -p "$keys" && chmod 700 "$keys"
accounts=(auth-service log-service discovery-service policy-service)
for a in "${accounts[@]}"; do
  if [ ! -f "$keys/$a.pem" ]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/$a.pem" 2>/dev/null
  fi
  openssl pkey -in "$keys/$a.pem" -pubout -out "$keys/$a.pub.pem"
done
[ -f "$keys/key-encryption-key" ] || openssl rand -base64 32 >"$keys/key-encryption-key"
[ -f "$keys/admin-password" ] || openssl rand -hex 12 >"$keys/admin-password"
admin_password=$(cat "$keys/admin-password")

# What each service is started with, besides its port and the demo log roots.
service_options() { # name; one option per line
  # every service follows the policies deployed at policy-service; file policies write under
  # .run/messagelogging/<service>: one directory each, as each has its own disk in a cluster (two
  # processes writing and rotating the same file would roll each other's lines away)
  echo "-Dmessagelogging.policy-service.url=http://localhost:8183"
  echo "-Dmessagelogging.file.root=$PWD/.run/messagelogging/$1"
  echo "-Dmessagelogging.state-file=$PWD/.run/messagelogging-state/$1.json"
  if [ "$1" = auth-service ]; then
    echo "-Dauth.data-dir=$PWD/.run/auth-data"
    echo "-Dauth.bootstrap.uid=admin"
    for a in "${accounts[@]}"; do
      echo "-Dauth.bootstrap.service-accounts.\"$a\".public-key=$keys/$a.pub.pem"
    done
  fi
  if [ "$1" = log-service ]; then
    echo "-Dlogs.mesos-agent-id=$agent_id"
  fi
  if [ "$1" = discovery-service ]; then
    echo "-Ddiscovery.mesos.state=$demo/mesos-state.json"
  fi
  if [ "$1" = policy-service ]; then
    echo "-Dpolicy.data-dir=$PWD/.run/policy-data"
  fi
  # each service logs in with its own account (auth-service too, at itself: it follows the
  # deployed policies like the others)
  echo "-Dauth.url=http://localhost:8180"
  echo "-Dauth.service-account.uid=$1"
  echo "-Dauth.service-account.private-key=$keys/$1.pem"
}

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

for s in "${services[@]}"; do
  name=${s%%:*}
  port=${s##*:}
  mapfile -t options < <(service_options "$name")
  # secrets go in the environment of auth-service only, not on any command line
  AUTH_KEY_ENCRYPTION_KEY=$([ "$name" = auth-service ] && cat "$keys/key-encryption-key" || true) \
  AUTH_BOOTSTRAP_PASSWORD=$([ "$name" = auth-service ] && echo "$admin_password" || true) \
  java @"$name/jvm.options" -Dquarkus.http.port="$port" \
       -Dlogs.sandbox-root="$demo/sandbox" -Dlogs.pods-root="$demo/pods" \
       -Dlogs.components-dir="$demo/components" -Dlogs.journal-dir="$demo/journal" \
       "${options[@]}" \
       -jar "$name/target/quarkus-app/quarkus-run.jar" >".run/logs/$name.log" 2>&1 &
  pids+=($!)
done

for s in "${services[@]}"; do
  name=${s%%:*}
  port=${s##*:}
  for _ in $(seq 1 300); do # up to a minute each: a busy laptop starts JVMs slowly
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

Demo login: uid admin, password $admin_password (a superuser; kept in .run/keys/admin-password)

Try:
  TOKEN=\$(curl -s -X POST http://localhost:8180/acs/api/v1/auth/login -H 'Content-Type: application/json' \\
          -d '{"uid":"admin","password":"$admin_password"}' | sed -E 's/.*"token":"([^"]+)".*/\\1/')
  curl -s -H "Authorization: token=\$TOKEN" 'http://localhost:8181/system/v1/logs/v2/task/frameworks/demo-framework/executors/web.1/runs/c-0001/stdout?cursor=END&skip=-5'
  curl -s -H "Authorization: token=\$TOKEN" -H 'Accept: application/json' 'http://localhost:8181/system/v1/logs/v2/component/dcos-log.service'
  curl -s -H "Authorization: token=\$TOKEN" 'http://localhost:8181/system/v1/logs/v2/pods/default/web-7d4b9/nginx'
  curl -sN -H "Authorization: token=\$TOKEN" -H 'Accept: text/event-stream' 'http://localhost:8181/system/v1/logs/v2/component/demo-agent'
  curl -si -H "Authorization: token=\$TOKEN" 'http://localhost:8182/system/v1/logs/v2/task/nginx?cursor=END&skip=-5'   # 303 to the node
  curl -s -H "Authorization: token=\$TOKEN" 'http://localhost:8182/system/v1/tasks?q=web'
  curl -sL -H "Authorization: token=\$TOKEN" 'http://localhost:8182/system/v1/logs/v2/task/nginx?cursor=END&skip=-5'  # through the agent proxy
  (logging in works at http://localhost:8182/acs/api/v1/auth/login too: discovery is the cluster's one address)
  curl -s -X PUT -H "Authorization: token=\$TOKEN" -H 'Content-Type: application/xml' http://localhost:8182/v1/policies/LogToSyslog \\
       -d '<MessageLogging name="LogToSyslog"><Syslog><Message>{request.uri}</Message><Host>127.0.0.1</Host><Port>0</Port></Syslog></MessageLogging>'   # 400: every error

Demo data: $demo    Logs: .run/logs/    Ctrl-C stops everything.
MSG
wait
