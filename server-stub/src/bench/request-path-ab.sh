#!/usr/bin/env bash
# The request path alone (RequestPathBenchmark, JMH: two reads of the default fixture, no HTTP) on an
# earlier build's server jar (BASELINE_JAR) and on this build's, in turns (baseline, this, baseline,
# this, ...: ROUNDS of each), so that both meet the same machine; prints each run's ns/op and the
# median of each build with this build's ratio to the baseline's. The benchmark uses only what every
# build has, and is compiled here alone against this build's jar, as http-load.sh compiles its bare
# Jetty handler. JMH's jars come through the Maven wrapper. Run from anywhere:
#   BASELINE_JAR=/path/to/earlier/offsetkit-server.jar server-stub/src/bench/request-path-ab.sh
# ROUNDS=3 by default. JMH's lock against another JMH run on the machine is ignored: on a shared
# machine the turns, not the lock, are what keeps the two builds' figures comparable.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ROUNDS="${ROUNDS:-3}"
: "${BASELINE_JAR:?set BASELINE_JAR to the server jar of the build to compare with}"
mkdir -p "$WORK_DIR"
ensure_server_jar
THIS_JAR="$SERVER_JAR"

LIB="$WORK_DIR/jmh-lib"
if [[ ! -f "$LIB/jmh-core-1.37.jar" ]]; then
  for artifact in org.openjdk.jmh:jmh-core:1.37 org.openjdk.jmh:jmh-generator-annprocess:1.37 \
    net.sf.jopt-simple:jopt-simple:5.0.4 org.apache.commons:commons-math3:3.6.1; do
    (cd "$REPO_DIR" && ./mvnw -q -B dependency:copy -Dartifact="$artifact" -DoutputDirectory="$LIB")
  done
fi
JMH_CP="$(find "$LIB" -name '*.jar' | tr '\n' ':')"
CLASSES="$WORK_DIR/request-path-bench"
rm -rf "$CLASSES" && mkdir -p "$CLASSES"
javac -d "$CLASSES" -cp "$THIS_JAR:$JMH_CP" "$MODULE_DIR/src/jmh/java/io/offsetkit/server/RequestPathBenchmark.java"

declare -A RESULTS
for round in $(seq 1 "$ROUNDS"); do
  for build in baseline this; do
    jar="$THIS_JAR"
    [[ "$build" == baseline ]] && jar="$BASELINE_JAR"
    out="$(java -Djmh.ignoreLock=true -cp "$CLASSES:$jar:$JMH_CP" org.openjdk.jmh.Main RequestPathBenchmark 2>/dev/null)"
    while read -r name score error; do
      RESULTS[$build/$name]+="$score "
      printf 'round %s  %-8s %-12s %10s ± %s ns/op\n' "$round" "$build" "$name" "$score" "$error"
    done < <(awk '/^RequestPathBenchmark\./ { sub("RequestPathBenchmark.", "", $1); print $1, $4, $6 }' <<<"$out")
  done
done

median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for name in progress topicStatus; do
  b="$(median "${RESULTS[baseline/$name]}")"
  t="$(median "${RESULTS[this/$name]}")"
  printf 'median %-12s baseline %10s  this %10s ns/op  ratio %.3f\n' "$name" "$b" "$t" \
    "$(awk -v a="$t" -v b="$b" 'BEGIN { print a / b }')"
done
