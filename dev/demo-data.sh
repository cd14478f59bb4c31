#!/usr/bin/env bash
# Writes a small demo data set under $1 (default .run/demo): a Mesos sandbox with stdout/stderr,
# a pod task, Kubernetes pod logs in CRI format (a rotated plain file, a rotated gzip file and
# the live file), component log files, and a real journal made with systemd-journal-remote.
set -euo pipefail
root=${1:-.run/demo}
rm -rf "$root"
mkdir -p "$root"/{sandbox,pods,components,journal}

# Mesos sandbox: frameworks/<fw>/executors/<ex>/runs/<container>[/tasks/<task>]
run="$root/sandbox/frameworks/demo-framework/executors/web.1/runs/c-0001"
mkdir -p "$run" "$run/tasks/sidecar.1"
for i in $(seq 1 20); do echo "web: served request $i"; done >"$run/stdout"
printf 'web: starting\nweb: warning: cache cold\n' >"$run/stderr"
for i in $(seq 1 5); do echo "sidecar: heartbeat $i"; done >"$run/tasks/sidecar.1/stdout"

# Kubernetes pod logs: <ns>_<pod>_<uid>/<container>/<restart>.log[.<ts>[.gz]]
pod="$root/pods/default_web-7d4b9_0f8e2c4a-1111-2222-3333-444455556666/nginx"
mkdir -p "$pod"
printf '2026-11-20T10:00:00.000000001Z stdout F first rotated line\n2026-11-20T10:00:01.000000000Z stderr F a warning\n' >"$pod/0.log.20261120-100002"
gzip "$pod/0.log.20261120-100002"
printf '2026-11-20T11:00:00.000000000Z stdout F second rotated file\n' >"$pod/0.log.20261120-110001"
printf '2026-11-21T09:00:00.000000000Z stdout P a long line writ\n2026-11-21T09:00:00.000000100Z stdout F ten in two parts\n2026-11-21T09:00:01.000000000Z stdout F GET / 200\n' >"$pod/0.log"

# Component log files: <name>.log
for i in $(seq 1 10); do echo "2026-11-21 09:00:0$((i % 10)) demo-agent: tick $i"; done >"$root/components/demo-agent.log"

# Journal: export format through systemd-journal-remote, read back by journalctl
remote=/usr/lib/systemd/systemd-journal-remote
if [ -x "$remote" ]; then
  export_file=$(mktemp)
  boot=0123456789abcdef0123456789abcdef
  t=1763715600000000
  for i in $(seq 1 12); do
    unit=$([ $((i % 2)) -eq 0 ] && echo dcos-mesos-agent.service || echo dcos-log.service)
    printf '__REALTIME_TIMESTAMP=%s\n__MONOTONIC_TIMESTAMP=%s\n_BOOT_ID=%s\n_SYSTEMD_UNIT=%s\nSYSLOG_IDENTIFIER=%s\nPRIORITY=6\nMESSAGE=demo journal entry %s\n\n' \
      $((t + i * 1000000)) $((i * 1000000)) "$boot" "$unit" "${unit%.service}" "$i" >>"$export_file"
  done
  "$remote" -o "$root/journal/system.journal" "$export_file" 2>/dev/null
  rm -f "$export_file"
else
  echo "note: $remote not found (apt-get install systemd-journal-remote); the demo journal is empty" >&2
fi
echo "demo data in $root"
