package io.offsetkit.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueLogTest {

    @TempDir
    Path dir;

    @Test
    void aReopenedQueueHasTheSameRangeAndLookups() throws IOException {
        Path file = dir.resolve("q.log");
        try (QueueLog queue = QueueLog.open(file)) {
            queue.append(new long[] {100, 200}, OptionalLong.of(7));
            queue.append(new long[] {300}, OptionalLong.empty());
        }

        try (QueueLog queue = QueueLog.open(file)) {
            assertThat(queue.range()).isEqualTo(new OffsetRange(7, 10));
            assertThat(queue.offsetForTime(150)).isEqualTo(8);
        }
    }

    @Test
    void lookupsTakeTheQueuesMonitorWhichGuardsTheIndex() throws Exception {
        try (QueueLog queue = QueueLog.open(dir.resolve("q.log"))) {
            queue.append(new long[] {100, 200}, OptionalLong.empty());

            // WHEN another thread holds QueueLog.this THEN a lookup and a range wait for it
            assertThat(Monitors.assertWaitsFor(queue, () -> queue.offsetForTime(150)))
                    .isEqualTo(1);
            assertThat(Monitors.assertWaitsFor(queue, queue::range)).isEqualTo(new OffsetRange(0, 2));
        }
    }
}
