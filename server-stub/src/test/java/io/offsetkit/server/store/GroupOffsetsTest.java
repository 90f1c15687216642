package io.offsetkit.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.backend.QueueOffset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupOffsetsTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenCommitIsSeenByReadersOnlyOnceItIsDurable() throws IOException {
        Path file = dir.resolve("g.log");
        try (GroupOffsets offsets = GroupOffsets.open(file)) {
            offsets.commit(List.of(new QueueOffset("b", 0, 5)));

            // WHEN a commit is written but not yet awaited
            long ticket = offsets.write(List.of(new QueueOffset("b", 0, 9)));

            // THEN readers still see the durable value
            assertThat(offsets.offset("b", 0)).isEqualTo(5);

            // AND once it is durable they see the new one
            offsets.awaitDurable(ticket);
            assertThat(offsets.offset("b", 0)).isEqualTo(9);
        }
    }

    @Test
    void concurrentCommitsAllReachTheDiskAndEachReturnsOnlyOnceItsOwnIsDurable() throws Exception {
        Path file = dir.resolve("g.log");
        int threads = 8;
        int commitsEach = 50;
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        // GIVEN 8 threads each committing 50 offsets of its own queue at once
        try (GroupOffsets offsets = GroupOffsets.open(file)) {
            List<Thread> started = new ArrayList<>();
            for (int q = 0; q < threads; q++) {
                int queue = q;
                Thread thread = new Thread(() -> {
                    try {
                        for (long i = 1; i <= commitsEach; i++) {
                            offsets.commit(List.of(new QueueOffset("b", queue, i)));
                            // THEN each commit is visible when it returns (durable: readers see it)
                            if (offsets.offset("b", queue) < i) {
                                throw new AssertionError("queue " + queue + " shows an older offset than " + i);
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                thread.start();
                started.add(thread);
            }
            for (Thread thread : started) {
                thread.join(30_000);
            }
        }
        assertThat(failures).isEmpty();

        // AND a reopened file holds every thread's last offset
        try (GroupOffsets offsets = GroupOffsets.open(file)) {
            for (int q = 0; q < threads; q++) {
                assertThat(offsets.offset("b", q)).isEqualTo(commitsEach);
            }
        }
    }

    @Test
    void readingOffsetsNeverCommittedCreatesNoFile() throws IOException {
        Path file = dir.resolve("sub/never.log");

        try (GroupOffsets offsets = GroupOffsets.open(file)) {
            assertThat(offsets.offset("b", 0)).isNull();
        }

        assertThat(file).doesNotExist();
    }

    @Test
    void theFileIsASlotFileOfFixedSizeThatHoldsTheLastCommitWhateverTheNumberOfCommits() throws IOException {
        Path file = dir.resolve("g.log");
        long maxSize = 0;
        // GIVEN 2,000 commits of 16 queues, some 700 KiB of offsets in all
        try (GroupOffsets offsets = GroupOffsets.open(file)) {
            for (long i = 0; i < 2_000; i++) {
                List<QueueOffset> reset = new ArrayList<>();
                for (int q = 0; q < 16; q++) {
                    reset.add(new QueueOffset("broker-a", q, i * 16 + q));
                }
                offsets.commit(reset);
                maxSize = Math.max(maxSize, Files.size(file));
            }
        }

        // THEN the file is a slot file (format version 3) of four 4 KiB blocks, from the first commit on
        assertThat(java.util.Arrays.copyOf(Files.readAllBytes(file), 8))
                .containsExactly('O', 'K', 'L', 'O', 'G', 0, 0, 3);
        assertThat(maxSize).isEqualTo(16 * 1024);
        assertThat(Files.size(file)).isEqualTo(16 * 1024);
        // AND nothing is left beside it
        assertThat(dir.resolve("g.log.tmp")).doesNotExist();
        // AND a reopened file holds the last commit
        try (GroupOffsets offsets = GroupOffsets.open(file)) {
            for (int q = 0; q < 16; q++) {
                assertThat(offsets.offset("broker-a", q)).isEqualTo(1_999L * 16 + q);
            }
        }
    }

    @Test
    void aCommitOfSomeQueuesKeepsTheOffsetsOfTheOthers() throws IOException {
        Path file = dir.resolve("g.log");
        // GIVEN offsets on three queues
        try (GroupOffsets offsets = GroupOffsets.open(file)) {
            offsets.commit(List.of(new QueueOffset("b", 0, 1), new QueueOffset("b", 1, 2), new QueueOffset("c", 0, 3)));
            // WHEN a commit sets one of them
            offsets.commit(List.of(new QueueOffset("b", 1, 20)));
        }

        // THEN the reopened file holds it, and the two others as they were
        try (GroupOffsets offsets = GroupOffsets.open(file)) {
            assertThat(offsets.offset("b", 0)).isEqualTo(1);
            assertThat(offsets.offset("b", 1)).isEqualTo(20);
            assertThat(offsets.offset("c", 0)).isEqualTo(3);
        }
    }

    @Test
    void aRecordLogOfAnEarlierBuildIsReadAndReplacedByASlotFileAtItsFirstCommit() throws IOException {
        // GIVEN an offsets file an earlier build wrote: a record log of format version 1, grown by appends
        Path file = dir.resolve("g.log");
        try (io.offsetkit.server.store.log.RecordLog old =
                io.offsetkit.server.store.log.RecordLog.open(file, p -> {})) {
            old.append(record("b", 0, 7));
            old.append(record("b", 1, 8));
            old.append(record("b", 0, 70));
        }

        try (GroupOffsets offsets = GroupOffsets.open(file)) {
            // WHEN it is read THEN it holds its offsets, the last record of a queue winning, and a read changes nothing
            assertThat(offsets.offset("b", 0)).isEqualTo(70);
            assertThat(offsets.offset("b", 1)).isEqualTo(8);
            assertThat(java.util.Arrays.copyOf(Files.readAllBytes(file), 8)[7]).isEqualTo((byte) 1);

            // WHEN a commit is made
            offsets.commit(List.of(new QueueOffset("b", 0, 9)));
        }

        // THEN the file is a slot file holding every offset
        assertThat(java.util.Arrays.copyOf(Files.readAllBytes(file), 8)[7]).isEqualTo((byte) 3);
        assertThat(Files.size(file)).isEqualTo(16 * 1024);
        try (GroupOffsets offsets = GroupOffsets.open(file)) {
            assertThat(offsets.offset("b", 0)).isEqualTo(9);
            assertThat(offsets.offset("b", 1)).isEqualTo(8);
        }
    }

    /** One record as GroupOffsets writes it: {@code int count, (short, UTF-8 broker, int queue, long offset)*}. */
    private static byte[] record(String broker, int queueId, long offset) {
        byte[] name = broker.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return java.nio.ByteBuffer.allocate(4 + 2 + name.length + 4 + 8)
                .putInt(1)
                .putShort((short) name.length)
                .put(name)
                .putInt(queueId)
                .putLong(offset)
                .array();
    }
}
