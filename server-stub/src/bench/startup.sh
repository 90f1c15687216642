#!/usr/bin/env bash
# Start-up time: from `java -jar` to the first 200 answer to the documented example, RUNS times
# (5 by default) for the reference server (a fresh data directory each run, the bundled fixture),
# the same with the JIT's first tier only (-XX:TieredStopAtLevel=1, as README suggests for an
# emulator restarted often), and WireMock standalone (the documented answer as its one stub).
# Loopback only; kills what it started.
#   server-stub/src/bench/startup.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

RUNS="${RUNS:-5}"
mkdir -p "$WORK_DIR"
ensure_server_jar
ensure_wiremock_jar
root="$(write_wiremock_stub)"

# Sets ELAPSED to the milliseconds from the launch to the first 200. Args: name
time_one() {
  local name="$1" port pid started elapsed
  port="$(free_port)"
  started="$(milliseconds)"
  if [[ "$name" == offsetkit* ]]; then
    rm -rf "$WORK_DIR/startup-data"
    local jvm=()
    [[ "$name" == offsetkit-c1 ]] && jvm=(-XX:TieredStopAtLevel=1)
    JVM_OPTIONS="${jvm[*]-}" start_offsetkit "$port" "$WORK_DIR/startup-data" \
      classpath:io/offsetkit/server/fixture/default-fixture.yaml
  else
    start_wiremock "$port" "$root"
  fi
  pid="$LAST_PID"
  await_example "$port" 60 "$pid"
  elapsed=$(( $(milliseconds) - started ))
  stop_pid "$pid"
  ELAPSED="$elapsed"
}

declare -A TIMES
for name in offsetkit offsetkit-c1 wiremock; do
  TIMES[$name]=""
done
for (( run = 1; run <= RUNS; run++ )); do
  for name in offsetkit offsetkit-c1 wiremock; do # interleaved, so that a noisy moment hits both
    time_one "$name"
    ms="$ELAPSED"
    log "run $run: $name $ms ms"
    TIMES[$name]+="$ms "
  done
done

printf '\n%-13s %8s %8s %8s   %s\n' server min_ms median_ms max_ms "all runs (ms)"
for name in offsetkit offsetkit-c1 wiremock; do
  # shellcheck disable=SC2086
  sorted="$(printf '%s\n' ${TIMES[$name]} | sort -n | tr '\n' ' ')"
  awk -v name="$name" -v all="$sorted" 'BEGIN {
    n = split(all, v, " "); median = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    printf "%-13s %8d %9d %8d   %s\n", name, v[1], median, v[n], all }'
done
