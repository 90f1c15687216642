package io.offsetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.client.OffsetkitClient;
import io.offsetkit.client.OffsetkitException;
import io.offsetkit.client.QueueOffset;
import io.offsetkit.client.ResetResult;
import io.offsetkit.client.auth.Credentials;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The judge of one reset, on the three facts it reads (before, the answer, the read back): the cases
 * a broker that applies part of a reset gives, which a single embedded store cannot produce.
 */
class OutcomeJudgeTest {

    /** billing/orders with two queues, committed at 5 on both. */
    private static final Plan.Entry BEFORE = new Plan.Entry(
            "billing", "orders", true, 1, List.of(queue("broker-1", 5L), queue("broker-2", 5L)), List.of());

    @Test
    void anAnswerReadBackOnEveryQueueIsApplied() {
        Outcome outcome = OutcomeJudge.judge(BEFORE, answer(2, 2), null, offsets(2, 2), null);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.APPLIED);
        assertThat(outcome.errorCode()).isNull();
        assertThat(outcome.reconsumed()).isEqualTo(6);
    }

    @Test
    void anAnswerThatNamesSomeQueuesOnlyIsPartlyAppliedNamingTheOthers() {
        // the broker-2 queue is missing from the answer
        ResetResult answer = new ResetResult(List.of(new QueueOffset("broker-1", 0, 2)), "r1");

        Outcome outcome = OutcomeJudge.judge(BEFORE, answer, null, offsets(2, 5), null);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.PARTLY_APPLIED);
        assertThat(outcome.message()).isEqualTo("the answer names no offset for broker-2/0");
    }

    @Test
    void anAnswerTheReadBackContradictsIsPartlyApplied() {
        Outcome outcome = OutcomeJudge.judge(BEFORE, answer(2, 2), null, offsets(2, 5), null);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.PARTLY_APPLIED);
        assertThat(outcome.message())
                .isEqualTo("the read back differs from the answer: broker-2/0 answered 2, reads 5");
        assertThat(outcome.reconsumed()).isEqualTo(3);
    }

    @Test
    void aFailureAfterWhichSomeQueuesMovedIsPartlyAppliedWithTheServicesCode() {
        OffsetkitException failure = connectionFailure();

        Outcome outcome = OutcomeJudge.judge(BEFORE, null, failure, offsets(2, 5), null);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.PARTLY_APPLIED);
        assertThat(outcome.errorCode()).isEqualTo(ServiceFailures.CONNECTION);
        assertThat(outcome.message()).endsWith("(moved anyway: broker-1/0)");
    }

    @Test
    void aFailureAfterWhichNothingMovedIsRefused() {
        OffsetkitException failure = connectionFailure();

        Outcome outcome = OutcomeJudge.judge(BEFORE, null, failure, offsets(5, 5), null);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.REFUSED);
        assertThat(outcome.skipped()).isZero();
        assertThat(ExitCode.of(List.of(outcome))).isEqualTo(ExitCode.NOTHING_APPLIED);
    }

    /** A real connection failure: a reset sent to a loopback port nothing listens on. */
    private static OffsetkitException connectionFailure() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        OffsetkitClient closed = OffsetkitClient.builder()
                .endpoint("http://127.0.0.1:" + port)
                .projectId("p")
                .credentials(Credentials.none())
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        try {
            closed.resetToLatest("i", "billing", "orders");
        } catch (OffsetkitException e) {
            return e;
        }
        throw new AssertionError("a reset to a closed port answered");
    }

    private static Plan.Queue queue(String broker, Long committed) {
        return new Plan.Queue(broker, 0, committed, 10, 10 - committed, 0, 1, null);
    }

    private static ResetResult answer(long... offsets) {
        return new ResetResult(offsets(offsets), "r1");
    }

    private static List<QueueOffset> offsets(long... offsets) {
        return Arrays.asList(new QueueOffset("broker-1", 0, offsets[0]), new QueueOffset("broker-2", 0, offsets[1]));
    }
}
