#!/usr/bin/env bash
# HTTP load of the reads of the offset workflow beside the reset, in one run against one server: the
# reference server (embedded store, durable resets) on the fixture of http-load.sh (one topic of 16
# queues x 10^6 messages), wrk at 32 connections, in rounds of the three requests, each after a
# warm-up: a reset to a random time (16 lookups, one durable write), the group's progress on the topic
# (showConsumerListOrDetails with topic: 16 queues' offsets, lags and last message times) and the
# topic's status (showTopicStatus). Prints each run, then each read's median requests/s as a ratio of
# the reset's. Loopback only; a port the kernel picks; kills what it started. Run from anywhere:
#   server-stub/src/bench/reads-load.sh            (DURATION=10s WARMUP=10s RUNS=3 by default)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-10s}"
RUNS="${RUNS:-3}"
QUEUES=16
MESSAGES=1000000
PROGRESS_PATH="/v2/$PROJECT_ID/instances/$INSTANCE_ID/groups/$GROUP/topics?topic=$TOPIC"
STATUS_PATH="/v2/$PROJECT_ID/instances/$INSTANCE_ID/topics/$TOPIC/status"

ensure_wrk
mkdir -p "$WORK_DIR"
ensure_server_jar

FIXTURE="$WORK_DIR/reads-load-fixture.yaml"
write_load_fixture "$FIXTURE" "$QUEUES" "$MESSAGES"

# The reset as http-load.sh sends it; the reads as both official SDKs send a GET (Content-Type, no body).
write_reset_lua "$WORK_DIR/reads-reset.lua" "$MESSAGES"
cat >"$WORK_DIR/reads-get.lua" <<'LUA'
wrk.method = "GET"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
LUA

# Runs wrk at 32 connections; prints requests/s. Args: port name path
measure() {
  local port="$1" name="$2" path="$3" script out
  script="$WORK_DIR/reads-get.lua"
  [[ "$name" == reset ]] && script="$WORK_DIR/reads-reset.lua"
  out="$(wrk -t2 -c32 -d"$DURATION" --timeout 5s -s "$script" "http://127.0.0.1:$port$path")"
  if grep -q 'Non-2xx\|Socket errors' <<<"$out"; then
    log "$out"
    log "$name: errors under load"
    return 1
  fi
  awk '/Requests\/sec/ { print $2 }' <<<"$out"
}

trap stop_started EXIT
PORT="$(free_port)"
DATA="$WORK_DIR/reads-load-data"
rm -rf "$DATA"
LOG="$WORK_DIR/reads-load-offsetkit.log" start_offsetkit "$PORT" "$DATA" "file:$FIXTURE" --logging.level.io.offsetkit.server.access=WARN
await_example "$PORT" 60 "$LAST_PID" "$LAST_LOG"

declare -A RESULTS
for name in reset progress status; do
  case "$name" in
    reset) path="$RESET_PATH" ;;
    progress) path="$PROGRESS_PATH" ;;
    status) path="$STATUS_PATH" ;;
  esac
  DURATION="$WARMUP" measure "$PORT" "$name" "$path" >/dev/null
done
for run in $(seq 1 "$RUNS"); do
  for name in reset progress status; do
    case "$name" in
      reset) path="$RESET_PATH" ;;
      progress) path="$PROGRESS_PATH" ;;
      status) path="$STATUS_PATH" ;;
    esac
    rps="$(measure "$PORT" "$name" "$path")"
    RESULTS[$name]+="$rps "
    printf 'run %s  %-8s %10s requests/s\n' "$run" "$name" "$rps"
  done
done

median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
RESET_MEDIAN="$(median "${RESULTS[reset]}")"
for name in reset progress status; do
  m="$(median "${RESULTS[$name]}")"
  printf 'median %-8s %10s requests/s  %.2fx the reset\n' "$name" "$m" "$(awk -v a="$m" -v b="$RESET_MEDIAN" 'BEGIN { print a / b }')"
done
