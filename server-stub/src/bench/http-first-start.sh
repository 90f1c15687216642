#!/usr/bin/env bash
# The HTTP server's first start in a fresh JVM (HttpServer.prepare + listen on loopback, then a stop),
# RUNS times (7 by default), interleaved, in two rows:
#   asked   no org.eclipse.jetty.util.referencesPerCacheLine: Jetty asks the platform's management
#           server whether references are compressed, as in an app's test JVM (the emulator on Jetty)
#   told    the property given, as the standalone server's main gives it before Jetty loads
# Each row: the time the start took inside the JVM (ms, median) and the process's CPU time (user +
# system, median, from launch to exit), with the ratio of asked to told. Measure on an idle machine;
# under load, compare the CPU times.
#   server-stub/src/bench/http-first-start.sh
#   SERVER_JAR=/path/to/an/earlier/offsetkit-server.jar RUNS=11 server-stub/src/bench/http-first-start.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

RUNS="${RUNS:-7}"
ensure_server_jar
dir="$WORK_DIR/first-start"
mkdir -p "$dir"
cat > "$dir/FirstStart.java" <<'JAVA'
import io.offsetkit.server.http.HttpServer;
import java.time.Duration;

public class FirstStart {
    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        HttpServer server = HttpServer.prepare().listen("127.0.0.1", 0, Duration.ofSeconds(1));
        long listening = System.nanoTime();
        server.close();
        System.out.println((listening - started) / 1_000_000);
    }
}
JAVA
javac -cp "$SERVER_JAR" -d "$dir" "$dir/FirstStart.java"

declare -A MS CPU
for ((run = 1; run <= RUNS; run++)); do
  for row in asked told; do
    options=()
    [[ "$row" == told ]] && options=(-Dorg.eclipse.jetty.util.referencesPerCacheLine=16)
    out="$({ /usr/bin/time -f "%U %S" java "${options[@]}" -cp "$SERVER_JAR:$dir" FirstStart; } 2>&1)"
    MS[$row]+="$(sed -n 1p <<< "$out") "
    CPU[$row]+="$(sed -n 2p <<< "$out" | awk '{ printf "%.2f", $1 + $2 }') "
  done
done

median() { tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
printf '%-6s %10s %12s   %s\n' row "start ms" "CPU s" "every run (ms / CPU s)"
for row in asked told; do
  printf '%-6s %10s %12s   %s/ %s\n' "$row" "$(median <<< "${MS[$row]}")" "$(median <<< "${CPU[$row]}")" \
    "${MS[$row]}" "${CPU[$row]}"
done
awk -v a="$(median <<< "${CPU[asked]}")" -v t="$(median <<< "${CPU[told]}")" \
  'BEGIN { printf "CPU asked/told: %.2fx\n", a / t }'
echo "load: $(uptime | sed 's/.*load average: //')"
