#!/usr/bin/env bash
# The README's main job as a whole process, the kit with --launch on the server, timed with
# /usr/bin/time (wall, user and system CPU of the kit and every JVM it starts), RUNS times (5 by
# default), alternating:
#   before   the kit and server jars of another build (BEFORE_DIR, holding offsetkit-conformance.jar
#            and offsetkit-server.jar, e.g. copied from a build of main)
#   after    this build's jars
# Each build's jars are copied into target/bench/main-job/<name>/ first, so that the class-data
# archives a kit that makes them leaves beside the jars stay there; one warm-up run of each (not
# counted) records them. Prints every run, then the medians and the ratios after/before. Every run
# must pass (RESULT: every MUST rule passes, exit 0), else the script stops. The wall time moves
# with other work on the machine's cores: the load average is printed with each run.
#   BEFORE_DIR=/path/to/previous/jars server-stub/src/bench/main-job.sh
#   BEFORE_DIR=/path/to/previous/jars RUNS=7 server-stub/src/bench/main-job.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

RUNS="${RUNS:-5}"
: "${BEFORE_DIR:?BEFORE_DIR must name a directory with the jars of the build to compare with}"
KIT_JAR="$REPO_DIR/conformance/target/offsetkit-conformance.jar"
[[ -f "$KIT_JAR" && -f "$SERVER_JAR" ]] || { log "build first: ./mvnw -q -B install -DskipTests"; exit 2; }
JOB_DIR="$WORK_DIR/main-job"
rm -rf "$JOB_DIR" && mkdir -p "$JOB_DIR/before" "$JOB_DIR/after"
cp "$BEFORE_DIR/offsetkit-conformance.jar" "$BEFORE_DIR/offsetkit-server.jar" "$JOB_DIR/before/"
cp "$KIT_JAR" "$SERVER_JAR" "$JOB_DIR/after/"

# One run of a build; prints "wall user system".
run_job() {
  local dir="$JOB_DIR/$1" out="$JOB_DIR/$1.out" times="$JOB_DIR/$1.time"
  if ! /usr/bin/time -o "$times" -f "%e %U %S" \
      java -jar "$dir/offsetkit-conformance.jar" --launch "$dir/offsetkit-server.jar" >"$out" 2>&1 \
      || ! grep -q "RESULT: every MUST rule passes" "$out"; then
    log "the $1 run did not pass; its output:"; cat "$out" >&2; exit 1
  fi
  tail -1 "$times"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

declare -A WALL CPU
for name in before after; do
  result="$(run_job "$name")"
  log "warm-up ($name): $result"
done
for run in $(seq 1 "$RUNS"); do
  for name in before after; do
    result="$(run_job "$name")"
    read -r wall user system <<<"$result"
    WALL[$name]+="$wall "
    CPU[$name]+="$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }') "
    printf '%-6s run %d: wall %5.2f s, CPU %5.2f s (user %s, system %s), load %s\n' \
      "$name" "$run" "$wall" "$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')" "$user" "$system" \
      "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
for name in before after; do
  printf '%-6s median: wall %s s, CPU %s s\n' "$name" \
    "$(tr ' ' '\n' <<<"${WALL[$name]}" | grep . | median)" "$(tr ' ' '\n' <<<"${CPU[$name]}" | grep . | median)"
done
wall_before="$(tr ' ' '\n' <<<"${WALL[before]}" | grep . | median)"
wall_after="$(tr ' ' '\n' <<<"${WALL[after]}" | grep . | median)"
cpu_before="$(tr ' ' '\n' <<<"${CPU[before]}" | grep . | median)"
cpu_after="$(tr ' ' '\n' <<<"${CPU[after]}" | grep . | median)"
awk -v wb="$wall_before" -v wa="$wall_after" -v cb="$cpu_before" -v ca="$cpu_after" \
  'BEGIN { printf "ratio after/before: wall %.2fx, CPU %.2fx\n", wa / wb, ca / cb }'
