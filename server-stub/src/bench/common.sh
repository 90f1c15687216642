# Shared by http-load.sh and startup.sh: paths, the documented example, tools, and starting and
# stopping the two servers on loopback. Sourced, not run.

set -euo pipefail

MODULE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REPO_DIR="$(cd "$MODULE_DIR/.." && pwd)"
WORK_DIR="$MODULE_DIR/target/bench"
SERVER_JAR="$MODULE_DIR/target/offsetkit-server.jar"
WIREMOCK_JAR="$WORK_DIR/wiremock-standalone.jar"

# The contract's documented example: its path parameters, request and answer.
PROJECT_ID=77b6a44cba5143ab91d13ab9a8ff44fd
INSTANCE_ID=11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d
GROUP=group_01
TOPIC=topic_01
EXAMPLE_TIME=1662652800000
RESET_PATH="/v2/rocketmq/$PROJECT_ID/instances/$INSTANCE_ID/groups/$GROUP/reset-message-offset"
EXAMPLE_REQUEST="{\"topic\":\"$TOPIC\",\"timestamp\":$EXAMPLE_TIME}"
EXAMPLE_RESPONSE='{"queues":[{"broker_name":"broker-1","queue_id":0,"timestamp_offset":0}]}'

STARTED_PIDS=()

# SERVER_CPUS (optional, e.g. "1"): the CPUs both servers are pinned to (taskset -c), the same for
# both, so that a load generator pinned to the others does not take their CPU time. Run in the
# background job that starts a server: exec, so that the job's pid ($!) is the server's own.
pinned_servers() {
  if [[ -n "${SERVER_CPUS:-}" ]]; then exec taskset -c "$SERVER_CPUS" "$@"; else exec "$@"; fi
}

log() { printf '%s\n' "$*" >&2; }

# Kills the processes this script started (and only those), on any exit.
stop_started() {
  local pid
  for pid in "${STARTED_PIDS[@]+"${STARTED_PIDS[@]}"}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${STARTED_PIDS[@]+"${STARTED_PIDS[@]}"}"; do
    wait "$pid" 2>/dev/null || true
  done
  STARTED_PIDS=()
}
trap stop_started EXIT INT TERM

stop_pid() {
  local pid="$1" kept=() p
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for p in "${STARTED_PIDS[@]+"${STARTED_PIDS[@]}"}"; do
    [[ "$p" == "$pid" ]] || kept+=("$p")
  done
  STARTED_PIDS=("${kept[@]+"${kept[@]}"}")
}

# A free TCP port on loopback, chosen by the kernel.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

milliseconds() { date +%s%3N; }

ensure_server_jar() {
  if [[ ! -f "$SERVER_JAR" ]]; then
    log "building the reference server jar (./mvnw -q -B install -DskipTests)"
    (cd "$REPO_DIR" && ./mvnw -q -B install -DskipTests)
  fi
}

# WireMock standalone, in the version the parent pom manages, fetched by the Maven wrapper.
ensure_wiremock_jar() {
  if [[ ! -f "$WIREMOCK_JAR" ]]; then
    local version
    version="$(sed -n 's:.*<wiremock.version>\(.*\)</wiremock.version>.*:\1:p' "$REPO_DIR/pom.xml")"
    log "fetching org.wiremock:wiremock-standalone:$version"
    (cd "$REPO_DIR" && ./mvnw -q -B dependency:copy -Dartifact="org.wiremock:wiremock-standalone:$version" \
      -DoutputDirectory="$WORK_DIR" -Dmdep.stripVersion=true)
  fi
}

# A WireMock root whose one stub answers the documented example's POST with its documented answer.
write_wiremock_stub() {
  local root="$WORK_DIR/wiremock-root"
  mkdir -p "$root/mappings" "$root/__files"
  cat >"$root/mappings/reset-message-offset.json" <<JSON
{
  "request": {"method": "POST", "urlPath": "$RESET_PATH"},
  "response": {
    "status": 200,
    "headers": {"Content-Type": "application/json"},
    "jsonBody": $EXAMPLE_RESPONSE
  }
}
JSON
  printf '%s' "$root"
}

# Starts the reference server on loopback; sets LAST_PID. Args: port data-dir fixture [extra args...]
# JAVA (default: java), JVM_OPTIONS (JVM flags, split on spaces) and JAR (default: the executable jar)
# choose how. (Not run in $(...): the server must be a child of this shell, so that the exit trap stops it.)
start_offsetkit() {
  local port="$1" data="$2" fixture="$3"
  shift 3
  # shellcheck disable=SC2086 # JVM_OPTIONS: optional JVM flags, split on spaces
  pinned_servers "${JAVA:-java}" ${JVM_OPTIONS:-} -jar "${JAR:-$SERVER_JAR}" --server.address=127.0.0.1 --server.port="$port" \
    --offsetkit.data-dir="$data" --offsetkit.fixture="$fixture" "$@" \
    >"$WORK_DIR/offsetkit-$port.log" 2>&1 &
  LAST_PID=$!
  STARTED_PIDS+=("$LAST_PID")
}

# The tuned launch of the reference server (see PERFORMANCE.md, start-up): the executable jar
# extracted into plain jars (java -Djarmode=tools -jar ... extract), whose classes the JVM can keep
# in an archive; the archive of the classes one start loads, written by a training start that serves
# the documented example once and stops; and the JIT's first tier only. Kind "cds": class data
# sharing, any JDK from 17 (-XX:ArchiveClassesAtExit, then -XX:SharedArchiveFile). Kind "aot": the
# AOT cache of JDK 25 and later (-XX:AOTCacheOutput, then -XX:AOTCache), which also keeps the classes
# linked and the methods' profiles. Redone when the jar is newer than the archive.
# Sets TUNED_JAR and TUNED_OPTIONS. Args: kind java
prepare_tuned() {
  local kind="$1" java="$2" dir="$WORK_DIR/tuned" archive train port
  case "$kind" in
    cds) archive="$dir/offsetkit.jsa"; train="-XX:ArchiveClassesAtExit=$archive"
         TUNED_OPTIONS="-XX:SharedArchiveFile=$archive -XX:TieredStopAtLevel=1" ;;
    aot) archive="$dir/offsetkit.aot"; train="-XX:AOTCacheOutput=$archive"
         TUNED_OPTIONS="-XX:AOTCache=$archive -XX:TieredStopAtLevel=1" ;;
    *) log "unknown tuned launch: $kind"; return 1 ;;
  esac
  TUNED_JAR="$dir/app/offsetkit-server.jar"
  if [[ ! -f "$TUNED_JAR" || "$SERVER_JAR" -nt "$TUNED_JAR" ]]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    "$java" -Djarmode=tools -jar "$SERVER_JAR" extract --destination "$dir/app" >/dev/null
    touch "$TUNED_JAR"
  fi
  if [[ ! -f "$archive" || "$TUNED_JAR" -nt "$archive" ]]; then
    log "training start of the tuned launch ($kind, $java)"
    rm -rf "$dir/training-data"
    port="$(free_port)"
    JAVA="$java" JVM_OPTIONS="$train" JAR="$TUNED_JAR" start_offsetkit "$port" "$dir/training-data" \
      classpath:io/offsetkit/server/fixture/default-fixture.yaml
    await_example "$port" 120 "$LAST_PID"
    stop_pid "$LAST_PID" # a normal exit, at which the JVM writes the archive
    [[ -f "$archive" ]] || { log "the training start wrote no $archive; see $WORK_DIR"; return 1; }
  fi
}

# Starts WireMock standalone on loopback; sets LAST_PID. Args: port root [extra args...]
start_wiremock() {
  local port="$1" root="$2"
  shift 2
  pinned_servers java -jar "$WIREMOCK_JAR" --bind-address 127.0.0.1 --port "$port" --root-dir "$root" "$@" \
    >"$WORK_DIR/wiremock-$port.log" 2>&1 &
  LAST_PID=$!
  STARTED_PIDS+=("$LAST_PID")
}

# The HTTP status of the documented example's POST ("000" when nothing answers).
example_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 2 -X POST -H 'Content-Type: application/json' \
    --data "$EXAMPLE_REQUEST" "http://127.0.0.1:$1$RESET_PATH" || true
}

# Waits until the documented example answers 200, at most $2 seconds; fails otherwise. Args: port seconds pid
await_example() {
  local port="$1" limit_ms=$(( $2 * 1000 )) pid="$3" start
  start="$(milliseconds)"
  until [[ "$(example_status "$port")" == 200 ]]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "the server on port $port exited before answering; its log is in $WORK_DIR"
      return 1
    fi
    if (( $(milliseconds) - start > limit_ms )); then
      log "no 200 from port $port within $2 s; its log is in $WORK_DIR"
      return 1
    fi
    sleep 0.01
  done
}
