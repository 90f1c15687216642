#!/usr/bin/env bash
# What faults on demand cost a request when none is set: this build's server beside an earlier build
# (BASELINE_JAR, one without faults on demand), both on the default fixture, measured with wrk at 1
# and 32 connections in interleaved rounds (baseline, this, baseline, this, ...), each after a
# warm-up, on the cheapest call there is, the topic status read of topic_01 (one queue: the request
# path is most of its time, so a cost added there shows most), and on the documented reset (one
# lookup, one durable write). Prints each run, then each server's median requests/s and this build's
# ratio to the baseline's. Loopback only; ports the kernel picks; kills what it started.
#   BASELINE_JAR=/path/to/earlier/offsetkit-server.jar server-stub/src/bench/faults-load.sh
# DURATION=10s WARMUP=10s RUNS=5 by default.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-10s}"
RUNS="${RUNS:-5}"
STATUS_PATH="/v2/$PROJECT_ID/instances/$INSTANCE_ID/topics/$TOPIC/status"
: "${BASELINE_JAR:?set BASELINE_JAR to the server jar of the build to compare with}"

ensure_wrk
mkdir -p "$WORK_DIR"
ensure_server_jar
THIS_JAR="$SERVER_JAR"

cat >"$WORK_DIR/faults-get.lua" <<'LUA'
wrk.method = "GET"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
LUA
cat >"$WORK_DIR/faults-reset.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.body = '$EXAMPLE_REQUEST'
LUA

# Runs wrk; prints requests/s. Args: port call connections duration
measure() {
  local port="$1" call="$2" connections="$3" duration="$4" threads=1 script path out
  (( connections > 1 )) && threads=2
  if [[ "$call" == reset ]]; then script="$WORK_DIR/faults-reset.lua"; path="$RESET_PATH"
  else script="$WORK_DIR/faults-get.lua"; path="$STATUS_PATH"; fi
  out="$(wrk -t"$threads" -c"$connections" -d"$duration" --timeout 5s -s "$script" "http://127.0.0.1:$port$path")"
  if grep -q 'Non-2xx\|Socket errors' <<<"$out"; then
    log "$out"
    log "$call on port $port: errors under load"
    return 1
  fi
  awk '/Requests\/sec/ { print $2 }' <<<"$out"
}

declare -A PORTS RESULTS
for build in baseline this; do
  port="$(free_port)"
  data="$WORK_DIR/faults-load-$build"
  rm -rf "$data"
  jar="$THIS_JAR"
  [[ "$build" == baseline ]] && jar="$BASELINE_JAR"
  SERVER_JAR="$jar" LOG="$WORK_DIR/faults-load-$build.log" start_offsetkit "$port" "$data" "$DEFAULT_FIXTURE" \
    --logging.level.io.offsetkit.server.access=WARN
  await_example "$port" 60 "$LAST_PID" "$LAST_LOG"
  PORTS[$build]="$port"
done

CASES="status:1 status:32 reset:1 reset:32"
for build in baseline this; do
  for c in $CASES; do
    measure "${PORTS[$build]}" "${c%%:*}" "${c##*:}" "$WARMUP" >/dev/null
  done
done
for run in $(seq 1 "$RUNS"); do
  for c in $CASES; do
    for build in baseline this; do
      rps="$(measure "${PORTS[$build]}" "${c%%:*}" "${c##*:}" "$DURATION")"
      RESULTS[$build/$c]+="$rps "
      printf 'run %s  %-6s %2s conn  %-8s %10s requests/s\n' "$run" "${c%%:*}" "${c##*:}" "$build" "$rps"
    done
  done
done

median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for c in $CASES; do
  b="$(median "${RESULTS[baseline/$c]}")"
  t="$(median "${RESULTS[this/$c]}")"
  printf 'median %-6s %2s conn  baseline %10s  this %10s  ratio %.3f\n' "${c%%:*}" "${c##*:}" "$b" "$t" \
    "$(awk -v a="$t" -v b="$b" 'BEGIN { print a / b }')"
done
