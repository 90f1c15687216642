#!/usr/bin/env bash
# HTTP load of the reset operation: the reference server (embedded store, durable resets) on a
# fixture of 16 queues x 10^6 messages, beside WireMock standalone serving the documented example's
# answer as a canned stub (the baseline), each measured with wrk at 1 and 32 connections after a
# warm-up: requests/s, p50 and p99, and their ratios to WireMock's in the same run, and the server's
# context switches per request during each run (its threads' voluntary and involuntary switches).
# Then each server's resident memory (VmRSS) after its start and after RSS_REQUESTS requests (10^6 by
# default, the warm-up and the measured runs included; wrk at 32 connections makes up the rest).
# JFR=1 also records a JFR profile of the reference server during its 32-connection run and prints
# its hottest frames, and the share of the samples in the disk sync (force, fdatasync) against those
# on CPU elsewhere.
# Loopback only; ports the kernel picks; kills what it started. Run from anywhere:
#   server-stub/src/bench/http-load.sh            (DURATION=10s WARMUP=10s by default)
#   JFR=1 server-stub/src/bench/http-load.sh
# WRK_THREADS: wrk's threads above 1 connection (default 2); SERVER_CPUS and WRK_CPUS (optional, e.g.
# 1 and 0): pin both servers alike, and wrk, to separate CPUs with taskset.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-10s}"
RSS_REQUESTS="${RSS_REQUESTS:-1000000}"
JFR="${JFR:-0}"
QUEUES=16
MESSAGES=1000000

ensure_wrk
mkdir -p "$WORK_DIR"
ensure_server_jar
ensure_wiremock_jar

# The documented example's instance, group and topic, the topic with 16 queues of 10^6 messages, one
# a millisecond from the example's time, up to 3 ms early or late (so store times step back).
FIXTURE="$WORK_DIR/load-fixture.yaml"
write_load_fixture "$FIXTURE" "$QUEUES" "$MESSAGES"

# Each request resets to a random time over the queues' span, so every reset is a real lookup in
# each of the 16 queues (WireMock ignores the body).
LUA="$WORK_DIR/reset.lua"
write_reset_lua "$LUA" "$MESSAGES"

# Runs wrk; prints "requests/s p50_ms p99_ms requests", the last from wrk's "N requests in" line.
# Args: port connections duration
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
    $2 == "requests" && $3 == "in" { requests = $1 }
    $1 == "50.000%" || $1 == "50%" { p50 = ms($2) }
    $1 == "99.000%" || $1 == "99%" { p99 = ms($2) }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, requests }' <<<"$out"
}

JFR_FILE="$WORK_DIR/offsetkit-32.jfr"
if [[ "$JFR" == 1 ]]; then
  if ! JCMD="$(jdk_tool java jcmd)" || ! JFR_TOOL="$(jdk_tool java jfr)"; then
    log "JFR=1 needs jcmd and jfr, from the JDK of the java that runs the server"
    exit 1
  fi
fi

# A JFR recording of the server with the JDK's "profile" settings (method samples every 10 ms of
# Java code, every 20 ms of native code), during one run only, so that the warm-up's compilation is
# not in it. Args: pid
jfr_start() {
  rm -f "$JFR_FILE"
  "$JCMD" "$1" JFR.start name=http-load settings=profile filename="$JFR_FILE" >"$WORK_DIR/jcmd.log" 2>&1 || {
    log "jcmd JFR.start failed; see $WORK_DIR/jcmd.log"
    return 1
  }
}
jfr_stop() { # pid
  "$JCMD" "$1" JFR.stop name=http-load >>"$WORK_DIR/jcmd.log" 2>&1 || {
    log "jcmd JFR.stop failed; see $WORK_DIR/jcmd.log"
    return 1
  }
  [[ -s "$JFR_FILE" ]] || { log "no recording in $JFR_FILE; see $WORK_DIR/jcmd.log"; return 1; }
}


declare -A RESULT SERVED RSS_START RSS_END SWITCHES
# Warm-up, the measured runs, then wrk at 32 connections until RSS_REQUESTS requests were served in
# all; the resident memory is read after the start and at the end. Args: name port pid
run_server() {
  local name="$1" port="$2" pid="$3" c served rps seconds rounds=0 requests result switches
  RSS_START[$name]="$(rss_kib "$pid")"
  log "warming up $name ($WARMUP at 32 connections)"
  # Each result is kept before it is read: a read from "$(measure ...)" would hide wrk's failure.
  result="$(measure "$port" 32 "$WARMUP")"
  read -r _ _ _ served <<<"$result"
  for c in 1 32; do
    log "measuring $name at $c connection(s) for $DURATION"
    switches="$(context_switches "$pid")"
    if [[ "$name" == offsetkit && "$c" == 32 && "$JFR" == 1 ]]; then
      jfr_start "$pid"
      RESULT["$name,$c"]="$(measure "$port" "$c" "$DURATION")"
      jfr_stop "$pid"
    else
      RESULT["$name,$c"]="$(measure "$port" "$c" "$DURATION")"
    fi
    read -r rps _ _ requests <<<"${RESULT[$name,$c]}"
    SWITCHES["$name,$c"]="$(awk -v a="$switches" -v b="$(context_switches "$pid")" -v r="$requests" \
      'BEGIN { printf "%.2f", (b - a) / (r > 0 ? r : 1) }')"
    served=$(( served + requests ))
  done
  # Bounded: each round asks for what is missing at the last rate, plus a second.
  while (( served < RSS_REQUESTS )); do
    if (( ++rounds > 10 )); then
      log "$name: only $served of $RSS_REQUESTS requests served after 10 more runs of wrk"
      return 1
    fi
    seconds=$(( (RSS_REQUESTS - served) / (rps > 0 ? rps : 1) + 1 ))
    (( seconds <= 300 )) || seconds=300
    log "$name: $served of $RSS_REQUESTS requests served; ${seconds}s more at 32 connections"
    result="$(measure "$port" 32 "${seconds}s")"
    read -r rps _ _ requests <<<"$result"
    served=$(( served + requests ))
  done
  SERVED[$name]="$served"
  RSS_END[$name]="$(rss_kib "$pid")"
}

log "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"

# The reference server, on a fresh data directory; the fixture is applied at its first start.
rm -rf "$WORK_DIR/load-data"
port="$(free_port)"
launched="$(milliseconds)"
start_offsetkit "$port" "$WORK_DIR/load-data" "file:$FIXTURE" --logging.level.io.offsetkit.server.access=WARN
pid="$LAST_PID"
await_example "$port" 600 "$pid" "$LAST_LOG" "$launched"
log "offsetkit: fixture of $QUEUES x $MESSAGES messages applied, first 200 after $FIRST_200_MS ms"
run_server offsetkit "$port" "$pid"
stop_pid "$pid"

root="$(write_wiremock_stub)"
port="$(free_port)"
start_wiremock "$port" "$root" --no-request-journal --disable-request-logging
pid="$LAST_PID"
await_example "$port" 60 "$pid" "$LAST_LOG"
run_server wiremock "$port" "$pid"
stop_pid "$pid"
loadavg="$(cut -d' ' -f1-3 /proc/loadavg)"

printf '\nHTTP load of the reset: warm-up %s, runs of %s; %s; load average %s at the end.\n' \
  "$WARMUP" "$DURATION" "$(java_version java)" "$loadavg"
printf '\n%-10s %11s %12s %9s %9s %19s\n' server connections requests/s p50_ms p99_ms switches/request
for name in offsetkit wiremock; do
  for c in 1 32; do
    read -r rps p50 p99 _ <<<"${RESULT[$name,$c]}"
    printf '%-10s %11s %12s %9s %9s %19s\n' "$name" "$c" "$rps" "$p50" "$p99" "${SWITCHES[$name,$c]}"
  done
done
printf '\n'
for c in 1 32; do
  read -r ok_rps _ ok_p99 _ <<<"${RESULT[offsetkit,$c]}"
  read -r wm_rps _ wm_p99 _ <<<"${RESULT[wiremock,$c]}"
  awk -v c="$c" -v a="$ok_rps" -v b="$wm_rps" -v p="$ok_p99" -v q="$wm_p99" \
    'BEGIN { printf "ratio offsetkit/wiremock at %2d connection(s): requests/s %.2f, p99 %.2f\n", c, a / b, p / q }'
done

printf '\nResident memory (VmRSS, MiB): after the start, and after %s requests (all runs above, then wrk at 32 connections)\n' \
  "$RSS_REQUESTS"
printf '%-10s %12s %15s %10s\n' server after_start after_requests requests
for name in offsetkit wiremock; do
  awk -v n="$name" -v a="${RSS_START[$name]}" -v b="${RSS_END[$name]}" -v r="${SERVED[$name]}" \
    'BEGIN { printf "%-10s %12.1f %15.1f %10d\n", n, a / 1024, b / 1024, r }'
done
awk -v a="${RSS_START[offsetkit]}" -v b="${RSS_START[wiremock]}" -v c="${RSS_END[offsetkit]}" -v d="${RSS_END[wiremock]}" \
  'BEGIN { printf "ratio offsetkit/wiremock: after the start %.2f, after the requests %.2f\n", a / b, c / d }'
if [[ "$JFR" == 1 ]]; then
  printf '(JFR=1: offsetkit'"'"'s memory after the requests includes the JFR recording'"'"'s, and its 32-connection run was profiled)\n'
fi

if [[ "$JFR" == 1 ]]; then
  # jfr print's text form, parsed below: the same events as its --json form in a twentieth of the
  # bytes (JSON repeats each frame's class loader, package and module), which matters at thousands
  # of samples of 64 frames.
  "$JFR_TOOL" print --stack-depth 64 --events jdk.ExecutionSample,jdk.NativeMethodSample,jdk.FileForce "$JFR_FILE" \
    >"$WORK_DIR/offsetkit-32.txt"
  printf '\nJFR profile of offsetkit at 32 connections (%s, settings=profile):\n' "${JFR_FILE#"$MODULE_DIR"/}"
  python3 - "$WORK_DIR/offsetkit-32.txt" <<'PY'
import collections, re, sys

SYNC = re.compile(r"fdatasync|fsync|\.force0?$", re.IGNORECASE)
UNITS = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1000.0}

def events(path):
    """(type, frames, duration in ms) of each event; a frame is "Class.method", without its line,
    so that a method counts once."""
    kind, frames, duration, depth, in_stack = None, [], None, 0, False
    with open(path) as f:
        for line in f:
            text = line.strip()
            if in_stack:
                if text == "]":
                    in_stack = False
                elif text != "...":
                    frames.append(text.split("(", 1)[0])
            elif text == "stackTrace = [":
                in_stack = True
            elif text.endswith("{"):
                if depth == 0:
                    kind, frames, duration = text.split()[0], [], None
                depth += 1
            elif text == "}":
                depth -= 1
                if depth == 0:
                    yield kind, frames, duration
            elif depth == 1 and text.startswith("duration = "):
                value, unit = text.split()[2:4]
                duration = float(value) * UNITS[unit]

cpu, native, forces = [], [], []
for kind, frames, duration in events(sys.argv[1]):
    if kind == "jdk.ExecutionSample" and frames:
        cpu.append(frames)
    elif kind == "jdk.NativeMethodSample" and frames:
        native.append(frames)
    elif kind == "jdk.FileForce":
        forces.append(duration)
if not cpu:
    sys.exit("no jdk.ExecutionSample in the recording")

exclusive = collections.Counter(stack[0] for stack in cpu)
inclusive = collections.Counter(frame for stack in cpu for frame in set(stack))
for title, counter in (("exclusive samples (the frame on top of the stack)", exclusive),
                       ("inclusive samples (the frame anywhere in the stack)", inclusive)):
    print(f"\nTop 25 frames by {title}, of {len(cpu)} jdk.ExecutionSample:")
    print(f"{'samples':>9} {'share':>7}  frame")
    for frame, count in counter.most_common(25):
        print(f"{count:>9} {100 * count / len(cpu):>6.1f}%  {frame}")

def in_sync(stack):
    return any(SYNC.search(frame) for frame in stack)

cpu_sync = sum(1 for stack in cpu if in_sync(stack))
native_sync = sum(1 for stack in native if in_sync(stack))
total = len(cpu) + len(native)
print("\nThe disk sync (a frame force, force0, fsync or fdatasync in the stack) against CPU, of "
      f"{total} method samples:")
for label, count in (("in the sync", cpu_sync + native_sync),
                     ("on CPU in Java code, elsewhere", len(cpu) - cpu_sync),
                     ("in native code, elsewhere (selectors, socket reads and writes)", len(native) - native_sync)):
    print(f"  {count:>7} {100 * count / total:>6.1f}%  {label}")
print("  (jdk.ExecutionSample: up to 5 threads in Java code every 10 ms; jdk.NativeMethodSample: 1 thread in")
print(f"  native code every 20 ms, where a thread waiting in fdatasync is: {native_sync} of {len(native)} were in the sync)")
if forces:
    forces.sort()
    print(f"  jdk.FileForce, forces of 10 ms or more: {len(forces)}, {sum(forces):.0f} ms in all, "
          f"median {forces[len(forces) // 2]:.1f} ms, longest {forces[-1]:.1f} ms")
else:
    print("  jdk.FileForce: no force took 10 ms or more")
PY
fi
