#!/usr/bin/env bash
# The kit's command line, JVM start included: the CPU time (user + system, /usr/bin/time) of
# `--version` and of a bad command line (no --base-url: exit 2 and one line), for this tree's kit jar
# and a baseline jar (BASE_JAR, e.g. one built from an earlier commit), interleaved, RUNS (5) each.
# Prints one line per run, the medians and the ratios of this tree's to the baseline's, with the
# load average. The bad command line runs as a user types it: the kit relaunches it in a JVM started
# for a short run (KitJvm), so it costs two JVM starts in both jars. Then the parse alone, which two
# JVM starts hide on a busy machine: the thread CPU time of the first parse of the bad command line
# in a fresh JVM with the relaunched JVM's options (FirstParse.java), interleaved in the same way.
#
# From the top of the repository, after ./mvnw -q -B package -DskipTests:
#   BASE_JAR=/path/to/earlier/offsetkit-conformance.jar conformance/src/bench/command-line-parse.sh
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
KIT_JAR="${KIT_JAR:-$REPO_DIR/conformance/target/offsetkit-conformance.jar}"
BASE_JAR="${BASE_JAR:?BASE_JAR: the kit jar to compare with}"
WORK_DIR="$REPO_DIR/conformance/target/bench"
RUNS="${RUNS:-5}"
mkdir -p "$WORK_DIR"

# cpu JAR ARGS...: prints "wall cpu" of one run; checks the exit code (0 for --version, 2 otherwise).
cpu() {
  local jar="$1"; shift
  local expected=2
  [ "$1" = "--version" ] && expected=0
  local status=0
  /usr/bin/time -f '%e %U %S' -o "$WORK_DIR/run.time" java -jar "$jar" "$@" > /dev/null 2>&1 || status=$?
  if [ "$status" != "$expected" ]; then
    echo "java -jar $jar $* exited $status, not $expected" >&2
    exit 1
  fi
  # A non-zero exit adds a first line, 'Command exited with non-zero status N'.
  tail -n 1 "$WORK_DIR/run.time" | awk '{ printf "%s %.2f\n", $1, $2 + $3 }'
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

BAD=(--group group_01 --topic topic_01)
# One warm-up of each (the page cache, the class-data archives), not counted.
for jar in "$BASE_JAR" "$KIT_JAR"; do cpu "$jar" --version > /dev/null; cpu "$jar" "${BAD[@]}" > /dev/null; done

base_version=() kit_version=() base_bad=() kit_bad=()
for run in $(seq 1 "$RUNS"); do
  # Each in a command substitution of its own, so that a wrong exit code stops the script (set -e).
  r=$(cpu "$BASE_JAR" --version); read -r bvw bvc <<< "$r"
  r=$(cpu "$KIT_JAR" --version); read -r kvw kvc <<< "$r"
  r=$(cpu "$BASE_JAR" "${BAD[@]}"); read -r bbw bbc <<< "$r"
  r=$(cpu "$KIT_JAR" "${BAD[@]}"); read -r kbw kbc <<< "$r"
  base_version+=("$bvc") kit_version+=("$kvc") base_bad+=("$bbc") kit_bad+=("$kbc")
  printf 'run %d: --version CPU %s s (baseline %s s); bad command line CPU %s s (baseline %s s); wall %s/%s s, %s/%s s\n' \
    "$run" "$kvc" "$bvc" "$kbc" "$bbc" "$kvw" "$bvw" "$kbw" "$bbw"
done
mv=$(median "${kit_version[@]}") bmv=$(median "${base_version[@]}")
mb=$(median "${kit_bad[@]}") bmb=$(median "${base_bad[@]}")
awk -v mv="$mv" -v bmv="$bmv" -v mb="$mb" -v bmb="$bmb" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
  printf "median CPU: --version %s s against %s s (%.2fx, %+d ms); bad command line %s s against %s s (%.2fx, %+d ms); load average %s\n",
    mv, bmv, mv / bmv, (mv - bmv) * 1000, mb, bmb, mb / bmb, (mb - bmb) * 1000, load }'

# The parse alone, in a JVM started as KitJvm starts the run's.
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
first() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$1" "$BENCH_DIR/FirstParse.java" "${BAD[@]}"; }
base_first=() kit_first=()
for run in $(seq 1 "$RUNS"); do
  b=$(first "$BASE_JAR"); k=$(first "$KIT_JAR")
  base_first+=("$b") kit_first+=("$k")
  printf 'run %d: first parse of the bad command line, thread CPU %s ms (baseline %s ms)\n' "$run" "$k" "$b"
done
mf=$(median "${kit_first[@]}") bmf=$(median "${base_first[@]}")
awk -v m="$mf" -v b="$bmf" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
  printf "median first parse: %s ms against %s ms (%.2fx, %+.1f ms); load average %s\n", m, b, m / b, m - b, load }'
