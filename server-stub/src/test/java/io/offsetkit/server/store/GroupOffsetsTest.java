package io.offsetkit.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.backend.QueueOffset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void readingOffsetsNeverCommittedCreatesNoFile() throws IOException {
        Path file = dir.resolve("sub/never.log");

        try (GroupOffsets offsets = GroupOffsets.open(file)) {
            assertThat(offsets.offset("b", 0)).isNull();
        }

        assertThat(file).doesNotExist();
    }
}
