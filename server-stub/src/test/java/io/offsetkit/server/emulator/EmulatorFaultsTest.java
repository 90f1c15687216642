package io.offsetkit.server.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.server.fault.AppliedFault;
import io.offsetkit.server.fault.FaultSpec;
import io.offsetkit.server.fault.InvalidFaultException;
import io.offsetkit.server.fault.SetFault;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults on demand over real HTTP, set through the emulator's Java API: each kind as a client meets
 * it, the journal that says which call got which, and a reset that removes them.
 */
class EmulatorFaultsTest {

    static final String GROUP = "group_01"; // online in the bundled fixture
    static final long TEN_SECONDS_IN = 1662652810000L; // topic_01's 11th message

    static OffsetkitEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = new OffsetkitEmulator(EmulatorOptions.options()).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void fresh() {
        emulator.reset();
    }

    @Test
    void anErrorSetOnceAnswersTheDocumentedStatusAndBodyLeavesTheOffsetsThenTheResetIsHealthyAgain() {
        // GIVEN a 500 DMS.00500000, once, on the reset
        SetFault fault = emulator.faults()
                .set(FaultSpec.on("resetConsumeOffset").error("DMS.00500000").once());
        List<CommittedOffset> before = emulator.instance().committedOffsets(GROUP, "topic_01");

        // WHEN the app resets twice
        HttpResponse<String> failed = Http.reset(emulator, GROUP, "topic_01", TEN_SECONDS_IN, Map.of());
        List<CommittedOffset> between = emulator.instance().committedOffsets(GROUP, "topic_01");
        HttpResponse<String> retried = Http.reset(emulator, GROUP, "topic_01", TEN_SECONDS_IN, Map.of());

        // THEN the first gets the contract's 500 with its request id, and changed nothing
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body())
                .isEqualTo("{\"error_code\":\"DMS.00500000\",\"error_msg\":\"Internal service error.\"}");
        assertThat(failed.headers().firstValue("Content-Type")).contains("application/json");
        String failedId = failed.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(between).isEqualTo(before);
        // AND the second is served: the reset applied
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.body())
                .isEqualTo("{\"queues\":[{\"broker_name\":\"broker-1\",\"queue_id\":0,\"timestamp_offset\":10}]}");
        assertThat(emulator.instance().committedOffsets(GROUP, "topic_01"))
                .extracting(CommittedOffset::offset)
                .containsExactly(10L);
        // AND both journals say which call got the fault
        List<ReceivedReset> resets = emulator.journal().resets();
        assertThat(resets).hasSize(2);
        assertThat(resets.get(0).requestId()).isEqualTo(failedId);
        assertThat(resets.get(0).errorCode()).isEqualTo("DMS.00500000");
        assertThat(resets.get(0).appliedFault()).hasValueSatisfying(applied -> {
            assertThat(applied.faultId()).isEqualTo(fault.id());
            assertThat(applied.fault()).isEqualTo("error DMS.00500000 (500)");
        });
        assertThat(resets.get(1).appliedFault()).isEmpty();
        assertThat(emulator.faults().journal()).singleElement().satisfies(applied -> {
            assertThat(applied.requestId()).isEqualTo(failedId);
            assertThat(applied.operationId()).isEqualTo("resetConsumeOffset");
            assertThat(applied.group()).isEqualTo(GROUP);
            assertThat(applied.topic()).isEqualTo("topic_01");
        });
        assertThat(emulator.faults().list())
                .singleElement()
                .satisfies(set -> assertThat(set.remaining()).isZero());
    }

    @Test
    void aFaultOnAGroupAndTopicLeavesTheOtherCallsHealthy() {
        emulator.faults()
                .set(FaultSpec.on("resetConsumeOffset")
                        .group(GROUP)
                        .topic("topic_02")
                        .error("DMS.00403007"));

        HttpResponse<String> other = Http.reset(emulator, GROUP, "topic_01", TEN_SECONDS_IN, Map.of());
        HttpResponse<String> matched = Http.reset(emulator, GROUP, "topic_02", TEN_SECONDS_IN, Map.of());

        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(matched.statusCode()).isEqualTo(403);
        assertThat(matched.body())
                .isEqualTo("{\"error_code\":\"DMS.00403007\",\"error_msg\":\"Authorization denied.\"}");
    }

    @Test
    void aCallTheContractRefusesGetsItsRefusalNotTheFaultAndDoesNotUseItUp() {
        emulator.faults()
                .set(FaultSpec.on("resetConsumeOffset").error("DMS.00500000").once());

        HttpResponse<String> refused = Http.reset(emulator, GROUP, "topic_01", -2, Map.of());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("DMS.00400142");
        assertThat(emulator.faults().list().get(0).remaining()).isEqualTo(1);
        assertThat(emulator.faults().journal()).isEmpty();
    }

    @Test
    void aDelayHoldsTheAnswerThenServesIt() {
        emulator.faults()
                .set(FaultSpec.on("showTopicStatus")
                        .delay(Duration.ofMillis(400))
                        .once());

        long started = System.nanoTime();
        HttpResponse<String> late = read("/topics/topic_01/status");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(late.body()).startsWith("{\"max_offset\":100,");
        assertThat(tookMillis).isGreaterThanOrEqualTo(400);
        assertThat(emulator.faults().journal()).extracting(AppliedFault::fault).containsExactly("delay 400 ms");
    }

    @Test
    void aConnectionResetEndsTheCallWithoutAnAnswerAndChangesNothing() {
        emulator.faults()
                .set(FaultSpec.on("resetConsumeOffset").connectionReset().once());
        List<CommittedOffset> before = emulator.instance().committedOffsets(GROUP, "topic_01");

        assertThatThrownBy(() -> Http.reset(emulator, GROUP, "topic_01", TEN_SECONDS_IN, Map.of()))
                .hasCauseInstanceOf(IOException.class);

        assertThat(emulator.instance().committedOffsets(GROUP, "topic_01")).isEqualTo(before);
        assertThat(emulator.journal().last()).hasValueSatisfying(reset -> {
            assertThat(reset.status()).isZero();
            assertThat(reset.appliedFault().orElseThrow().fault()).isEqualTo("connection_reset");
        });
        // AND the next call is served, on a new connection
        assertThat(Http.reset(emulator, GROUP, "topic_01", TEN_SECONDS_IN, Map.of())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anEmptyResponseClosesTheConnectionWithNothingWritten() {
        // GIVEN every call of the consumers read answered empty (the JDK's client retries a GET once
        // on a connection closed before an answer, so a fault set once would pass unseen)
        SetFault empty =
                emulator.faults().set(FaultSpec.on("showConsumerConnections").emptyResponse());

        assertThatThrownBy(() -> read("/groups/" + GROUP + "/clients", "/v2/rocketmq/"))
                .hasCauseInstanceOf(IOException.class);

        // THEN once the fault is removed the read is served
        assertThat(emulator.faults().remove(empty.id())).isTrue();
        assertThat(read("/groups/" + GROUP + "/clients", "/v2/rocketmq/").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aMalformedBodyIsTheSuccessStatusWithJsonThatIsNotJson() {
        emulator.faults()
                .set(FaultSpec.on("showConsumerListOrDetails").group(GROUP).malformedBody());

        HttpResponse<String> malformed = read("/groups/" + GROUP + "/topics?topic=topic_01");

        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThat(malformed.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(malformed.body()).isEqualTo("{\"brokers\":[{\"broker_name\":\"broker-");
    }

    @Test
    void aPartialResetAppliesOnTheOtherBrokersAndAnswersAsTheServerAnswersOne() {
        // GIVEN topic_02 on broker-1 (4 queues) and broker-2 (2 queues), and a partial reset failing broker-2
        emulator.faults()
                .set(FaultSpec.on("resetConsumeOffset").partialReset("broker-2").once());

        // WHEN the app resets group_01 on topic_02 to the start
        HttpResponse<String> partial = Http.reset(emulator, GROUP, "topic_02", 0, Map.of());

        // THEN it gets the 500 of a real partial reset, naming what applied and what failed
        assertThat(partial.statusCode()).isEqualTo(500);
        assertThat(partial.body())
                .startsWith("{\"error_code\":\"DMS.00500000\",\"error_msg\":\"Internal service error. The reset"
                        + " applied on some brokers only: the reset failed on broker 'broker-2' (the fault fault-1"
                        + " set on this server failed it); it applied on broker-1/0=0 broker-1/1=0 broker-1/2=0"
                        + " broker-1/3=0.");
        // AND broker-1's queues were reset, broker-2's were not
        assertThat(emulator.instance().committedOffsets(GROUP, "topic_02"))
                .extracting(CommittedOffset::brokerName, CommittedOffset::offset)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("broker-1", 0L),
                        org.assertj.core.groups.Tuple.tuple("broker-1", 0L),
                        org.assertj.core.groups.Tuple.tuple("broker-1", 0L),
                        org.assertj.core.groups.Tuple.tuple("broker-1", 0L),
                        org.assertj.core.groups.Tuple.tuple("broker-2", null),
                        org.assertj.core.groups.Tuple.tuple("broker-2", null));
        // AND a retry, the fault used up, completes it
        assertThat(Http.reset(emulator, GROUP, "topic_02", 0, Map.of()).statusCode())
                .isEqualTo(200);
        assertThat(emulator.instance().committedOffsets(GROUP, "topic_02"))
                .extracting(CommittedOffset::offset)
                .containsOnly(0L);
    }

    @Test
    void aPartialResetWithoutBrokersNamedFailsOnTheTopicsLastBroker() {
        emulator.faults().set(FaultSpec.on("resetConsumeOffset").partialReset());

        HttpResponse<String> partial = Http.reset(emulator, GROUP, "topic_01", 0, Map.of());

        // topic_01 has one broker: it failed there, and applied nowhere
        assertThat(partial.statusCode()).isEqualTo(500);
        assertThat(partial.body())
                .contains("the reset failed on broker 'broker-1'")
                .contains("it applied on no broker.");
    }

    @Test
    void resetRemovesEveryFaultAndItsJournal() {
        emulator.faults().set(FaultSpec.on("resetConsumeOffset").error("DMS.00500000"));
        Http.reset(emulator, GROUP, "topic_01", TEN_SECONDS_IN, Map.of());
        assertThat(emulator.faults().journal()).hasSize(1);

        emulator.reset();

        assertThat(emulator.faults().list()).isEmpty();
        assertThat(emulator.faults().journal()).isEmpty();
        assertThat(Http.reset(emulator, GROUP, "topic_01", TEN_SECONDS_IN, Map.of())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aMalformedFaultIsRefusedAndNothingIsSet() {
        assertThatThrownBy(() -> emulator.faults()
                        .set(FaultSpec.on("resetConsumeOffset")
                                .error("DMS.00500000")
                                .probability(2)))
                .isInstanceOf(InvalidFaultException.class)
                .hasMessage("probability must be between 0 and 1, was 2.0");

        assertThat(emulator.faults().list()).isEmpty();
    }

    @Test
    void twoEmulatorsNeverShareAFault() {
        try (OffsetkitEmulator other = new OffsetkitEmulator(EmulatorOptions.options()).start()) {
            other.faults().set(FaultSpec.on("resetConsumeOffset").error("DMS.00500000"));

            assertThat(Http.reset(emulator, GROUP, "topic_01", TEN_SECONDS_IN, Map.of())
                            .statusCode())
                    .isEqualTo(200);
            assertThat(Http.reset(other, GROUP, "topic_01", TEN_SECONDS_IN, Map.of())
                            .statusCode())
                    .isEqualTo(500);
            assertThat(emulator.faults().list()).isEmpty();
        }
    }

    private static HttpResponse<String> read(String tail) {
        return read(tail, "/v2/");
    }

    /** A GET of {@code prefix + project + /instances/ + instance + tail}. */
    private static HttpResponse<String> read(String tail, String prefix) {
        URI uri = URI.create(
                emulator.baseUrl() + prefix + emulator.projectId() + "/instances/" + emulator.instanceId() + tail);
        try {
            return HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
