package io.offsetkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.store.EmbeddedStore;
import io.offsetkit.server.store.QueueState;
import io.offsetkit.server.testsupport.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a server in a child JVM while clients reset several groups concurrently: the server
 * stops gracefully within its shutdown timeout, and every reset that got its 200 is durable. After
 * the exit the data directory is opened as it is, and each group's committed offsets must be those of
 * the last reset it was answered 200 for, or of the one it had in flight when the server stopped
 * (which may have been applied though its answer never arrived).
 */
class GracefulStopTest {

    static final String PROJECT = "p-stop";
    static final String INSTANCE = "i-stop";
    static final String TOPIC = "t-stop";
    static final List<String> BROKERS = List.of("b-1", "b-2");
    static final int QUEUES_PER_BROKER = 2;
    static final int GROUPS = 4;
    static final int MESSAGES = 200;
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    /** Queue q of each broker holds message i stored at {@code 10 i + q}: each time gives one offset per queue. */
    static long storeTimestamp(int queueId, int i) {
        return 10L * i + queueId;
    }

    /** The oracle: the first offset stored at or after t; the end for -1 or a time after every message. */
    static long expectedOffset(int queueId, long t) {
        if (t == -1) {
            return MESSAGES;
        }
        for (int i = 0; i < MESSAGES; i++) {
            if (storeTimestamp(queueId, i) >= t) {
                return i;
            }
        }
        return MESSAGES;
    }

    static String group(int g) {
        return "g-" + g;
    }

    @Test
    void everyResetAnswered200IsDurableAfterAGracefulStopDuringConcurrentResets() throws Exception {
        // GIVEN a server on a fixture of 2 brokers x 2 queues and 4 groups, and one client per group
        // resetting its group again and again to random times
        Path fixture = writeFixture();
        Path data = dir.resolve("data");
        Client[] clients = new Client[GROUPS];
        long stopped;
        int exitCode;
        try (ServerProcess server = ServerProcess.start(
                dir,
                List.of(
                        "--server.port=0",
                        "--offsetkit.data-dir=" + data,
                        "--offsetkit.fixture=" + fixture,
                        "--server.shutdown-timeout=" + SHUTDOWN_TIMEOUT.toSeconds() + "s",
                        // the groups have no consumer: the durability of resets is the subject here
                        "--offsetkit.reset.require-online-consumer=false",
                        "--logging.level.io.offsetkit.server.access=WARN"))) {
            String baseUrl = server.awaitBaseUrl(Duration.ofSeconds(60));
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            for (int g = 0; g < GROUPS; g++) {
                clients[g] = new Client(http, baseUrl, group(g), new Random(2026L + g));
                clients[g].start();
            }
            awaitAnswers(clients, 25, Duration.ofSeconds(60));

            // WHEN the server gets SIGTERM in the middle of it
            long terminated = System.nanoTime();
            server.terminate();
            exitCode = server.awaitExit(SHUTDOWN_TIMEOUT.plusSeconds(20));
            stopped = System.nanoTime() - terminated;
            for (Client client : clients) {
                client.join(30_000);
            }

            // THEN it stopped gracefully, within the shutdown timeout
            assertThat(exitCode).as(server.output()).isEqualTo(143);
            assertThat(server.output())
                    .contains("Stopping: finishing the requests in flight")
                    .contains("Stopped")
                    .doesNotContain("did not close cleanly"); // a graceful stop that timed out says so
        }
        assertThat(Duration.ofNanos(stopped)).isLessThan(SHUTDOWN_TIMEOUT);

        // AND each group holds the offsets of its last answered reset, or of the one in flight
        try (EmbeddedStore store = EmbeddedStore.open(data)) {
            for (Client client : clients) {
                assertThat(client.answered.get())
                        .as("%s got answers before the stop", client.group)
                        .isPositive();
                assertThat(client.failure)
                        .as("%s: an answer other than 200", client.group)
                        .isNull();
                List<QueueState> queues = store.offsets(INSTANCE, client.group, TOPIC);
                List<Long> allowed = new ArrayList<>();
                allowed.add(client.lastAnswered);
                if (client.inFlight != null) {
                    allowed.add(client.inFlight);
                }
                assertThat(allowed)
                        .as(
                                "%s: committed offsets %s are those of none of the resets to %s (last answered 200,"
                                        + " then the one in flight)",
                                client.group, queues, allowed)
                        .anyMatch(t -> queues.stream()
                                .allMatch(q -> q.consumerOffset() != null
                                        && q.consumerOffset() == expectedOffset(q.queueId(), t)));
            }
        }
    }

    private static void awaitAnswers(Client[] clients, int each, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        for (Client client : clients) {
            while (client.answered.get() < each && client.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(client.answered.get())
                    .as("%s answered before the stop (failure: %s)", client.group, client.failure)
                    .isGreaterThanOrEqualTo(each);
        }
    }

    /** The fixture: one instance, its groups, and one topic whose every queue holds {@value #MESSAGES} messages. */
    private Path writeFixture() throws IOException {
        StringBuilder messages = new StringBuilder();
        for (String broker : BROKERS) {
            for (int q = 0; q < QUEUES_PER_BROKER; q++) {
                int queueId = q;
                String timestamps = IntStream.range(0, MESSAGES)
                        .mapToObj(i -> Long.toString(storeTimestamp(queueId, i)))
                        .collect(Collectors.joining(", "));
                messages.append("          - {broker: %s, queue_id: %d, store_timestamps: [%s]}%n"
                        .formatted(broker, q, timestamps));
            }
        }
        String groups =
                IntStream.range(0, GROUPS).mapToObj(GracefulStopTest::group).collect(Collectors.joining(", "));
        String yaml = """
                instances:
                  - instance_id: %s
                    project_id: %s
                    brokers: %s
                    groups: [%s]
                    topics:
                      - name: %s
                        queues: {b-1: %d, b-2: %d}
                        messages:
                %s""".formatted(
                        INSTANCE, PROJECT, BROKERS, groups, TOPIC, QUEUES_PER_BROKER, QUEUES_PER_BROKER, messages);
        return Files.writeString(dir.resolve("fixture.yaml"), yaml);
    }

    /**
     * Resets one group until the server goes away: each reset is in flight from before it is sent until
     * its 200 is read, and then it is the last answered one. A request the server did not take (the
     * connection refused or closed, as the server stops) ends the client, its reset still in flight.
     */
    private static final class Client extends Thread {

        final HttpClient http;
        final String url;
        final String group;
        final Random random;
        final AtomicInteger answered = new AtomicInteger();
        volatile Long lastAnswered;
        volatile Long inFlight;
        volatile String failure;

        Client(HttpClient http, String baseUrl, String group, Random random) {
            super("reset-" + group);
            this.http = http;
            this.url = baseUrl + "/v2/rocketmq/" + PROJECT + "/instances/" + INSTANCE + "/groups/" + group
                    + "/reset-message-offset";
            this.group = group;
            this.random = random;
        }

        @Override
        public void run() {
            while (true) {
                long t = random.nextInt(10) == 0 ? -1 : random.nextLong(10L * MESSAGES + 20);
                inFlight = t;
                HttpResponse<String> response;
                try {
                    response = http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"topic\":\"" + TOPIC + "\",\"timestamp\":" + t + "}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    return; // the server went away: this reset stays in flight
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (response.statusCode() != 200) {
                    // A server that stops refuses new requests; anything else is a failure of the test.
                    if (response.statusCode() != 503) {
                        failure = response.statusCode() + " " + response.body();
                    }
                    return;
                }
                lastAnswered = t;
                inFlight = null;
                answered.incrementAndGet();
            }
        }
    }
}
