#!/usr/bin/env bash
# The emulator's first start in a fresh test JVM on each of its transports, interleaved: JMH's
# EmulatorStartBenchmark (section 7 of PERFORMANCE.md), one fork at a time, RUNS rounds (8 by
# default) of
#   emulatorOnJdkFirstStart    the JDK's HTTP server (-Doffsetkit.emulator.transport=jdk, with
#                              -Dsun.net.httpserver.nodelay=true as the JVM's owner would set it on JDK 17 to 22)
#   emulatorOnJettyFirstStart  Jetty 12 (-Doffsetkit.emulator.transport=jetty)
#   bareJettyFirstStart        a bare Jetty 12 core handler: the floor of any server on Jetty
# each up to the documented example's 200; prints every run's milliseconds and each one's median,
# and the ratios of the medians. BENCHMARKS (a regular expression of JMH's) replaces the three, e.g.
# with the later starts and the closes:
#   BENCHMARKS='EmulatorStartBenchmark.emulatorOn(Jdk|Jetty)(LaterStart|Close)' server-stub/src/bench/emulator-transports.sh
# JAVA (default: java on the PATH) runs the forks on another JDK, e.g. a JDK 25, where the JDK's
# server writes an answer in one write and the emulator chooses it without the property.
# BASELINE (optional): another build's server-stub/target/classes directory (e.g. main's, copied
# before a change); each round then also runs emulatorOnJdkFirstStart and emulatorOnJettyFirstStart
# with those classes in place of this build's (the same benchmark classes and dependencies), rows
# "...@baseline", and prints this build's ratios to them:
#   BASELINE=/path/to/main/classes RUNS=5 server-stub/src/bench/emulator-transports.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

RUNS="${RUNS:-8}"
JAVA="${JAVA:-java}"
BENCHMARKS="${BENCHMARKS:-}"
BASELINE="${BASELINE:-}"
mkdir -p "$WORK_DIR"
CLASSPATH_FILE="$WORK_DIR/benchmarks.classpath"
log "building the benchmarks and their class path (./mvnw -Pbenchmarks test-compile)"
(cd "$REPO_DIR" && ./mvnw -q -B -pl server-stub -Pbenchmarks -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=test >&2)
CLASSPATH="$MODULE_DIR/target/test-classes:$MODULE_DIR/target/classes:$(cat "$CLASSPATH_FILE")"
BASELINE_CLASSPATH="$MODULE_DIR/target/test-classes:$BASELINE:$(cat "$CLASSPATH_FILE")"

# One JMH run of a benchmark (one fork, or the benchmark's own forks for BENCHMARKS); prints its
# "ms/op" results, one a line (a single shot's, or the scores of its iterations).
# A second argument, a class path, replaces this build's.
jmh() {
  local forks=(-f 1)
  [[ -n "$BENCHMARKS" ]] && forks=()
  "$JAVA" -cp "${2:-$CLASSPATH}" org.openjdk.jmh.Main "$1" "${forks[@]}" -jvm "$(command -v "$JAVA")" -rf csv \
    -rff "$WORK_DIR/jmh.csv" >/dev/null
  awk -F, 'NR > 1 { gsub(/"/, "", $5); print $5 }' "$WORK_DIR/jmh.csv"
}

if [[ -n "$BENCHMARKS" ]]; then
  "$JAVA" -cp "$CLASSPATH" org.openjdk.jmh.Main "$BENCHMARKS" -jvm "$(command -v "$JAVA")"
  exit 0
fi

names=(emulatorOnJdkFirstStart emulatorOnJettyFirstStart bareJettyFirstStart)
baselined=(emulatorOnJdkFirstStart emulatorOnJettyFirstStart)
declare -A runs
log "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((round = 1; round <= RUNS; round++)); do
  for name in "${names[@]}"; do
    runs[$name]+="$(jmh "EmulatorStartBenchmark.$name\$") "
  done
  if [[ -n "$BASELINE" ]]; then
    for name in "${baselined[@]}"; do
      runs[$name@baseline]+="$(jmh "EmulatorStartBenchmark.$name\$" "$BASELINE_CLASSPATH") "
    done
  fi
  log "round $round of $RUNS done; load average $(cut -d' ' -f1-3 /proc/loadavg)"
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
declare -A medians
[[ -n "$BASELINE" ]] && names+=("${baselined[@]/%/@baseline}")
for name in "${names[@]}"; do
  medians[$name]="$(median <<<"${runs[$name]}")"
  printf '%-28s median %8.1f ms   runs: %s\n' "$name" "${medians[$name]}" "${runs[$name]}"
done
awk -v jdk="${medians[emulatorOnJdkFirstStart]}" -v jetty="${medians[emulatorOnJettyFirstStart]}" \
  -v bare="${medians[bareJettyFirstStart]}" 'BEGIN {
    printf "emulator on the JDK server / on Jetty: %.2fx; / bare Jetty: %.2fx; emulator on Jetty / bare Jetty: %.2fx\n",
      jdk / jetty, jdk / bare, jetty / bare }'
if [[ -n "$BASELINE" ]]; then
  for name in "${baselined[@]}"; do
    awk -v now="${medians[$name]}" -v before="${medians[$name@baseline]}" -v name="$name" \
      'BEGIN { printf "%s: this build / the baseline: %.2fx\n", name, now / before }'
  done
fi
log "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
