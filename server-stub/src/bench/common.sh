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
# (Not run in $(...): the server must be a child of this shell, so that the exit trap stops it.)
start_offsetkit() {
  local port="$1" data="$2" fixture="$3"
  shift 3
  # shellcheck disable=SC2086 # JVM_OPTIONS: optional JVM flags, split on spaces
  java ${JVM_OPTIONS:-} -jar "$SERVER_JAR" --server.address=127.0.0.1 --server.port="$port" \
    --offsetkit.data-dir="$data" --offsetkit.fixture="$fixture" "$@" \
    >"$WORK_DIR/offsetkit-$port.log" 2>&1 &
  LAST_PID=$!
  STARTED_PIDS+=("$LAST_PID")
}

# Starts WireMock standalone on loopback; sets LAST_PID. Args: port root [extra args...]
start_wiremock() {
  local port="$1" root="$2"
  shift 2
  java -jar "$WIREMOCK_JAR" --bind-address 127.0.0.1 --port "$port" --root-dir "$root" "$@" \
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
