#!/usr/bin/env bash
# HTTP load of the reset operation: the reference server (embedded store, durable resets) on a
# fixture of 16 queues x 10^6 messages, beside WireMock standalone serving the documented example's
# answer as a canned stub, each measured with wrk at 1 and 32 connections after a warm-up.
# Loopback only; kills what it started. Run from anywhere:
#   server-stub/src/bench/http-load.sh            (DURATION=10s WARMUP=10s by default)
# WRK_THREADS: wrk's threads above 1 connection (default 2); SERVER_CPUS and WRK_CPUS (optional, e.g.
# 1 and 0): pin both servers alike, and wrk, to separate CPUs with taskset.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-10s}"
QUEUES=16
MESSAGES=1000000

if ! command -v wrk >/dev/null; then
  log "installing wrk from the Debian packages"
  if [[ "$(id -u)" == 0 ]]; then
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null
  fi
fi
mkdir -p "$WORK_DIR"
ensure_server_jar
ensure_wiremock_jar

# The documented example's instance, group and topic, the topic with 16 queues of 10^6 messages, one
# a millisecond from the example's time, up to 3 ms early or late (so store times step back).
FIXTURE="$WORK_DIR/load-fixture.yaml"
cat >"$FIXTURE" <<YAML
instances:
  - instance_id: $INSTANCE_ID
    project_id: $PROJECT_ID
    brokers: [broker-1]
    groups: [$GROUP]
    topics:
      - name: $TOPIC
        queues: {broker-1: $QUEUES}
        messages:
          - generate: {count: $MESSAGES, start: $EXAMPLE_TIME, interval_ms: 1, jitter_ms: 3, seed: 1}
YAML

# Each request resets to a random time over the queues' span, so every reset is a real lookup in
# each of the 16 queues (WireMock ignores the body).
LUA="$WORK_DIR/reset.lua"
cat >"$LUA" <<LUA
math.randomseed(os.time())
local headers = {["Content-Type"] = "application/json", ["Accept"] = "application/json"}
request = function()
  local t = $EXAMPLE_TIME + math.random(0, $MESSAGES)
  return wrk.format("POST", "$RESET_PATH", headers, '{"topic":"$TOPIC","timestamp":' .. t .. '}')
end
LUA

# Runs wrk; prints "rps p50_ms p99_ms". Args: port connections duration
measure() {
  local port="$1" connections="$2" duration="$3" threads=1 out pin=()
  (( connections > 1 )) && threads="${WRK_THREADS:-2}"
  [[ -n "${WRK_CPUS:-}" ]] && pin=(taskset -c "$WRK_CPUS")
  out="$("${pin[@]}" wrk -t"$threads" -c"$connections" -d"$duration" --timeout 5s --latency -s "$LUA" \
    "http://127.0.0.1:$port$RESET_PATH")"
  if grep -q 'Non-2xx\|Socket errors' <<<"$out"; then
    log "$out"
    log "errors under load on port $port: see above"
    return 1
  fi
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    $1 == "50.000%" || $1 == "50%" { p50 = ms($2) }
    $1 == "99.000%" || $1 == "99%" { p99 = ms($2) }
    END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }' <<<"$out"
}

declare -A RESULT
run_server() { # name port
  local name="$1" port="$2" c
  log "warming up $name ($WARMUP at 32 connections)"
  measure "$port" 32 "$WARMUP" >/dev/null
  for c in 1 32; do
    log "measuring $name at $c connection(s) for $DURATION"
    RESULT["$name,$c"]="$(measure "$port" "$c" "$DURATION")"
  done
}

# The reference server, on a fresh data directory; the fixture is applied at its first start.
rm -rf "$WORK_DIR/load-data"
port="$(free_port)"
started="$(milliseconds)"
start_offsetkit "$port" "$WORK_DIR/load-data" "file:$FIXTURE" --logging.level.io.offsetkit.server.access=WARN
pid="$LAST_PID"
await_example "$port" 600 "$pid" "$LAST_LOG"
log "offsetkit: fixture of $QUEUES x $MESSAGES messages applied, first 200 after $(( $(milliseconds) - started )) ms"
run_server offsetkit "$port"
stop_pid "$pid"

root="$(write_wiremock_stub)"
port="$(free_port)"
start_wiremock "$port" "$root" --no-request-journal --disable-request-logging
pid="$LAST_PID"
await_example "$port" 60 "$pid" "$LAST_LOG"
run_server wiremock "$port"
stop_pid "$pid"

printf '\n%-10s %11s %12s %9s %9s\n' server connections requests/s p50_ms p99_ms
for name in offsetkit wiremock; do
  for c in 1 32; do
    read -r rps p50 p99 <<<"${RESULT[$name,$c]}"
    printf '%-10s %11s %12s %9s %9s\n' "$name" "$c" "$rps" "$p50" "$p99"
  done
done
printf '\n'
for c in 1 32; do
  read -r ok_rps ok_p50 ok_p99 <<<"${RESULT[offsetkit,$c]}"
  read -r wm_rps wm_p50 wm_p99 <<<"${RESULT[wiremock,$c]}"
  awk -v c="$c" -v a="$ok_rps" -v b="$wm_rps" -v p="$ok_p99" -v q="$wm_p99" \
    'BEGIN { printf "ratio offsetkit/wiremock at %2d connection(s): requests/s %.2f, p99 %.2f\n", c, a / b, p / q }'
done
