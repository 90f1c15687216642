package io.offsetkit.server.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.testsupport.ServerProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures of PERFORMANCE.md, section 8, not a test of the build: resets per second and latency
 * through one, two and three gateway processes over the same in-process cluster, measured with
 * {@code wrk}, the same 32 connections split across the gateways. Runs only when asked:
 *
 * <pre>
 * ./mvnw -B -pl server-stub test -Dtest=GatewayScaleFigures -Doffsetkit.figures=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Environment: {@code DURATION} (seconds measured per configuration, default 15), {@code WARMUP}
 * (seconds, default 5). The table is printed and written to {@code target/gateway-figures.md}.
 */
@EnabledIfSystemProperty(named = "offsetkit.figures", matches = "true")
class GatewayScaleFigures {

    static final String PROJECT = "77b6a44cba5143ab91d13ab9a8ff44fd";
    static final String INSTANCE = "11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d";
    static final String TOPIC = "bench_topic";
    static final int GROUPS = 64;
    static final int QUEUES_PER_BROKER = 4;
    static final int MESSAGES_PER_QUEUE = 50;
    static final int CONNECTIONS = 32;

    @TempDir
    Path directory;

    @Test
    void resetsPerSecondThroughOneTwoAndThreeGateways() throws Exception {
        int duration = Integer.parseInt(System.getenv().getOrDefault("DURATION", "15"));
        int warmup = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "5"));
        StringBuilder table = new StringBuilder(
                "| gateways | connections each | resets/s (sum) | p50 ms (worst gateway) | p99 ms (worst gateway) | non-2xx |\n"
                        + "| --- | --- | --- | --- | --- | --- |\n");
        StringBuilder errorLines = new StringBuilder();
        try (InProcessRocketMq cluster = InProcessRocketMq.start(directory.resolve("cluster"), "broker-a", "broker-b");
                RocketMqClusterTools tools = new RocketMqClusterTools(cluster)) {
            tools.createTopic(TOPIC, Map.of("broker-a", QUEUES_PER_BROKER, "broker-b", QUEUES_PER_BROKER));
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (String broker : List.of("broker-a", "broker-b")) {
                for (int queue = 0; queue < QUEUES_PER_BROKER; queue++) {
                    List<Long> times = tools.produce(TOPIC, broker, queue, MESSAGES_PER_QUEUE);
                    first = Math.min(first, times.get(0));
                    last = Math.max(last, times.get(times.size() - 1));
                }
            }
            for (int group = 0; group < GROUPS; group++) {
                tools.createGroup("bench_group_" + group, "broker-a", "broker-b");
            }
            Path script = directory.resolve("reset.lua");
            Files.writeString(script, luaScript(first, last), StandardCharsets.UTF_8);
            for (int gateways = 1; gateways <= 3; gateways++) {
                List<ServerProcess> processes = new ArrayList<>();
                try {
                    List<String> urls = new ArrayList<>();
                    for (int i = 0; i < gateways; i++) {
                        Path work = Files.createDirectories(directory.resolve("gateway-" + gateways + "-" + i));
                        processes.add(ServerProcess.start(
                                work,
                                List.of(
                                        "--server.port=0",
                                        "--offsetkit.backend=rocketmq",
                                        "--offsetkit.reset.require-online-consumer=false",
                                        "--offsetkit.rocketmq.instances[0].id=" + INSTANCE,
                                        "--offsetkit.rocketmq.instances[0].project-id=" + PROJECT,
                                        "--offsetkit.rocketmq.instances[0].name-server=" + cluster.nameServer(),
                                        "--logging.level.io.offsetkit.server.access=WARN")));
                    }
                    for (ServerProcess process : processes) {
                        urls.add(process.awaitBaseUrl(Duration.ofSeconds(60)));
                    }
                    int each = CONNECTIONS / gateways;
                    wrkOnEach(urls, each, warmup, script);
                    List<Result> results = wrkOnEach(urls, each, duration, script);
                    double sum = results.stream()
                            .mapToDouble(Result::requestsPerSecond)
                            .sum();
                    double p50 = results.stream()
                            .mapToDouble(Result::p50Millis)
                            .max()
                            .orElseThrow();
                    double p99 = results.stream()
                            .mapToDouble(Result::p99Millis)
                            .max()
                            .orElseThrow();
                    long errors = results.stream().mapToLong(Result::non2xx).sum();
                    table.append(String.format(
                            "| %d | %d | %,.0f | %.2f | %.2f | %d |%n", gateways, each, sum, p50, p99, errors));
                    String label = gateways + " gateways: ";
                    for (ServerProcess process : processes) { // what the non-2xx answers were
                        process.output()
                                .lines()
                                .filter(line -> line.contains(" ERROR "))
                                .map(line -> line.replaceAll("request [0-9a-f]+", "request ...")
                                        .replaceAll("bench_group_\\d+", "bench_group_N"))
                                .map(line -> line.substring(Math.min(line.length(), line.indexOf(" ERROR "))))
                                .map(line -> line.length() > 300 ? line.substring(0, 300) : line)
                                .distinct()
                                .limit(3)
                                .forEach(line ->
                                        errorLines.append(label).append(line).append('\n'));
                    }
                } finally {
                    for (ServerProcess process : processes) {
                        process.close();
                    }
                }
            }
        }
        table.append('\n').append(errorLines);
        System.out.println(table);
        Files.writeString(Path.of("target", "gateway-figures.md"), table.toString(), StandardCharsets.UTF_8);
    }

    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long non2xx) {}

    /** One wrk per gateway, all at once, one thread each; their results once all have ended. */
    private static List<Result> wrkOnEach(List<String> urls, int connections, int seconds, Path script)
            throws IOException, InterruptedException {
        List<Process> runs = new ArrayList<>();
        for (String url : urls) {
            runs.add(new ProcessBuilder(
                            "wrk",
                            "-t1",
                            "-c" + connections,
                            "-d" + seconds + "s",
                            "--latency",
                            "-s",
                            script.toString(),
                            url)
                    .redirectErrorStream(true)
                    .start());
        }
        List<Result> results = new ArrayList<>();
        for (Process run : runs) {
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(run.waitFor(seconds + 60L, TimeUnit.SECONDS)).isTrue();
            results.add(new Result(
                    number(output, "Requests/sec:\\s+([0-9.]+)"), millis(output, "50%"), millis(output, "99%"), (long)
                            numberOr(output, "Non-2xx or 3xx responses:\\s+(\\d+)", 0)));
        }
        return results;
    }

    private static double millis(String output, String percentile) {
        Matcher matcher =
                Pattern.compile("\\s" + percentile + "\\s+([0-9.]+)(us|ms|s)").matcher(output);
        assertThat(matcher.find()).as("wrk printed %s: %s", percentile, output).isTrue();
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static double number(String output, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(output);
        assertThat(matcher.find()).as("wrk printed %s: %s", pattern, output).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static double numberOr(String output, String pattern, double otherwise) {
        Matcher matcher = Pattern.compile(pattern).matcher(output);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : otherwise;
    }

    /** Each request resets one of the groups, at random, to a random time over the messages' span. */
    private static String luaScript(long first, long last) {
        return """
                math.randomseed(os.time() + math.floor(os.clock() * 1000000))
                local path = "/v2/rocketmq/%s/instances/%s/groups/bench_group_"
                local headers = { ["Content-Type"] = "application/json" }
                request = function()
                  local group = math.random(0, %d)
                  local time = %d + math.random(0, %d)
                  return wrk.format("POST", path .. group .. "/reset-message-offset", headers,
                    '{"topic":"%s","timestamp":' .. time .. '}')
                end
                """.formatted(PROJECT, INSTANCE, GROUPS - 1, first, last - first, TOPIC);
    }
}
