package io.offsetkit.server.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.engine.OperationObserver.ServedOperation;
import io.offsetkit.server.engine.TypedAnswer;
import io.offsetkit.server.fault.FaultKind;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Operation;
import io.offsetkit.server.generated.model.ResetConsumeOffsetResp;
import io.offsetkit.server.generated.model.ResetConsumeOffsetRespQueues;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The journal's entries are read from the typed answer the request path made, with no answer bytes to
 * parse: a served call carries none.
 */
class ResetJournalReadsTypesTest {

    private static final Map<String, String> PATH =
            Map.of("engine", "rocketmq", "project_id", "p-1", "instance_id", "i-1", "group", "billing");
    private static final byte[] BODY = "{\"topic\":\"orders\",\"timestamp\":30}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSuccessIsJournalledWithTheQueuesOfTheHandlersModel() {
        // GIVEN a reset served with the handler's model of two queues
        ResetConsumeOffsetResp model =
                new ResetConsumeOffsetResp().queues(List.of(queue("broker-a", 0, 7L), queue("broker-b", 3, 11L)));
        ResetJournal journal = journalOf(new TypedAnswer.Success(200, model));

        // WHEN the journal is read
        ReceivedReset reset = journal.last().orElseThrow();

        // THEN its entry has the model's queues in their order, and no error
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.applied()).isTrue();
        assertThat(reset.queues())
                .containsExactly(
                        new ReceivedReset.AnsweredQueue("broker-a", 0, 7L),
                        new ReceivedReset.AnsweredQueue("broker-b", 3, 11L));
        assertThat(reset.errorCode()).isNull();
        assertThat(reset.errorMsg()).isNull();
        assertThat(reset.group()).isEqualTo("billing");
        assertThat(reset.body()).isEqualTo(new String(BODY, StandardCharsets.UTF_8));
    }

    @Test
    void aDocumentedErrorIsJournalledWithItsCodeMessageAndStatus() {
        // GIVEN a reset refused with a documented error
        ResetJournal journal = journalOf(new TypedAnswer.DocumentedError(
                404, "DMS.10240405", "The consumption group ID is incorrect or not found. billing"));

        // WHEN the journal is read
        ReceivedReset reset = journal.last().orElseThrow();

        // THEN its entry has that error, and no queues
        assertThat(reset.status()).isEqualTo(404);
        assertThat(reset.applied()).isFalse();
        assertThat(reset.errorCode()).isEqualTo("DMS.10240405");
        assertThat(reset.errorMsg()).isEqualTo("The consumption group ID is incorrect or not found. billing");
        assertThat(reset.queues()).isEmpty();
    }

    @Test
    void aFaultsAnswerIsJournalledWithItsStatusAndNeitherQueuesNorError() {
        // GIVEN a reset whose answer a fault cut short
        ResetJournal journal = journalOf(new TypedAnswer.Faulted(200, FaultKind.MALFORMED_BODY));

        // WHEN the journal is read
        ReceivedReset reset = journal.last().orElseThrow();

        // THEN its entry has the status written and nothing read from a body
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.queues()).isEmpty();
        assertThat(reset.errorCode()).isNull();
    }

    private static ResetJournal journalOf(TypedAnswer answer) {
        ResetJournal journal = new ResetJournal();
        journal.observer()
                .served(new ServedOperation(
                        Instant.EPOCH, "r-1", Operation.RESET_CONSUME_OFFSET, PATH, BODY, null, answer));
        return journal;
    }

    private static ResetConsumeOffsetRespQueues queue(String broker, int queueId, long offset) {
        return new ResetConsumeOffsetRespQueues()
                .brokerName(broker)
                .queueId(queueId)
                .timestampOffset(offset);
    }
}
