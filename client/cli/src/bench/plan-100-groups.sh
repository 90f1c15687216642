#!/usr/bin/env bash
# A plan for GROUP_COUNT (100) groups on one topic against the reference server, JVM start included,
# timed with /usr/bin/time; beside it, in the same run, the same jar's `--version` (the JVM and
# picocli alone), the baseline of the ratio. The server runs from its jar on loopback, with a
# fixture of GROUP_COUNT groups, each committed on the topic (8 queues on 2 brokers, 1,000 messages each),
# and a consumer online for every other group. Prints one line per run and the medians.
#
# From the top of the repository, after ./mvnw -q -B install -DskipTests:
#   client/cli/src/bench/plan-100-groups.sh            # RUNS=5, GROUP_COUNT=100
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
SERVER_JAR="${SERVER_JAR:-$REPO_DIR/server-stub/target/offsetkit-server.jar}"
CLI_JAR="${CLI_JAR:-$REPO_DIR/client/cli/target/offsetkit-cli.jar}"
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
java -jar "$SERVER_JAR" --server.port="$PORT" --offsetkit.fixture="$FIXTURE" > "$WORK_DIR/server.log" 2>&1 &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$PORT/health" > /dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "http://127.0.0.1:$PORT/health" > /dev/null

GROUP_ARGS=()
for i in $(seq -w 1 "$GROUP_COUNT"); do GROUP_ARGS+=(--group "group_$i"); done
PLAN=(java -jar "$CLI_JAR" reset --endpoint "http://127.0.0.1:$PORT" --project-id "$PROJECT_ID"
  --instance-id "$INSTANCE_ID" "${GROUP_ARGS[@]}" --topic orders --to-datetime 2026-03-01T10:02:00+08:00)
VERSION=(java -jar "$CLI_JAR" --version)

# One warm-up of each (the page cache), not counted.
"${PLAN[@]}" > "$WORK_DIR/plan.txt" 2> /dev/null
"${VERSION[@]}" > /dev/null
grep -q "group_$(printf '%0*d' "${#GROUP_COUNT}" "$GROUP_COUNT")  orders" "$WORK_DIR/plan.txt"

plans=() versions=() plan_cpus=() version_cpus=()
for run in $(seq 1 "$RUNS"); do
  /usr/bin/time -f '%e %M %U %S' -o "$WORK_DIR/version.time" "${VERSION[@]}" > /dev/null
  /usr/bin/time -f '%e %M %U %S' -o "$WORK_DIR/plan.time" "${PLAN[@]}" > /dev/null 2>&1
  read -r v_wall _ v_user v_sys < "$WORK_DIR/version.time"
  read -r p_wall p_rss p_user p_sys < "$WORK_DIR/plan.time"
  v_cpu="$(awk -v u="$v_user" -v s="$v_sys" 'BEGIN { printf "%.2f", u + s }')"
  p_cpu="$(awk -v u="$p_user" -v s="$p_sys" 'BEGIN { printf "%.2f", u + s }')"
  versions+=("$v_wall") plans+=("$p_wall") version_cpus+=("$v_cpu") plan_cpus+=("$p_cpu")
  awk -v r="$run" -v p="$p_wall" -v pc="$p_cpu" -v m="$p_rss" -v v="$v_wall" -v vc="$v_cpu" \
    'BEGIN { printf "run %d: plan %s s wall, %s s CPU (%s KB max RSS); --version %s s wall, %s s CPU; plan / --version: %.2f wall, %.2f CPU\n", r, p, pc, m, v, vc, p / v, pc / vc }'
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf 'median: plan %s s wall, %s s CPU; --version %s s wall, %s s CPU (load average %s)\n' \
  "$(median "${plans[@]}")" "$(median "${plan_cpus[@]}")" "$(median "${versions[@]}")" \
  "$(median "${version_cpus[@]}")" "$(cut -d' ' -f1-3 /proc/loadavg)"
