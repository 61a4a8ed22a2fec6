#!/usr/bin/env bash
# Checks that `npm start`'s Temporal (SQLite, WAL, synchronous=normal) loses nothing when the
# server process is killed (kill -9): starts five workflows, terminates two, signals one, kills the
# server, restarts it on the same file and lists them. Issue #19; run from the repo root.
set -euo pipefail
temporal=.tools/bin/temporal
dir=$(mktemp -d)
port=${PORT:-47233}
address=127.0.0.1:$port
start() {
  "$temporal" server start-dev --headless --ip 127.0.0.1 --port "$port" --db-filename "$dir/t.sqlite" \
    --sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=normal --log-level error >"$dir/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 60); do "$temporal" operator namespace list --address "$address" >/dev/null 2>&1 && return; sleep 1; done
  echo "server did not start" >&2
  exit 1
}
start
for i in 1 2 3 4 5; do
  "$temporal" workflow start --address "$address" --type walProbe --task-queue wal-probe --workflow-id "probe-$i" >/dev/null
done
for i in 1 2; do "$temporal" workflow terminate --address "$address" --workflow-id "probe-$i" --reason done >/dev/null; done
"$temporal" workflow signal --address "$address" --workflow-id probe-5 --name hello -i '"last write"' >/dev/null
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
start
"$temporal" workflow list --address "$address"
"$temporal" workflow show --address "$address" --workflow-id probe-5 | grep -q WorkflowExecutionSignaled &&
  echo "OK: after kill -9, 5 workflows (2 terminated) and probe-5's last signal are there"
kill "$pid"
rm -rf "$dir"
