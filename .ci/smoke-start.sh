#!/usr/bin/env bash
# Starts the service as a newcomer would (`npm start`, no DATABASE_URL), calls it, stops it with
# SIGTERM and checks that it exits cleanly and leaves no postgres process behind.
set -euo pipefail
data_dir=$(mktemp -d)
log="$data_dir/start.log"
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
admin_key="smoke-$(node -e 'console.log(require("crypto").randomBytes(16).toString("hex"))')"
cleanup() { [ "${code:-1}" = 0 ] && rm -rf "$data_dir" || echo "smoke: log kept in $log"; }
trap cleanup EXIT

env -u DATABASE_URL DATA_DIR="$data_dir/data" PORT="$port" WAYPOST_ADMIN_KEY="$admin_key" setsid npm start > "$log" 2>&1 &
group=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/api/health" > /dev/null && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/api/health" || { cat "$log"; echo "smoke: no health answer"; kill -TERM -- -"$group"; exit 1; }
echo
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $admin_key" "http://127.0.0.1:$port/api/principals")
[ "$status" = 200 ] || { cat "$log"; echo "smoke: GET /api/principals answered $status"; kill -TERM -- -"$group"; exit 1; }
echo "smoke: authenticated GET /api/principals answered 200"
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")
[ "$status" = 200 ] || { cat "$log"; echo "smoke: GET / (the console) answered $status"; kill -TERM -- -"$group"; exit 1; }
echo "smoke: GET / (the console) answered 200"
# The keys are printed just after the port opens; give the log a moment to catch up.
for _ in $(seq 1 20); do grep -q 'Demo keys' "$log" && break; sleep 0.25; done
grep -q 'Demo keys' "$log" || { cat "$log"; echo "smoke: the start log prints no demo keys"; kill -TERM -- -"$group"; exit 1; }
echo "smoke: the start log prints the demo keys"
# The service is the node process in npm's process group (setsid made npm its leader), not any node.
node_pid=$(pgrep -g "$group" -f 'node .*dist/main.js' | head -1)
[ -n "$node_pid" ] || { cat "$log"; echo "smoke: no service process in group $group"; kill -TERM -- -"$group"; exit 1; }
# SIGTERM to npm, as a process manager would send it; npm passes it on to the service.
kill -TERM "$group"
code=0
for _ in $(seq 1 60); do kill -0 "$node_pid" 2>/dev/null || break; sleep 0.5; done
if kill -0 "$node_pid" 2>/dev/null; then echo "smoke: still running 30 s after SIGTERM"; code=1; fi
wait "$group" || { echo "smoke: npm start exited with $?"; code=1; }
pkill -TERM -g "$group" 2>/dev/null || true
grep -q 'SIGTERM received' "$log" || { echo "smoke: no orderly shutdown in the log"; code=1; }
if pgrep -f "postgres -D $data_dir" > /dev/null; then echo "smoke: a postgres process was left running"; code=1; fi
[ "$code" = 0 ] && echo "smoke: clean exit, no postgres left"
exit "$code"
