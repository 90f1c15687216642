#!/usr/bin/env bash
# Start-up time: from the launch to the first 200 answer to the documented example, RUNS times (5 by
# default), interleaved, for:
#   offsetkit        java -jar offsetkit-server.jar (a fresh data directory each run, the bundled fixture)
#   offsetkit-c1     the same with the JIT's first tier only (-XX:TieredStopAtLevel=1)
#   offsetkit-cds    the tuned launch on the same java (common.sh, prepare_tuned): extracted jar,
#                    class data sharing archive from a training start, first JIT tier only
#   offsetkit-aot    the tuned launch with the AOT cache of JDK 25 or later, when JAVA25 names that java
#   wiremock         WireMock standalone, java -jar (the documented answer as its one stub)
# Loopback only; kills what it started.
#   server-stub/src/bench/startup.sh
#   JAVA25=/path/to/jdk-25/bin/java server-stub/src/bench/startup.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

RUNS="${RUNS:-5}"
mkdir -p "$WORK_DIR"
ensure_server_jar
ensure_wiremock_jar
root="$(write_wiremock_stub)"

NAMES=(offsetkit offsetkit-c1 offsetkit-cds)
prepare_tuned cds java
CDS_JAR="$TUNED_JAR" CDS_OPTIONS="$TUNED_OPTIONS"
if [[ -n "${JAVA25:-}" ]]; then
  NAMES+=(offsetkit-aot)
  prepare_tuned aot "$JAVA25"
  AOT_JAR="$TUNED_JAR" AOT_OPTIONS="$TUNED_OPTIONS"
fi
NAMES+=(wiremock)

# Sets ELAPSED to the milliseconds from the launch to the first 200. Args: name
time_one() {
  local name="$1" port pid started elapsed
  port="$(free_port)"
  started="$(milliseconds)"
  if [[ "$name" == offsetkit* ]]; then
    rm -rf "$WORK_DIR/startup-data"
    local java=java options="" jar="$SERVER_JAR"
    case "$name" in
      offsetkit-c1) options="-XX:TieredStopAtLevel=1" ;;
      offsetkit-cds) options="$CDS_OPTIONS" jar="$CDS_JAR" ;;
      offsetkit-aot) java="$JAVA25" options="$AOT_OPTIONS" jar="$AOT_JAR" ;;
    esac
    JAVA="$java" JVM_OPTIONS="$options" JAR="$jar" start_offsetkit "$port" "$WORK_DIR/startup-data" \
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
for name in "${NAMES[@]}"; do
  TIMES[$name]=""
done
for (( run = 1; run <= RUNS; run++ )); do
  for name in "${NAMES[@]}"; do # interleaved, so that a noisy moment hits them all
    time_one "$name"
    ms="$ELAPSED"
    log "run $run: $name $ms ms"
    TIMES[$name]+="$ms "
  done
done

printf '\n%-13s %8s %8s %8s   %s\n' server min_ms median_ms max_ms "all runs (ms)"
for name in "${NAMES[@]}"; do
  # shellcheck disable=SC2086
  sorted="$(printf '%s\n' ${TIMES[$name]} | sort -n | tr '\n' ' ')"
  awk -v name="$name" -v all="$sorted" 'BEGIN {
    n = split(all, v, " "); median = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    printf "%-13s %8d %9d %8d   %s\n", name, v[1], median, v[n], all }'
done
