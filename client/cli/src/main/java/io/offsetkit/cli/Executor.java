package io.offsetkit.cli;

import io.offsetkit.client.OffsetkitClient;
import io.offsetkit.client.OffsetkitException;
import io.offsetkit.client.QueueOffset;
import io.offsetkit.client.ResetResult;
import java.util.List;

/**
 * Applies a plan: for each group and topic, the reset ({@code ResetConsumeOffset}), then the offsets
 * read back ({@code ShowConsumerListOrDetails}), judged by {@link OutcomeJudge}; in parallel within
 * the bound. One entry's failure never stops the others: every entry gets its outcome.
 */
final class Executor {

    private final OffsetkitClient client;
    private final String instanceId;
    private final Parallel parallel;

    Executor(OffsetkitClient client, String instanceId, Parallel parallel) {
        this.client = client;
        this.instanceId = instanceId;
        this.parallel = parallel;
    }

    /**
     * @param entries each group and topic with its offsets just before (a fresh read)
     * @param strategy where to send the offsets
     * @return the outcomes, in the entries' order
     */
    List<Outcome> execute(List<Plan.Entry> entries, Strategy strategy) {
        return parallel.map("resetting", entries, entry -> execute(entry, strategy));
    }

    private Outcome execute(Plan.Entry entry, Strategy strategy) {
        ResetResult answer = null;
        OffsetkitException failure = null;
        try {
            answer = strategy.timestamp() == Strategy.LATEST
                    ? client.resetToLatest(instanceId, entry.group(), entry.topic())
                    : client.resetToTime(instanceId, entry.group(), entry.topic(), strategy.timestamp());
        } catch (OffsetkitException e) {
            failure = e;
        }
        List<QueueOffset> after = null;
        OffsetkitException readBackFailure = null;
        try {
            after = client.groupProgress(instanceId, entry.group(), entry.topic())
                    .consumerOffsets();
        } catch (OffsetkitException e) {
            readBackFailure = e;
        }
        return OutcomeJudge.judge(entry, answer, failure, after, readBackFailure);
    }
}
