#!/usr/bin/env bash
# What a durable reset costs the reference server, per request, beside WireMock's canned answer:
# CPU time (user and system, all its threads, from /proc/<pid>/stat) and context switches per request
# over a DURATION run of wrk at 32 connections, after WARMUP; for
#   offsetkit        the reference server, its data directory on the disk (each commit fdatasync'ed)
#   offsetkit-tmpfs  the same on a tmpfs (/dev/shm): the same code and system calls, the fsync free,
#                    so that the difference is the disk's
#   wiremock         WireMock standalone, the documented answer as a stub: the baseline
# and with STRACE=1, the system calls per request of a separate 5 s run of the reference server at 32
# connections (strace -c -f; strace slows the server, so only the counts are read, not the times).
# CPU time per request does not depend on what else runs on the machine as much as requests/s do: on
# a saturated machine, requests/s ratio ~ the inverse ratio of CPU per request (all parties CPU bound).
# Loopback only; ports the kernel picks; kills what it started.
#   server-stub/src/bench/reset-cost.sh        (DURATION=10s WARMUP=5s by default)
#   STRACE=1 server-stub/src/bench/reset-cost.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-5s}"
STRACE="${STRACE:-0}"
QUEUES=16
MESSAGES=1000000

ensure_wrk
mkdir -p "$WORK_DIR"
ensure_server_jar
ensure_wiremock_jar
FIXTURE="$WORK_DIR/load-fixture.yaml"
write_load_fixture "$FIXTURE" "$QUEUES" "$MESSAGES"
LUA="$WORK_DIR/reset.lua"
write_reset_lua "$LUA" "$MESSAGES"
trap stop_started EXIT

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# Prints "requests requests/s p99_ms". Args: port duration
load() {
  wrk -t2 -c32 -d"$2" --timeout 5s --latency -s "$LUA" "http://127.0.0.1:$1$RESET_PATH" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $2 == "requests" && $3 == "in" { requests = $1 }
    /Requests\/sec/ { rps = $2 }
    $1 == "99.000%" || $1 == "99%" { p99 = ms($2) }
    END { printf "%d %.0f %.2f\n", requests, rps, p99 }'
}
TICK_MS="$(awk -v t="$(getconf CLK_TCK)" 'BEGIN { print 1000 / t }')"
# Args: name port pid
measure() {
  local name="$1" port="$2" pid="$3" ticks0 sw0 result
  load "$port" "$WARMUP" >/dev/null
  ticks0="$(cpu_ticks "$pid")"
  sw0="$(context_switches "$pid")"
  result="$(load "$port" "$DURATION")"
  read -r requests rps p99 <<<"$result"
  awk -v n="$name" -v r="$requests" -v rps="$rps" -v p99="$p99" -v t="$(( $(cpu_ticks "$pid") - ticks0 ))" \
    -v s="$(( $(context_switches "$pid") - sw0 ))" -v ms="$TICK_MS" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN { printf "%-16s %9d %10d %8.1f %14.1f %12.2f %8s\n", n, r, rps, p99, t * ms * 1000 / r, s / r, load }'
}

printf '%-16s %9s %10s %8s %14s %12s %8s\n' server requests requests/s p99_ms cpu_us/request switches/req load
port="$(free_port)"
rm -rf "$WORK_DIR/cost-data"
start_offsetkit "$port" "$WORK_DIR/cost-data" "file:$FIXTURE" --logging.level.io.offsetkit.server.access=WARN
await_example "$port" 180 "$LAST_PID" "$LAST_LOG" >/dev/null
measure offsetkit "$port" "$LAST_PID"
if [[ "$STRACE" == 1 ]]; then
  strace -c -f -q -p "$LAST_PID" -o "$WORK_DIR/strace.txt" &
  tracer=$!
  sleep 1
  read -r traced _ <<<"$(load "$port" 5s)"
  kill -INT "$tracer"; wait "$tracer" || true
  log "system calls per request, strace -c -f over $traced requests (the server slowed by the tracing):"
  awk -v r="$traced" '$NF ~ /^[a-z_0-9]+$/ && $4 ~ /^[0-9]+$/ && $4 > r / 20 { printf "  %-16s %6.2f per request, %5.1f%% of the traced time\n", $NF, $4 / r, $1 }' \
    "$WORK_DIR/strace.txt" >&2
fi
stop_pid "$LAST_PID"
shm="$(mktemp -d /dev/shm/offsetkit-cost.XXXXXX)"
port="$(free_port)"
start_offsetkit "$port" "$shm/data" "file:$FIXTURE" --logging.level.io.offsetkit.server.access=WARN
await_example "$port" 180 "$LAST_PID" "$LAST_LOG" >/dev/null
measure offsetkit-tmpfs "$port" "$LAST_PID"
stop_pid "$LAST_PID"
rm -rf "$shm"
root="$(write_wiremock_stub)"
port="$(free_port)"
start_wiremock "$port" "$root" --no-request-journal --disable-request-logging
await_example "$port" 180 "$LAST_PID" "$LAST_LOG" >/dev/null
measure wiremock "$port" "$LAST_PID"
