package io.offsetkit.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.server.backend.BackendUnavailableException;
import io.offsetkit.server.backend.QueueOffset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupOffsetsFilesTest {

    @TempDir
    Path dir;

    @Test
    void oneGroupAndTopicAlwaysGetsTheSameObject() throws IOException {
        try (GroupOffsetsFiles files = new GroupOffsetsFiles(StoreLayout.of(dir))) {
            // WHEN the same group and topic are asked for twice, and another topic once
            GroupOffsets first = files.of("i-1", "g-1", "t-1");
            GroupOffsets again = files.of("i-1", "g-1", "t-1");
            GroupOffsets otherTopic = files.of("i-1", "g-1", "t-2");

            // THEN the same group and topic share one object (one monitor), another topic has its own
            assertThat(again).isSameAs(first);
            assertThat(otherTopic).isNotSameAs(first);
        }
    }

    @Test
    void aCommitGoesToTheLayoutsOffsetsFileAndTheFirstUseCreatesNothing() throws IOException {
        StoreLayout layout = StoreLayout.of(dir);
        Path file = layout.offsetsFile("i-1", "g-1", "t-1");
        try (GroupOffsetsFiles files = new GroupOffsetsFiles(layout)) {
            GroupOffsets offsets = files.of("i-1", "g-1", "t-1");
            assertThat(file).doesNotExist();

            offsets.commit(List.of(new QueueOffset("b-1", 0, 7)));
        }

        try (GroupOffsets reopened = GroupOffsets.open(file)) {
            assertThat(reopened.offset("b-1", 0)).isEqualTo(7);
        }
    }

    @Test
    void aFileThatCannotBeReadIsReportedByName() throws IOException {
        StoreLayout layout = StoreLayout.of(dir);
        Path file = layout.offsetsFile("i-1", "g-1", "t-1");
        // GIVEN an offsets file of another format
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not a record log");

        try (GroupOffsetsFiles files = new GroupOffsetsFiles(layout)) {
            assertThatThrownBy(() -> files.of("i-1", "g-1", "t-1"))
                    .isInstanceOf(BackendUnavailableException.class)
                    .hasMessageStartingWith("the offsets file " + file + " could not be opened: ");
        }
    }

    @Test
    void closingClosesEveryOpenedFile() throws IOException {
        GroupOffsetsFiles files = new GroupOffsetsFiles(StoreLayout.of(dir));
        GroupOffsets offsets = files.of("i-1", "g-1", "t-1");
        offsets.commit(List.of(new QueueOffset("b-1", 0, 1)));

        files.close();

        assertThatThrownBy(() -> offsets.commit(List.of(new QueueOffset("b-1", 0, 2))))
                .isInstanceOf(IOException.class);
    }
}
