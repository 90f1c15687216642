package io.offsetkit.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.assembly.Engine;
import io.offsetkit.server.engine.OperationObserver;
import io.offsetkit.server.settings.ServerSettings;
import io.offsetkit.server.settings.SettingSources;
import io.offsetkit.server.store.EmbeddedStore;
import io.offsetkit.server.store.log.Storage;
import io.offsetkit.server.testsupport.HeldFsyncs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reset over HTTP is answered from the commit: the handler's thread returns to Jetty at once, and
 * the answer leaves only once the offsets file's fsync has returned; a stop waits for such a reset.
 * A real Jetty on loopback, a real store on disk whose offsets fsyncs the test holds.
 */
class AnswerFromTheCommitTest {

    private static final String PROJECT = "p-commit";
    private static final String INSTANCE = "i-commit";
    private static final String TOPIC = "t-commit";
    private static final String GROUP = "g-commit";

    @TempDir
    Path dir;

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theAnswerLeavesOnlyOnceTheOffsetsAreOnDiskAndAStopWaitsForIt() throws Exception {
        // GIVEN a server over a store whose offsets fsyncs are held
        HeldFsyncs storage = new HeldFsyncs(Storage.disk());
        EmbeddedStore store = EmbeddedStore.open(dir, storage);
        seed(store);
        Engine engine = Engine.over(settings(), store, OperationObserver.NONE);
        HttpServer http = HttpServer.start(engine.requestPath(), "127.0.0.1", 0, Duration.ofSeconds(10));
        try {
            storage.hold();

            // WHEN a reset is sent
            CompletableFuture<HttpResponse<String>> answer =
                    client.sendAsync(reset(http.port(), -1), HttpResponse.BodyHandlers.ofString());

            // THEN its fsync starts, and no answer arrives while it is held, nor is the new offset visible
            assertThat(storage.forceStarted.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200);
            assertThat(answer).isNotDone();
            assertThat(store.offsets(INSTANCE, GROUP, TOPIC)).allMatch(queue -> queue.consumerOffset() == null);

            // AND a stop asked meanwhile waits for it: the answer is 200 with the durable offsets
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
                try {
                    http.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(200);
            assertThat(stopped).as("the stop waits for the reset in flight").isNotDone();
            storage.release();
            HttpResponse<String> response = answer.get(10, TimeUnit.SECONDS);
            stopped.get(10, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"timestamp_offset\":4");
            assertThat(storage.forcesDone.get()).isEqualTo(1);
            assertThat(store.offsets(INSTANCE, GROUP, TOPIC)).allMatch(queue -> queue.consumerOffset() == 4L);
        } finally {
            storage.release();
            http.close();
            engine.close();
        }
    }

    private static ServerSettings settings() {
        // The group has no consumer: this test is about durability, not the service's precondition.
        return ServerSettings.from(SettingSources.of(Map.of(
                "logging.level.io.offsetkit.server.access", "WARN",
                "offsetkit.reset.require-online-consumer", "false")));
    }

    /** One instance, one group, a topic of two queues of four messages stored at 10, 20, 30, 40. */
    private static void seed(EmbeddedStore store) {
        store.putInstance(INSTANCE, PROJECT, List.of("b-1"));
        store.putTopic(INSTANCE, TOPIC, Map.of("b-1", 2));
        store.putGroup(INSTANCE, GROUP);
        for (int q = 0; q < 2; q++) {
            store.append(INSTANCE, TOPIC, "b-1", q, new long[] {10, 20, 30, 40}, OptionalLong.empty());
        }
    }

    private static HttpRequest reset(int port, long timestamp) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/rocketmq/" + PROJECT + "/instances/"
                        + INSTANCE + "/groups/" + GROUP + "/reset-message-offset"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"topic\":\"" + TOPIC + "\",\"timestamp\":" + timestamp + "}"))
                .build();
    }
}
