#!/usr/bin/env bash
# Start-up time: from the launch to the first 200 answer to the documented example, RUNS times (5 by
# default), interleaved, for:
#   offsetkit        java -jar offsetkit-server.jar (a fresh data directory each run, the bundled fixture)
#   offsetkit-c1     the same with the JIT's first tier only (-XX:TieredStopAtLevel=1)
#   offsetkit-cds    the same with a class data sharing archive (common.sh, prepare_tuned) written by one
#                    training start of the same jar
#   offsetkit-aot    the same with the AOT cache of JDK 25 or later, when JAVA25 names that java
#   jetty-bare       a bare Jetty 12 core Handler answering the documented answer to any request, on the
#                    Jetty version the server uses (compiled here): the floor for any server on Jetty
#   wiremock         WireMock standalone, java -jar (the documented answer as its one stub): the baseline
# Each row gives the wall time (min, median, max, every run) and the CPU time the process had used
# at its first 200 (user + system, all its threads; median), with the ratio of each median to
# WireMock's in the same run. On a machine whose cores other work shares, the wall time moves with
# that work; the CPU time much less.
# Loopback only; ports the kernel picks; kills what it started.
#   server-stub/src/bench/startup.sh
#   JAVA25=/path/to/jdk-25/bin/java RUNS=10 server-stub/src/bench/startup.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

RUNS="${RUNS:-5}"
mkdir -p "$WORK_DIR"
ensure_server_jar
ensure_wiremock_jar
root="$(write_wiremock_stub)"

NAMES=(offsetkit offsetkit-c1 offsetkit-cds)
prepare_tuned cds java
CDS_OPTIONS="$TUNED_OPTIONS"
if [[ -n "${JAVA25:-}" ]]; then
  NAMES+=(offsetkit-aot)
  prepare_tuned aot "$JAVA25"
  AOT_OPTIONS="$TUNED_OPTIONS"
fi
NAMES+=(jetty-bare wiremock)
prepare_bare_jetty

# The java and the JVM flags of each row, as launched.
declare -A JAVA_OF OPTIONS_OF
for name in "${NAMES[@]}"; do
  JAVA_OF[$name]=java
  OPTIONS_OF[$name]=""
done
OPTIONS_OF[offsetkit-c1]="-XX:TieredStopAtLevel=1"
OPTIONS_OF[offsetkit-cds]="$CDS_OPTIONS"
if [[ -n "${JAVA25:-}" ]]; then
  JAVA_OF[offsetkit-aot]="$JAVA25"
  OPTIONS_OF[offsetkit-aot]="$AOT_OPTIONS"
fi

# Sets ELAPSED and CPU: the milliseconds from the launch to the first 200, and the process's CPU
# milliseconds then. Args: name run
time_one() {
  local name="$1" run="$2" port pid data="" launched
  port="$(free_port)"
  if [[ "$name" == offsetkit* ]]; then
    data="$(mktemp -d "$WORK_DIR/startup-data.XXXXXX")"
    rmdir "$data" # the server creates it: a first start, as on a fresh machine
    launched="$(milliseconds)"
    JAVA="${JAVA_OF[$name]}" JVM_OPTIONS="${OPTIONS_OF[$name]}" LOG="$WORK_DIR/startup-$name-$run.log" \
      start_offsetkit "$port" "$data" "$DEFAULT_FIXTURE"
  elif [[ "$name" == jetty-bare ]]; then
    launched="$(milliseconds)"
    LOG="$WORK_DIR/startup-$name-$run.log" start_bare_jetty "$port"
  else
    launched="$(milliseconds)"
    LOG="$WORK_DIR/startup-$name-$run.log" start_wiremock "$port" "$root"
  fi
  pid="$LAST_PID"
  await_example "$port" 120 "$pid" "$LAST_LOG" "$launched"
  ELAPSED="$FIRST_200_MS" CPU="$FIRST_200_CPU_MS"
  stop_pid "$pid"
  [[ -z "$data" ]] || rm -rf "$data"
  case "$name" in
    offsetkit-cds | offsetkit-aot) require_archive_used "$LAST_LOG" ;;
  esac
}

log "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A TIMES CPUS
for name in "${NAMES[@]}"; do
  TIMES[$name]=""
  CPUS[$name]=""
done
for (( run = 1; run <= RUNS; run++ )); do
  for name in "${NAMES[@]}"; do # interleaved, so that a noisy moment hits them all
    time_one "$name" "$run"
    log "run $run: $name $ELAPSED ms, CPU $CPU ms"
    TIMES[$name]+="$ELAPSED "
    CPUS[$name]+="$CPU "
  done
done
loadavg="$(cut -d' ' -f1-3 /proc/loadavg)"

# "min median max sorted-values" of a list of numbers.
stats() {
  # shellcheck disable=SC2086 # a list of numbers
  printf '%s\n' $1 | sort -n | awk '{ v[NR] = $1; all = all (NR > 1 ? " " : "") $1 }
    END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
          printf "%d %d %d %s\n", v[1], m, v[NR], all }'
}

printf '\nStart-up to the first 200 of the documented example: %s runs each, interleaved; load average %s at the end.\n' \
  "$RUNS" "$loadavg"
for name in "${NAMES[@]}"; do
  if [[ "$name" == wiremock ]]; then
    printf '  %-14s java -jar wiremock-standalone.jar   (%s)\n' "$name" "$(java_version java)"
  elif [[ "$name" == jetty-bare ]]; then
    printf '  %-14s java -cp target/bench/bare:<jetty-server, -http, -io, -util, slf4j-api> io.offsetkit.server.BareJettyHandler   (%s)\n' \
      "$name" "$(java_version java)"
  else
    options="${OPTIONS_OF[$name]//"$WORK_DIR"/target/bench}" # the archives, relative to the module
    printf '  %-14s java %s-jar offsetkit-server.jar   (%s)\n' "$name" "${options:+$options }" \
      "$(java_version "${JAVA_OF[$name]}")"
  fi
done
read -r _ wm_median _ _ <<<"$(stats "${TIMES[wiremock]}")"
read -r _ wm_cpu _ _ <<<"$(stats "${CPUS[wiremock]}")"
printf '\n%-14s %7s %9s %7s %8s %10s %10s   %s   |   %s\n' server min_ms median_ms max_ms cpu_ms \
  'wall/wm' 'cpu/wm' 'all runs, wall ms' 'all runs, cpu ms'
for name in "${NAMES[@]}"; do
  read -r min median max all <<<"$(stats "${TIMES[$name]}")"
  read -r _ cpu _ cpu_all <<<"$(stats "${CPUS[$name]}")"
  if [[ "$name" == wiremock ]]; then
    wall_ratio=baseline cpu_ratio=baseline
  else
    wall_ratio="$(awk -v a="$median" -v b="$wm_median" 'BEGIN { printf "%.2fx", a / b }')"
    cpu_ratio="$(awk -v a="$cpu" -v b="$wm_cpu" 'BEGIN { printf "%.2fx", a / b }')"
  fi
  printf '%-14s %7d %9d %7d %8d %10s %10s   %s   |   %s\n' "$name" "$min" "$median" "$max" "$cpu" \
    "$wall_ratio" "$cpu_ratio" "$all" "$cpu_all"
done
