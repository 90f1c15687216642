#!/usr/bin/env bash
# A plan for GROUP_COUNT (100) groups on one topic against the reference server, JVM start included,
# timed with /usr/bin/time (wall, CPU = user + system, max RSS), run by the launcher
# (client/cli/target/offsetkit: the jar with the first JIT tier, the serial collector and its
# class-data archive) and by `java -jar` of the same jar; beside them, in the same run and
# interleaved, the same jar's `--version` (the JVM and picocli alone) and, when BASELINE_JAR is
# given, `java -jar BASELINE_JAR` (an earlier build's runnable jar, the baseline of the ratios). The
# server runs from its jar on loopback, with a fixture of GROUP_COUNT groups, each committed on the
# topic (8 queues on 2 brokers, 1,000 messages each), and a consumer online for every other group.
# Prints one line per run, the medians, the ratios and whether the launcher's median meets the 2 s
# target (issue 22).
#
# From the top of the repository, after ./mvnw -q -B install -DskipTests:
#   client/cli/src/bench/plan-100-groups.sh                                  # RUNS=5, GROUP_COUNT=100
#   BASELINE_JAR=/elsewhere/offsetkit-cli.jar client/cli/src/bench/plan-100-groups.sh
# A baseline jar is built from another commit outside this working tree, e.g.
#   git archive <commit> | tar -x -C <dir> && (cd <dir> && ./mvnw -q -B install -DskipTests)
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
SERVER_JAR="${SERVER_JAR:-$REPO_DIR/server-stub/target/offsetkit-server.jar}"
CLI_JAR="${CLI_JAR:-$REPO_DIR/client/cli/target/offsetkit-cli.jar}"
LAUNCHER="${LAUNCHER:-$(dirname "$CLI_JAR")/offsetkit}"
BASELINE_JAR="${BASELINE_JAR:-}"
TARGET_SECONDS=2
WORK_DIR="$REPO_DIR/client/cli/target/bench"
RUNS="${RUNS:-5}"
GROUP_COUNT="${GROUP_COUNT:-100}"
PROJECT_ID=77b6a44cba5143ab91d13ab9a8ff44fd
INSTANCE_ID=11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d

mkdir -p "$WORK_DIR"
FIXTURE="$WORK_DIR/fixture-$GROUP_COUNT-groups.yaml"
{
  echo "instances:"
  echo "  - instance_id: $INSTANCE_ID"
  echo "    project_id: $PROJECT_ID"
  echo "    brokers: [broker-1, broker-2]"
  echo "    topics:"
  echo "      - name: orders"
  echo "        queues: {broker-1: 4, broker-2: 4}"
  echo "        messages:"
  echo "          - generate: {count: 1000, start: 1772330400000, interval_ms: 1000}"
  echo "    groups:"
  for i in $(seq -w 1 "$GROUP_COUNT"); do
    echo "      - name: group_$i"
    echo "        offsets:"
    echo "          - {topic: orders, at: 1772330700000}"
    if (( 10#$i % 2 == 0 )); then
      echo "        consumers:"
      echo "          - {client_id: '10.0.0.$((10#$i))@1#1'}"
    fi
  done
} > "$FIXTURE"

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# The server keeps its data in its working directory: a fresh one under WORK_DIR, from the fixture.
rm -rf "$WORK_DIR/offsetkit-data"
(cd "$WORK_DIR" && exec java -jar "$SERVER_JAR" --server.port="$PORT" --offsetkit.fixture="$FIXTURE") \
  > "$WORK_DIR/server.log" 2>&1 &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$PORT/health" > /dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "http://127.0.0.1:$PORT/health" > /dev/null

GROUP_ARGS=()
for i in $(seq -w 1 "$GROUP_COUNT"); do GROUP_ARGS+=(--group "group_$i"); done
RESET_ARGS=(reset --endpoint "http://127.0.0.1:$PORT" --project-id "$PROJECT_ID" --instance-id "$INSTANCE_ID"
  "${GROUP_ARGS[@]}" --topic orders --to-datetime 2026-03-01T10:02:00+08:00)
LAST_GROUP="group_$(printf '%0*d' "${#GROUP_COUNT}" "$GROUP_COUNT")  orders"

# The ways to run, in the order of each run: name and command.
NAMES=(version jar launcher)
COMMANDS=("java -jar $CLI_JAR --version" "java -jar $CLI_JAR" "$LAUNCHER")
if [[ -n "$BASELINE_JAR" ]]; then
  NAMES+=(baseline)
  COMMANDS+=("java -jar $BASELINE_JAR")
fi
command_of() { # name -> the command line, as an array in CMD
  local i
  for i in "${!NAMES[@]}"; do
    if [[ "${NAMES[$i]}" == "$1" ]]; then
      read -r -a CMD <<< "${COMMANDS[$i]}"
      [[ "$1" == version ]] || CMD+=("${RESET_ARGS[@]}")
      return
    fi
  done
}

# One warm-up of each (the page cache; the launcher's first run records its class-data archive), not
# counted; each plan checked for its last group.
for name in "${NAMES[@]}"; do
  command_of "$name"
  "${CMD[@]}" > "$WORK_DIR/$name.txt" 2> /dev/null
  [[ "$name" == version ]] || grep -q "$LAST_GROUP" "$WORK_DIR/$name.txt"
done

declare -A WALLS CPUS
for run in $(seq 1 "$RUNS"); do
  line="run $run:"
  for name in "${NAMES[@]}"; do
    command_of "$name"
    /usr/bin/time -f '%e %M %U %S' -o "$WORK_DIR/$name.time" "${CMD[@]}" > /dev/null 2>&1
    read -r wall rss user sys < "$WORK_DIR/$name.time"
    cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
    WALLS[$name]+="$wall " CPUS[$name]+="$cpu "
    line+=" $name $wall s wall, $cpu s CPU, $((rss / 1024)) MB;"
  done
  echo "$line (load average $(cut -d' ' -f1 /proc/loadavg))"
done

median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
declare -A MEDIAN_WALL MEDIAN_CPU
line="median:"
for name in "${NAMES[@]}"; do
  MEDIAN_WALL[$name]="$(median "${WALLS[$name]}")" MEDIAN_CPU[$name]="$(median "${CPUS[$name]}")"
  line+=" $name ${MEDIAN_WALL[$name]} s wall, ${MEDIAN_CPU[$name]} s CPU;"
done
echo "$line (load average $(cut -d' ' -f1-3 /proc/loadavg))"
reference=jar
[[ -z "$BASELINE_JAR" ]] || reference=baseline
for name in "${NAMES[@]}"; do
  [[ "$name" == "$reference" || "$name" == version ]] && continue
  echo "ratio $name / $reference: $(ratio "${MEDIAN_WALL[$name]}" "${MEDIAN_WALL[$reference]}") wall," \
    "$(ratio "${MEDIAN_CPU[$name]}" "${MEDIAN_CPU[$reference]}") CPU"
done
echo "ratio launcher / version: $(ratio "${MEDIAN_WALL[launcher]}" "${MEDIAN_WALL[version]}") wall," \
  "$(ratio "${MEDIAN_CPU[launcher]}" "${MEDIAN_CPU[version]}") CPU"
if awk -v w="${MEDIAN_WALL[launcher]}" -v t="$TARGET_SECONDS" 'BEGIN { exit !(w <= t) }'; then
  echo "target: the launcher's plan ${MEDIAN_WALL[launcher]} s wall median, at most $TARGET_SECONDS s: met"
else
  echo "target: the launcher's plan ${MEDIAN_WALL[launcher]} s wall median, over $TARGET_SECONDS s: missed" \
    "(on a loaded machine the wall time is not the idle figure; compare the CPU and the ratios)"
fi
