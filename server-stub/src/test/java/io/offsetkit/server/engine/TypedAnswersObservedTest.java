package io.offsetkit.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.offsetkit.server.assembly.Engine;
import io.offsetkit.server.emulator.ReceivedReset;
import io.offsetkit.server.engine.OperationObserver.ServedOperation;
import io.offsetkit.server.fault.FaultKind;
import io.offsetkit.server.fault.FaultSpec;
import io.offsetkit.server.fault.Faults;
import io.offsetkit.server.generated.model.ResetConsumeOffsetResp;
import io.offsetkit.server.generated.model.ResetConsumeOffsetRespQueues;
import io.offsetkit.server.http.HttpServer;
import io.offsetkit.server.settings.ServerSettings;
import io.offsetkit.server.settings.SettingSources;
import io.offsetkit.server.store.EmbeddedStore;
import io.offsetkit.server.store.log.Storage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request path tells its observer what it answered as types, made from the same values as the
 * bytes it wrote: the handler's model on a 200, the one error writer's documented error on a refusal,
 * what a fault did in the place of an answer. A real Jetty on loopback over a real store on disk; the
 * wire's JSON, read by the test, is the reference the types are held to.
 */
class TypedAnswersObservedTest {

    private static final String PROJECT = "p-typed";
    private static final String INSTANCE = "i-typed";
    private static final String TOPIC = "t-typed";
    private static final String GROUP = "g-typed";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<ServedOperation> observed = new CopyOnWriteArrayList<>();
    private final Faults faults = new Faults();
    private EmbeddedStore store;
    private Engine engine;
    private HttpServer http;

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedStore.open(dir, Storage.disk());
        store.putInstance(INSTANCE, PROJECT, List.of("b-1"));
        store.putTopic(INSTANCE, TOPIC, Map.of("b-1", 2));
        store.putGroup(INSTANCE, GROUP);
        for (int q = 0; q < 2; q++) {
            store.append(INSTANCE, TOPIC, "b-1", q, new long[] {10, 20, 30, 40}, OptionalLong.empty());
        }
        engine = Engine.over(settings(), store, observed::add, faults);
        http = HttpServer.start(engine.requestPath(), "127.0.0.1", 0, Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
        engine.close();
    }

    @Test
    void anAppliedResetIsObservedAsTheHandlersModelWithTheQueuesTheWireCarried() throws Exception {
        // GIVEN a server whose observer keeps what it is told
        // WHEN a reset to the time of the third message is answered
        HttpResponse<String> response = reset(GROUP, 30);

        // THEN the observer got the handler's model, not bytes, with the queues the wire carried
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        TypedAnswer answer = only().answer();
        assertThat(answer).isInstanceOf(TypedAnswer.Success.class);
        assertThat(answer.status()).isEqualTo(200);
        ResetConsumeOffsetResp model = (ResetConsumeOffsetResp) ((TypedAnswer.Success) answer).model();
        assertThat(model.getQueues())
                .extracting(
                        ResetConsumeOffsetRespQueues::getBrokerName,
                        ResetConsumeOffsetRespQueues::getQueueId,
                        ResetConsumeOffsetRespQueues::getTimestampOffset)
                .containsExactlyInAnyOrder(tuple("b-1", 0, 2L), tuple("b-1", 1, 2L));
        JsonNode wire = JSON.readTree(response.body()).path("queues");
        assertThat(wire.size()).isEqualTo(model.getQueues().size());
        for (int i = 0; i < wire.size(); i++) {
            ResetConsumeOffsetRespQueues queue = model.getQueues().get(i);
            assertThat(wire.get(i).path("broker_name").asString()).isEqualTo(queue.getBrokerName());
            assertThat(wire.get(i).path("queue_id").asInt()).isEqualTo(queue.getQueueId());
            assertThat(wire.get(i).path("timestamp_offset").asLong()).isEqualTo(queue.getTimestampOffset());
        }
    }

    @Test
    void aRefusedResetIsObservedAsTheDocumentedErrorTheOneErrorWriterWrote() throws Exception {
        // GIVEN a server whose observer keeps what it is told
        // WHEN a reset of a group that does not exist is refused
        HttpResponse<String> response = reset("no-such-group", 30);

        // THEN the observer got the documented error, the very code and message on the wire
        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode wire = JSON.readTree(response.body());
        assertThat(only().answer())
                .isEqualTo(new TypedAnswer.DocumentedError(
                        404,
                        wire.path("error_code").asString(),
                        wire.path("error_msg").asString()));
        assertThat(wire.path("error_code").asString()).isEqualTo("DMS.10240405");
    }

    @Test
    void aBodyCutShortByAFaultIsObservedAsWhatTheFaultDidAndJournalsNoQueuesNorError() throws Exception {
        // GIVEN a fault that answers the next reset with the success status and a JSON object cut short
        faults.add(
                FaultSpec.on("resetConsumeOffset").group(GROUP).malformedBody().build());

        // WHEN a reset is sent
        HttpResponse<String> response = reset(GROUP, 30);

        // THEN the wire had the cut-short body, and the observer got what the fault did, not a model
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"queues\":[{\"broker_name\":\"broker-");
        ServedOperation served = only();
        assertThat(served.answer()).isEqualTo(new TypedAnswer.Faulted(200, FaultKind.MALFORMED_BODY));
        assertThat(served.fault()).isNotNull();
        assertThat(served.fault().fault()).isEqualTo("malformed_body");
    }

    @Test
    void aDroppedConnectionIsObservedWithStatusZero() {
        // GIVEN a fault that resets the connection of the next reset
        faults.add(FaultSpec.on("resetConsumeOffset")
                .group(GROUP)
                .connectionReset()
                .build());

        // WHEN a reset is sent (the client sees the connection reset)
        try {
            reset(GROUP, 30);
        } catch (Exception expected) {
            // the connection was reset, as the fault says
        }

        // THEN the observer got what the fault did: nothing written, status 0
        assertThat(only().answer()).isEqualTo(new TypedAnswer.Faulted(0, FaultKind.CONNECTION_RESET));
    }

    /** The one call observed; the journal's entries are made from it ({@link ReceivedReset}). */
    private ServedOperation only() {
        assertThat(observed).hasSize(1);
        return observed.get(0);
    }

    private HttpResponse<String> reset(String group, long timestamp) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/v2/rocketmq/"
                        + PROJECT + "/instances/" + INSTANCE + "/groups/" + group + "/reset-message-offset"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"topic\":\"" + TOPIC + "\",\"timestamp\":" + timestamp + "}"))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static ServerSettings settings() {
        // The group has no consumer: this test is about what the observer is told, not the precondition.
        return ServerSettings.from(SettingSources.of(Map.of(
                "logging.level.io.offsetkit.server.access", "WARN",
                "offsetkit.reset.require-online-consumer", "false")));
    }
}
