# shellcheck shell=bash
# Shared by http-load.sh and startup.sh: paths, the documented example, tools, and starting and
# stopping the two servers on loopback. Sourced, not run.

set -euo pipefail

MODULE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REPO_DIR="$(cd "$MODULE_DIR/.." && pwd)"
WORK_DIR="$MODULE_DIR/target/bench"
# SERVER_JAR: another build of the server to measure (an earlier one, to compare); default this one's.
SERVER_JAR="${SERVER_JAR:-$MODULE_DIR/target/offsetkit-server.jar}"
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
DEFAULT_FIXTURE=classpath:io/offsetkit/server/fixture/default-fixture.yaml

STARTED_PIDS=()

# SERVER_CPUS (optional, e.g. "1"): the CPUs both servers are pinned to (taskset -c), the same for
# both, so that a load generator pinned to the others does not take their CPU time. Run in the
# background job that starts a server: exec, so that the job's pid ($!) is the server's own, whose
# /proc entries (CPU time, memory) the scripts read.
pinned_servers() {
  if [[ -n "${SERVER_CPUS:-}" ]]; then exec taskset -c "$SERVER_CPUS" "$@"; else exec "$@"; fi
}

log() { printf '%s\n' "$*" >&2; }

# True while the process runs. A child that has exited stays a zombie until it is waited for, and
# kill -0 still reaches a zombie, hence the state read from /proc.
running() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ "${stat:0:1}" != Z && "${stat:0:1}" != X ]]
}

# Stops one process this script started: SIGTERM (the servers stop gracefully, and a JVM writes its
# class archive at such an exit), then SIGKILL after STOP_SECONDS (default 60), so that a server
# that hangs in its stop cannot hang the script. Args: pid
stop_pid() {
  local pid="$1" kept=() p waited=0 limit=$(( ${STOP_SECONDS:-60} * 10 ))
  kill "$pid" 2>/dev/null || true
  while running "$pid" && (( waited < limit )); do
    sleep 0.1
    waited=$(( waited + 1 ))
  done
  if running "$pid"; then
    log "pid $pid did not stop within ${STOP_SECONDS:-60} s of SIGTERM: killed"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  for p in "${STARTED_PIDS[@]+"${STARTED_PIDS[@]}"}"; do
    [[ "$p" == "$pid" ]] || kept+=("$p")
  done
  STARTED_PIDS=("${kept[@]+"${kept[@]}"}")
}

# Stops the processes this script started (and only those), on any exit.
stop_started() {
  local pid
  for pid in "${STARTED_PIDS[@]+"${STARTED_PIDS[@]}"}"; do
    stop_pid "$pid"
  done
}
trap stop_started EXIT
trap 'exit 130' INT TERM

# A free TCP port on loopback, chosen by the kernel.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

milliseconds() { date +%s%3N; }

# The server jar, built when missing. package, not install: a benchmark has no business writing to
# the local Maven repository.
ensure_server_jar() {
  if [[ ! -f "$SERVER_JAR" ]]; then
    log "building the reference server jar (./mvnw -q -B package -DskipTests)"
    (cd "$REPO_DIR" && ./mvnw -q -B package -DskipTests)
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

# The JDK tool (jcmd, jfr) beside a java command, so that it speaks to a JVM of its own version.
# Args: java tool
jdk_tool() {
  local bin
  bin="$(dirname "$(readlink -f "$(command -v "$1")")")"
  if [[ -x "$bin/$2" ]]; then printf '%s' "$bin/$2"; else command -v "$2"; fi
}

# The first line of a java's -version, to say which JVM a figure belongs to. Args: java
java_version() { "$1" -version 2>&1 | sed -n '2p'; }

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

# Installs wrk from the Debian packages when it is missing.
ensure_wrk() {
  command -v wrk >/dev/null && return
  log "installing wrk from the Debian packages"
  if [[ "$(id -u)" == 0 ]]; then
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null
  fi
}

# Writes the load fixture: the documented example's instance, group and topic; the group with one
# consumer online (the service resets only a group whose consumers are online); the topic with QUEUES
# queues of MESSAGES messages each, one a millisecond from the example's time, up to 3 ms early or
# late (so store times step back). Args: file queues messages.
write_load_fixture() {
  cat >"$1" <<YAML
instances:
  - instance_id: $INSTANCE_ID
    project_id: $PROJECT_ID
    brokers: [broker-1]
    groups:
      - name: $GROUP
        consumers:
          - client_id: load@1
            online: true
            subscriptions: [{topic: $TOPIC, type: TAG, expression: '*'}]
    topics:
      - name: $TOPIC
        queues: {broker-1: $2}
        messages:
          - generate: {count: $3, start: $EXAMPLE_TIME, interval_ms: 1, jitter_ms: 3, seed: 1}
YAML
}

# Starts the reference server on loopback; sets LAST_PID and LAST_LOG. Args: port data-dir fixture
# [extra args...]. JAVA (default: java), JVM_OPTIONS (JVM flags, split on spaces) and LOG (default:
# offsetkit-<port>.log in the work directory) choose how. (Not run in $(...): the server must be a
# child of this shell, so that the exit trap stops it.)
start_offsetkit() {
  local port="$1" data="$2" fixture="$3"
  shift 3
  LAST_LOG="${LOG:-$WORK_DIR/offsetkit-$port.log}"
  # shellcheck disable=SC2086 # JVM_OPTIONS: optional JVM flags, split on spaces
  pinned_servers "${JAVA:-java}" ${JVM_OPTIONS:-} -jar "$SERVER_JAR" --server.address=127.0.0.1 --server.port="$port" \
    --offsetkit.data-dir="$data" --offsetkit.fixture="$fixture" "$@" \
    >"$LAST_LOG" 2>&1 &
  LAST_PID=$!
  STARTED_PIDS+=("$LAST_PID")
}

# A bare Jetty 12 core Handler that answers the documented answer to every request: the floor of any
# server on Jetty. BareJettyHandler.java (the JMH sources' own, which imports nothing but Jetty) is
# compiled here alone against the Jetty the server uses, its jars fetched by the Maven wrapper into
# target/bench/bare-lib.
BARE_JETTY_SOURCE="$MODULE_DIR/src/jmh/java/io/offsetkit/server/BareJettyHandler.java"
BARE_JETTY_CLASS=io.offsetkit.server.BareJettyHandler
prepare_bare_jetty() {
  local dir="$WORK_DIR/bare" jetty artifact
  [[ "$dir/io/offsetkit/server/BareJettyHandler.class" -nt "$BARE_JETTY_SOURCE" ]] && return 0
  jetty="$(sed -n 's:.*<jetty.version>\(.*\)</jetty.version>.*:\1:p' "$REPO_DIR/pom.xml")"
  mkdir -p "$dir" "$WORK_DIR/bare-lib"
  for artifact in org.eclipse.jetty:jetty-server:"$jetty" org.eclipse.jetty:jetty-http:"$jetty" \
      org.eclipse.jetty:jetty-io:"$jetty" org.eclipse.jetty:jetty-util:"$jetty" \
      org.slf4j:slf4j-api:"$(sed -n 's:.*<slf4j.version>\(.*\)</slf4j.version>.*:\1:p' "$REPO_DIR/pom.xml")"; do
    (cd "$REPO_DIR" && ./mvnw -q -B dependency:copy -Dartifact="$artifact" -DoutputDirectory="$WORK_DIR/bare-lib")
  done
  javac -cp "$WORK_DIR/bare-lib/*" -d "$dir" "$BARE_JETTY_SOURCE"
}

# Starts the bare Jetty handler on loopback; sets LAST_PID and LAST_LOG. Args: port
start_bare_jetty() {
  local port="$1"
  LAST_LOG="${LOG:-$WORK_DIR/jetty-bare-$port.log}"
  pinned_servers java -cp "$WORK_DIR/bare:$WORK_DIR/bare-lib/*" "$BARE_JETTY_CLASS" "$port" >"$LAST_LOG" 2>&1 &
  LAST_PID=$!
  STARTED_PIDS+=("$LAST_PID")
}

# Starts WireMock standalone on loopback; sets LAST_PID and LAST_LOG. Args: port root [extra args...]
start_wiremock() {
  local port="$1" root="$2"
  shift 2
  LAST_LOG="${LOG:-$WORK_DIR/wiremock-$port.log}"
  pinned_servers java -jar "$WIREMOCK_JAR" --bind-address 127.0.0.1 --port "$port" --root-dir "$root" "$@" \
    >"$LAST_LOG" 2>&1 &
  LAST_PID=$!
  STARTED_PIDS+=("$LAST_PID")
}

# The archived launch of the reference server (see PERFORMANCE.md, start-up): an archive of the
# classes one start loads, written at the exit of a training start that serves the documented example
# once and stops. The JIT is left as it is, so that the row shows the archive's effect alone. The jar is a plain (shaded) jar, so the JVM archives its
# classes as they are. Kind "cds": class data sharing, any JDK from 17 (-XX:ArchiveClassesAtExit,
# then -XX:SharedArchiveFile). Kind "aot": the AOT cache of JDK 25 and later (-XX:AOTCacheOutput,
# then -XX:AOTCache), which also keeps the classes linked and the methods' profiles. Trained anew
# when the jar is newer than the archive, or when the JVM refuses it.
# Sets TUNED_OPTIONS and TUNED_ARCHIVE. Args: kind java
prepare_tuned() {
  local kind="$1" java="$2" dir="$WORK_DIR/tuned" train strict port
  case "$kind" in
    cds) TUNED_ARCHIVE="$dir/offsetkit.jsa"; train="-XX:ArchiveClassesAtExit=$TUNED_ARCHIVE" strict="-Xshare:on"
         TUNED_OPTIONS="-XX:SharedArchiveFile=$TUNED_ARCHIVE" ;;
    aot) TUNED_ARCHIVE="$dir/offsetkit.aot"; train="-XX:AOTCacheOutput=$TUNED_ARCHIVE" strict="-XX:AOTMode=on"
         TUNED_OPTIONS="-XX:AOTCache=$TUNED_ARCHIVE" ;;
    *) log "unknown tuned launch: $kind"; return 1 ;;
  esac
  mkdir -p "$dir"
  if [[ -f "$TUNED_ARCHIVE" && ! "$SERVER_JAR" -nt "$TUNED_ARCHIVE" ]] \
      && archive_usable "$java" "$strict" "$dir/check-$kind.log"; then
    return 0
  fi
  log "training start of the tuned launch ($kind, $java)"
  rm -rf "$TUNED_ARCHIVE" "$dir/training-data"
  port="$(free_port)"
  JAVA="$java" JVM_OPTIONS="$train" LOG="$dir/training-$kind.log" start_offsetkit "$port" "$dir/training-data" \
    "$DEFAULT_FIXTURE"
  await_example "$port" 120 "$LAST_PID" "$LAST_LOG"
  # A normal exit, at which the JVM writes the archive; JDK 25 assembles its AOT cache then, in a
  # second JVM, which takes a while on a loaded machine.
  STOP_SECONDS=300 stop_pid "$LAST_PID"
  if [[ ! -s "$TUNED_ARCHIVE" ]]; then
    log "the training start wrote no $TUNED_ARCHIVE; its log: $dir/training-$kind.log"
    return 1
  fi
  if ! archive_usable "$java" "$strict" "$dir/check-$kind.log"; then
    log "the JVM refuses the archive it has just written; see $dir/check-$kind.log"
    return 1
  fi
}

# True when the JVM maps the tuned launch's archive for this jar: a start that must use it
# (-Xshare:on, -XX:AOTMode=on) and only prints the version. Without that flag a JVM that cannot use
# its archive warns, or says nothing when the file is missing, and starts without it: a tuned row
# would then time a plain start. Args: java strict-flag log
archive_usable() {
  # shellcheck disable=SC2086 # TUNED_OPTIONS: JVM flags, split on spaces
  "$1" "$2" $TUNED_OPTIONS -jar "$SERVER_JAR" --version >"$3" 2>&1
}

# Fails when a start's log says that the JVM did not use its archive or AOT cache (checked before
# the runs by archive_usable; this catches what changes in between). Args: log
require_archive_used() {
  if grep -q -E 'Unable to (use|map) (shared archive|AOT cache|shared spaces)|error has occurred while processing the (shared archive|AOT cache)' "$1"; then
    log "the JVM did not use its archive; its log: $1"
    return 1
  fi
}

# The HTTP status of the documented example's POST ("000" when nothing answers).
example_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 2 -X POST -H 'Content-Type: application/json' \
    --data "$EXAMPLE_REQUEST" "http://127.0.0.1:$1$RESET_PATH" || true
}

# Waits until the documented example answers 200, at most $2 seconds; fails otherwise, naming the
# server's log and showing its last lines. Args: port seconds pid log [launch time, ms since the epoch]
# Sets FIRST_200_MS (the milliseconds from the launch time to the 200, when given) and
# FIRST_200_CPU_MS (the process's CPU time, user + system, at the 200). One python3 process polls, every
# 10 ms, in place of a curl process for each try, which would take CPU time from the start it times.
await_example() {
  local port="$1" seconds="$2" pid="$3" server_log="$4" launched="${5:-0}" out code=0
  out="$(python3 - "$port" "$pid" "$seconds" "$launched" "$RESET_PATH" "$EXAMPLE_REQUEST" <<'PY'
import http.client, os, sys, time

port, pid, seconds, launched_ms = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
path, body = sys.argv[5], sys.argv[6]
ticks = os.sysconf("SC_CLK_TCK")
deadline = time.monotonic() + seconds

def stat():
    # Fields after the command name, which is in brackets and may hold spaces: state is the first,
    # utime and stime (clock ticks, every thread of the process) the 12th and 13th.
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()

def running():
    try:
        return stat()[0] not in ("Z", "X")
    except FileNotFoundError:
        return False

last = "nothing"
while True:
    if not running():
        print(last)
        sys.exit(3)
    left = deadline - time.monotonic()
    if left <= 0:
        print(last)
        sys.exit(4)
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=min(left, 10))
        connection.request("POST", path, body, {"Content-Type": "application/json"})
        status = connection.getresponse().status
        connection.close()
        last = f"last answer: {status}"
    except (OSError, http.client.HTTPException) as e:
        status, last = None, f"last try: {e.__class__.__name__}"
    if status == 200:
        elapsed_ms = time.time() * 1000 - launched_ms
        fields = stat()
        print(f"{elapsed_ms:.0f} {(int(fields[11]) + int(fields[12])) * 1000 // ticks}")
        sys.exit(0)
    time.sleep(0.01)
PY
  )" || code=$?
  # shellcheck disable=SC2034 # FIRST_200_*: read by the scripts that source this file
  case "$code" in
    0) read -r FIRST_200_MS FIRST_200_CPU_MS <<<"$out" ;;
    3) log "the server on port $port (pid $pid) exited before answering 200 ($out); its log: $server_log" ;;
    4) log "no 200 from port $port (pid $pid) within $seconds s ($out); its log: $server_log" ;;
    *) log "waiting for port $port failed: $out" ;;
  esac
  if (( code != 0 )); then
    tail -n 15 "$server_log" 2>/dev/null | sed 's/^/  | /' >&2 || true
    return 1
  fi
}

# The resident memory of a process, in KiB (VmRSS). Args: pid
rss_kib() { awk '$1 == "VmRSS:" { print $2 }' "/proc/$1/status"; }

# A wrk script of resets to a random time over the load fixture's span (MESSAGES milliseconds from the
# example's time), so every reset is a real lookup in each queue (WireMock ignores the body).
# Args: file messages.
write_reset_lua() {
  cat >"$1" <<LUA
math.randomseed(os.time())
local headers = {["Content-Type"] = "application/json", ["Accept"] = "application/json"}
request = function()
  local t = $EXAMPLE_TIME + math.random(0, $2)
  return wrk.format("POST", "$RESET_PATH", headers, '{"topic":"$TOPIC","timestamp":' .. t .. '}')
end
LUA
}

# The context switches of a process so far, voluntary (a thread that parks, waits or sleeps) and
# involuntary, summed over its threads now alive. Args: pid
context_switches() {
  cat /proc/"$1"/task/*/status 2>/dev/null |
    awk '$1 == "voluntary_ctxt_switches:" || $1 == "nonvoluntary_ctxt_switches:" { n += $2 } END { print n + 0 }'
}
