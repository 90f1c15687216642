package io.offsetkit.emulatorit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.offsetkit.client.OffsetkitApiException;
import io.offsetkit.client.OffsetkitClient;
import io.offsetkit.client.OffsetkitConnectionException;
import io.offsetkit.client.OffsetkitTimeoutException;
import io.offsetkit.client.QueueOffset;
import io.offsetkit.client.ResetResult;
import io.offsetkit.client.TopicStatus;
import io.offsetkit.client.auth.Credentials;
import io.offsetkit.client.retry.RetryPolicy;
import io.offsetkit.server.emulator.CommittedOffset;
import io.offsetkit.server.emulator.ReceivedReset;
import io.offsetkit.server.emulator.junit.OffsetkitEmulatorExtension;
import io.offsetkit.server.fault.FaultSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The offsetkit client, through its public API only, against the emulator's faults on demand: it
 * retries a 5xx and a broken connection within its budget, never a 4xx, and a delay past its
 * timeout is a timeout error. Each count of attempts is read from the emulator's journal, which
 * records every call the client made.
 */
class ClientUnderFaultsTest {

    static final String GROUP = "group_01"; // online in the bundled fixture
    static final Instant TEN_SECONDS_IN = Instant.ofEpochMilli(1662652810000L); // topic_01's 11th message

    @RegisterExtension
    static OffsetkitEmulatorExtension emulator =
            OffsetkitEmulatorExtension.newInstance().build();

    /** Three attempts in all, with waits of a few milliseconds. */
    static final RetryPolicy THREE_QUICK_ATTEMPTS = RetryPolicy.builder()
            .maxAttempts(3)
            .initialBackoff(Duration.ofMillis(5))
            .maxBackoff(Duration.ofMillis(10))
            .maxElapsed(Duration.ofSeconds(5))
            .build();

    @Test
    void aRetriedInternalErrorEndsInTheResetOnTheLastAttempt() {
        // GIVEN the reset answers 500 DMS.00500000 twice
        emulator.faults()
                .set(FaultSpec.on("resetConsumeOffset").error("DMS.00500000").times(2));

        // WHEN the client resets with three attempts
        ResetResult result = client(THREE_QUICK_ATTEMPTS).resetToTime(instance(), GROUP, "topic_01", TEN_SECONDS_IN);

        // THEN the third attempt applied it, and the journal shows all three
        assertThat(result.queues()).containsExactly(new QueueOffset("broker-1", 0, 10L));
        assertThat(emulator.journal().resets())
                .extracting(ReceivedReset::status)
                .containsExactly(500, 500, 200);
        assertThat(result.requestId())
                .isEqualTo(emulator.journal().last().orElseThrow().requestId());
        assertThat(emulator.instance().committedOffsets(GROUP, "topic_01"))
                .extracting(CommittedOffset::offset)
                .containsExactly(10L);
    }

    @Test
    void anInternalErrorPastTheBudgetIsTheLastAttemptsErrorWithItsRequestId() {
        emulator.faults().set(FaultSpec.on("resetConsumeOffset").error("DMS.00500000"));

        OffsetkitApiException failed = catchThrowableOfType(
                OffsetkitApiException.class,
                () -> client(THREE_QUICK_ATTEMPTS).resetToTime(instance(), GROUP, "topic_01", TEN_SECONDS_IN));

        assertThat(failed.httpStatus()).isEqualTo(500);
        assertThat(failed.errorCode()).contains("DMS.00500000");
        assertThat(failed.errorMsg()).contains("Internal service error.");
        assertThat(failed.attempt()).isEqualTo(3);
        assertThat(failed.getSuppressed()).hasSize(2);
        List<ReceivedReset> resets = emulator.journal().resets();
        assertThat(resets).hasSize(3);
        assertThat(failed.requestId()).contains(resets.get(2).requestId());
        // nothing was reset: the bundled fixture's offset (100, the latest) stays
        assertThat(emulator.instance().committedOffsets(GROUP, "topic_01"))
                .extracting(CommittedOffset::offset)
                .containsExactly(100L);
    }

    @Test
    void aClientErrorIsNeverRetried() {
        // GIVEN the reset refused as the service refuses an offline group, and a denied read
        emulator.faults().set(FaultSpec.on("resetConsumeOffset").error("DMS.50050004"));
        emulator.faults().set(FaultSpec.on("showTopicStatus").error("DMS.00403007"));
        OffsetkitClient client = client(THREE_QUICK_ATTEMPTS);

        // WHEN the client resets and reads, with three attempts allowed
        OffsetkitApiException offline = catchThrowableOfType(
                OffsetkitApiException.class, () -> client.resetToTime(instance(), GROUP, "topic_01", TEN_SECONDS_IN));
        OffsetkitApiException denied =
                catchThrowableOfType(OffsetkitApiException.class, () -> client.topicStatus(instance(), "topic_01"));

        // THEN each failed on its first attempt, with the documented status and code
        assertThat(offline.httpStatus()).isEqualTo(400);
        assertThat(offline.errorCode()).contains("DMS.50050004");
        assertThat(offline.errorMsg()).contains("The consumer group is offline.");
        assertThat(offline.attempt()).isEqualTo(1);
        assertThat(offline.requestId())
                .contains(emulator.journal().last().orElseThrow().requestId());
        assertThat(denied.httpStatus()).isEqualTo(403);
        assertThat(denied.errorCode()).contains("DMS.00403007");
        assertThat(denied.attempt()).isEqualTo(1);
        assertThat(emulator.journal().size()).isEqualTo(1);
        assertThat(emulator.faults().journal()).hasSize(2);
    }

    @Test
    void aResetConnectionIsRetried() {
        emulator.faults()
                .set(FaultSpec.on("resetConsumeOffset").connectionReset().once());

        ResetResult result = client(THREE_QUICK_ATTEMPTS).resetToTime(instance(), GROUP, "topic_01", TEN_SECONDS_IN);

        assertThat(result.queues()).containsExactly(new QueueOffset("broker-1", 0, 10L));
        assertThat(emulator.journal().resets())
                .extracting(ReceivedReset::status)
                .containsExactly(0, 200);
    }

    @Test
    void withoutRetriesAResetConnectionAndAnEmptyAnswerAreConnectionErrors() {
        emulator.faults()
                .set(FaultSpec.on("resetConsumeOffset").connectionReset().once());
        emulator.faults().set(FaultSpec.on("resetConsumeOffset").emptyResponse().once());
        OffsetkitClient client = client(RetryPolicy.none());

        OffsetkitConnectionException reset = catchThrowableOfType(
                OffsetkitConnectionException.class,
                () -> client.resetToTime(instance(), GROUP, "topic_01", TEN_SECONDS_IN));
        OffsetkitConnectionException empty = catchThrowableOfType(
                OffsetkitConnectionException.class,
                () -> client.resetToTime(instance(), GROUP, "topic_01", TEN_SECONDS_IN));

        assertThat(reset.getMessage()).contains("the connection broke before an answer");
        assertThat(reset.attempt()).isEqualTo(1);
        assertThat(empty.getMessage()).contains("the connection broke before an answer");
        assertThat(emulator.faults().journal())
                .extracting(applied -> applied.fault())
                .containsExactly("connection_reset", "empty_response");
    }

    @Test
    void anEmptyAnswerToAReadIsRetriedToo() {
        emulator.faults().set(FaultSpec.on("showTopicStatus").emptyResponse().times(2));

        TopicStatus status = client(THREE_QUICK_ATTEMPTS).topicStatus(instance(), "topic_01");

        assertThat(status.maxOffset()).isEqualTo(100L);
    }

    @Test
    void aPartialResetIsAnInternalErrorThatARetryCompletes() {
        emulator.faults()
                .set(FaultSpec.on("resetConsumeOffset").partialReset("broker-2").once());

        ResetResult result = client(THREE_QUICK_ATTEMPTS).resetToTime(instance(), GROUP, "topic_02", 0L);

        assertThat(result.queues())
                .hasSize(6)
                .allSatisfy(queue -> assertThat(queue.offset()).isZero());
        assertThat(emulator.journal().resets().get(0).errorMsg())
                .contains("The reset applied on some brokers only: the reset failed on broker 'broker-2'");
    }

    @Test
    void aDelayPastTheReadTimeoutIsATimeoutError() {
        // GIVEN the reset answered after 1.5 s, and a client that waits 300 ms, without retries
        emulator.faults()
                .set(FaultSpec.on("resetConsumeOffset")
                        .delay(Duration.ofMillis(1500))
                        .once());
        OffsetkitClient client = OffsetkitClient.builder()
                .endpoint(emulator.baseUrl())
                .projectId(emulator.projectId())
                .credentials(Credentials.none())
                .readTimeout(Duration.ofMillis(300))
                .build();

        // WHEN it resets
        OffsetkitTimeoutException late = catchThrowableOfType(
                OffsetkitTimeoutException.class,
                () -> client.resetToTime(instance(), GROUP, "topic_01", TEN_SECONDS_IN));

        // THEN it is a timeout of the answer, not of the connect; no answer came, so it carries no
        // request id: the emulator's journal holds the one it gave, once its delayed answer leaves
        assertThat(late.duringConnect()).isFalse();
        assertThat(late.getMessage()).contains("timed out after 300 ms (readTimeout)");
        assertThat(late.attempt()).isEqualTo(1);
        ReceivedReset served = awaitOneReset();
        assertThat(served.appliedFault().orElseThrow().fault()).isEqualTo("delay 1500 ms");
        assertThat(served.requestId()).isNotBlank();
    }

    @Test
    void aMalformedBodyIsAnApiErrorOfTheSuccessStatusAndIsNotRetried() {
        emulator.faults().set(FaultSpec.on("resetConsumeOffset").malformedBody());

        OffsetkitApiException malformed = catchThrowableOfType(
                OffsetkitApiException.class,
                () -> client(THREE_QUICK_ATTEMPTS).resetToTime(instance(), GROUP, "topic_01", TEN_SECONDS_IN));

        assertThat(malformed.httpStatus()).isEqualTo(200);
        assertThat(malformed.errorCode()).isEmpty();
        assertThat(malformed.bodyStart()).startsWith("{\"queues\":[{\"broker_name\":\"broker-");
        assertThat(malformed.attempt()).isEqualTo(1);
        assertThat(malformed.requestId())
                .contains(emulator.journal().last().orElseThrow().requestId());
    }

    private static ReceivedReset awaitOneReset() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (emulator.journal().size() == 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return emulator.journal().last().orElseThrow();
    }

    private static String instance() {
        return emulator.instanceId();
    }

    private static OffsetkitClient client(RetryPolicy retries) {
        return OffsetkitClient.builder()
                .endpoint(emulator.baseUrl())
                .projectId(emulator.projectId())
                .credentials(Credentials.none())
                .retryPolicy(retries)
                .build();
    }
}
