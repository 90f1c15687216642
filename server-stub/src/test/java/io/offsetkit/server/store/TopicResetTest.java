package io.offsetkit.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.backend.QueueOffset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicResetTest {

    @TempDir
    Path dir;

    final List<AutoCloseable> opened = new ArrayList<>();
    List<TopicQueue> queues;

    /** Two queues: b-1/0 with messages at 100, 200, 300 from offset 0; b-2/0 at 150, 250 from offset 10. */
    @BeforeEach
    void twoQueues() throws IOException {
        QueueLog first = open(QueueLog.open(dir.resolve("q1.log")));
        first.append(new long[] {100, 200, 300}, OptionalLong.empty());
        QueueLog second = open(QueueLog.open(dir.resolve("q2.log")));
        second.append(new long[] {150, 250}, OptionalLong.of(10));
        queues = List.of(new TopicQueue("b-1", 0, first), new TopicQueue("b-2", 0, second));
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    @Test
    void eachQueueGetsItsOffsetForTheTimeInTheGivenOrder() throws IOException {
        GroupOffsets committed = open(GroupOffsets.open(dir.resolve("g.log")));

        // WHEN the group is reset to 200, then to the latest
        List<QueueOffset> at200 = new TopicReset(queues, committed).toTime(200);
        List<QueueOffset> latest = new TopicReset(queues, committed).toTime(-1);

        // THEN each queue is at its first message stored at or after 200, then at its max offset
        assertThat(at200).containsExactly(new QueueOffset("b-1", 0, 1), new QueueOffset("b-2", 0, 11));
        assertThat(latest).containsExactly(new QueueOffset("b-1", 0, 3), new QueueOffset("b-2", 0, 12));
    }

    @Test
    void theOffsetsAreOnDiskWhenTheResetReturns() throws IOException {
        Path file = dir.resolve("g.log");
        try (GroupOffsets committed = GroupOffsets.open(file)) {
            new TopicReset(queues, committed).toTime(160);
        }

        // WHEN the file is read again THEN it holds the reset's offsets
        try (GroupOffsets reread = GroupOffsets.open(file)) {
            assertThat(reread.offset("b-1", 0)).isEqualTo(1);
            assertThat(reread.offset("b-2", 0)).isEqualTo(11);
        }
    }

    @Test
    void theLookupAndTheCommitRunUnderTheGroupOffsetsMonitor() throws Exception {
        GroupOffsets committed = open(GroupOffsets.open(dir.resolve("g.log")));

        // WHEN another thread holds GroupOffsets.this while a reset to the latest starts,
        // and a message is appended to b-1 before it lets go
        List<QueueOffset> offsets = Monitors.assertWaitsFor(
                committed,
                () -> new TopicReset(queues, committed).toTime(-1),
                () -> queues.get(0).log().append(new long[] {400}, OptionalLong.empty()));

        // THEN the reset waited for the monitor before its lookup: it sees the new message
        assertThat(offsets).containsExactly(new QueueOffset("b-1", 0, 4), new QueueOffset("b-2", 0, 12));
        assertThat(committed.offset("b-1", 0)).isEqualTo(4);
    }

    @Test
    void aResetOfAnotherGroupDoesNotWait() throws Exception {
        GroupOffsets held = open(GroupOffsets.open(dir.resolve("held.log")));
        GroupOffsets other = open(GroupOffsets.open(dir.resolve("other.log")));

        // GIVEN one group's monitor is held
        synchronized (held) {
            // WHEN another group is reset meanwhile
            CompletableFuture<List<QueueOffset>> reset = CompletableFuture.supplyAsync(() -> {
                try {
                    return new TopicReset(queues, other).toTime(300);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });

            // THEN it completes without waiting for the held one
            assertThat(reset.get(10, TimeUnit.SECONDS))
                    .extracting(QueueOffset::offset)
                    .containsExactly(2L, 12L);
        }
    }
}
