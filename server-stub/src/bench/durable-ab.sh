#!/usr/bin/env bash
# Durable resets of an earlier build (BASELINE_JAR) and of this one, in turns (baseline, this,
# baseline, this, ...: ROUNDS of each), each run http-load.sh with its own WireMock beside it, so that
# both builds meet the same machine; prints each run's figures at 32 connections (offsetkit's
# requests/s and p99, WireMock's, their ratios), the server's young GC pauses over the whole run
# (-Xlog:gc), and each build's medians of the two ratios. The targets: requests/s ratio at least
# 1.00, offsetkit's p99 at most 10 ms. Loopback only; kills what it started. Run from anywhere:
#   BASELINE_JAR=/path/to/earlier/offsetkit-server.jar server-stub/src/bench/durable-ab.sh
# ROUNDS=3, DURATION=10s and WARMUP=5s by default.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ROUNDS="${ROUNDS:-3}"
: "${BASELINE_JAR:?set BASELINE_JAR to the server jar of the build to compare with}"
mkdir -p "$WORK_DIR"
ensure_server_jar
THIS_JAR="$SERVER_JAR"

declare -A RATIOS P99_RATIOS
printf '%-5s %-8s %9s %8s %9s %8s %8s %8s %11s %8s\n' round build ok_rps ok_p99 wm_rps wm_p99 rps_x p99_x gc_pauses load
for round in $(seq 1 "$ROUNDS"); do
  for build in baseline this; do
    jar="$THIS_JAR"
    [[ "$build" == baseline ]] && jar="$BASELINE_JAR"
    gc="$WORK_DIR/durable-ab-gc-$build-$round.log"
    out="$WORK_DIR/durable-ab-$build-$round.txt"
    SERVER_JAR="$jar" JVM_OPTIONS="-Xlog:gc:file=$gc" RSS_REQUESTS=0 DURATION="${DURATION:-10s}" \
      WARMUP="${WARMUP:-5s}" "$MODULE_DIR/src/bench/http-load.sh" >"$out" 2>"$out.log"
    read -r ok_rps ok_p99 < <(awk '$1 == "offsetkit" && $2 == 32 { print $3, $5 }' "$out")
    read -r wm_rps wm_p99 < <(awk '$1 == "wiremock" && $2 == 32 { print $3, $5 }' "$out")
    pauses="$(awk '/Pause/ { n++; v = $NF; sub("ms", "", v); if (v + 0 > max) max = v + 0 } END { printf "%d<=%.0fms", n, max }' "$gc")"
    read -r rx px < <(awk -v a="$ok_rps" -v b="$wm_rps" -v p="$ok_p99" -v q="$wm_p99" 'BEGIN { printf "%.2f %.2f\n", a / b, p / q }')
    RATIOS[$build]+="$rx "
    P99_RATIOS[$build]+="$ok_p99 "
    printf '%-5s %-8s %9s %8s %9s %8s %8s %8s %11s %8s\n' "$round" "$build" "$ok_rps" "$ok_p99" "$wm_rps" "$wm_p99" \
      "$rx" "$px" "$pauses" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for build in baseline this; do
  printf '%-8s median requests/s ratio to WireMock %s, median p99 %s ms\n' "$build" \
    "$(median <<<"${RATIOS[$build]}")" "$(median <<<"${P99_RATIOS[$build]}")"
done
