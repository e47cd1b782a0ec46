#!/usr/bin/env bash
# `make dev`: dagster dev (webserver on http://127.0.0.1:3000, the daemon that runs
# the sensor and schedules, a code server) in a process group of its own.
# Ctrl-C or SIGTERM asks it to stop; whatever still runs 10 s later (a run it
# was waiting on, a code server) is killed, so `make dev` always ends.
set -uo pipefail
GRACE=${DEV_STOP_GRACE_SECONDS:-10}
setsid "$@" &
child=$!
stop() {
  trap '' INT TERM
  echo "stopping dagster dev (killed after ${GRACE} s if it has not stopped)" >&2
  kill -INT -- "-$child" 2>/dev/null
  for _ in $(seq 1 $((GRACE * 5))); do
    kill -0 -- "-$child" 2>/dev/null || exit 0
    sleep 0.2
  done
  kill -KILL -- "-$child" 2>/dev/null
  exit 0
}
trap stop INT TERM
wait "$child"
