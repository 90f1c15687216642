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
    void theFileIsCompactedAndStillHoldsTheLatestOffsets() throws IOException {
        Path file = dir.resolve("g.log");
        // GIVEN a compaction threshold of 300 bytes and 200 commits of two queues
        try (GroupOffsets offsets = GroupOffsets.open(file, 300)) {
            for (long i = 0; i < 200; i++) {
                offsets.commit(List.of(new QueueOffset("b", 0, i), new QueueOffset("b", 1, 1000 + i)));
            }
            // THEN the file stays small
            assertThat(Files.size(file)).isLessThan(400);
        }

        // AND a reopened file holds the last commit
        try (GroupOffsets offsets = GroupOffsets.open(file)) {
            assertThat(offsets.offset("b", 0)).isEqualTo(199);
            assertThat(offsets.offset("b", 1)).isEqualTo(1199);
            assertThat(offsets.offset("b", 2)).isNull();
        }
    }

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
        // GIVEN 8 threads each committing 50 offsets of its own queue at once, with compaction
        try (GroupOffsets offsets = GroupOffsets.open(file, 2_000)) {
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
    void onDiskTheFileIsPreallocatedRolledAsItFillsAndNeverPassesTheThreshold() throws IOException {
        Path file = dir.resolve("g.log");
        long maxSize = 0;
        // GIVEN a threshold of 8 KiB and 2,000 commits of 16 queues, some 600 KiB of records in all
        try (GroupOffsets offsets = GroupOffsets.open(file, 8 * 1024)) {
            for (long i = 0; i < 2_000; i++) {
                List<QueueOffset> reset = new ArrayList<>();
                for (int q = 0; q < 16; q++) {
                    reset.add(new QueueOffset("broker-a", q, i * 16 + q));
                }
                offsets.commit(reset);
                maxSize = Math.max(maxSize, Files.size(file));
            }
        }

        // THEN the file was preallocated (format version 2) and stayed within the threshold
        assertThat(java.util.Arrays.copyOf(Files.readAllBytes(file), 8))
                .containsExactly('O', 'K', 'L', 'O', 'G', 0, 0, 2);
        assertThat(maxSize).isLessThanOrEqualTo(8 * 1024);
        assertThat(Files.size(file)).isEqualTo(8 * 1024);
        // AND no spare is left beside it
        assertThat(dir.resolve("g.log.tmp")).doesNotExist();
        // AND a reopened file holds the last commit
        try (GroupOffsets offsets = GroupOffsets.open(file)) {
            for (int q = 0; q < 16; q++) {
                assertThat(offsets.offset("broker-a", q)).isEqualTo(1_999L * 16 + q);
            }
        }
    }

    @Test
    void aFileOfFormatVersionOneIsReadAndRolledIntoAPreallocatedOneAtItsFirstCommit() throws IOException {
        // GIVEN an offsets file an earlier build wrote: a record log of format version 1, grown by appends
        Path file = dir.resolve("g.log");
        try (io.offsetkit.server.store.log.RecordLog old =
                io.offsetkit.server.store.log.RecordLog.open(file, p -> {})) {
            old.append(record("b", 0, 7));
            old.append(record("b", 1, 8));
        }

        try (GroupOffsets offsets = GroupOffsets.open(file)) {
            // WHEN it is read THEN it holds its offsets, and a read changes nothing
            assertThat(offsets.offset("b", 0)).isEqualTo(7);
            assertThat(offsets.offset("b", 1)).isEqualTo(8);
            assertThat(java.util.Arrays.copyOf(Files.readAllBytes(file), 8)[7]).isEqualTo((byte) 1);

            // WHEN a commit is made
            offsets.commit(List.of(new QueueOffset("b", 0, 9)));
        }

        // THEN the file is a preallocated one holding every offset
        assertThat(java.util.Arrays.copyOf(Files.readAllBytes(file), 8)[7]).isEqualTo((byte) 2);
        assertThat(Files.size(file)).isEqualTo(GroupOffsets.FIRST_CAPACITY);
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
