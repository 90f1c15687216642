package io.offsetkit.server.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reset() brings back the state the emulator started with: the fixture and withData, nothing else. */
class EmulatorResetTest {

    @TempDir
    Path dir;

    @Test
    void aResetInMemoryUndoesCommitsAndDataAddedSinceTheStartAndEmptiesTheJournal() {
        // GIVEN an emulator whose starting state is the default fixture plus a group made in withData
        try (OffsetkitEmulator emulator = OffsetkitEmulator.builder()
                .withData(start -> start.instance().groups("billing"))
                .start()) {
            int port = emulator.port();
            Http.reset(emulator, "billing", "topic_02", -1, Map.of());
            emulator.instance().topic("added_later", 1);

            // WHEN it is reset
            emulator.reset();

            // THEN billing is there without a commit, the later topic is gone, the journal is empty, the port stays
            assertThat(emulator.committedOffsets("billing", "topic_02"))
                    .hasSize(6)
                    .allSatisfy(queue -> assertThat(queue.offset()).isNull());
            assertThatThrownBy(() -> emulator.instance().topic("added_later"))
                    .isInstanceOf(EmulatorFixtureException.class);
            assertThat(emulator.journal().resets()).isEmpty();
            assertThat(emulator.port()).isEqualTo(port);
            // AND it answers as before
            assertThat(Http.reset(emulator, "billing", "topic_01", 0, Map.of()).statusCode())
                    .isEqualTo(200);
            assertThat(emulator.journal().size()).isEqualTo(1);
        }
    }

    @Test
    void aResetInADirectoryWritesTheStartingStateAgain() {
        // GIVEN an emulator with its store in a directory
        Path data = dir.resolve("data");
        try (OffsetkitEmulator emulator =
                OffsetkitEmulator.builder().dataDirectory(data).start()) {
            Http.reset(emulator, "group_01", "topic_01", -1, Map.of());
            assertThat(emulator.committedOffsets("group_01", "topic_01").get(0).offset())
                    .isEqualTo(100L);

            // WHEN it is reset
            emulator.reset();

            // THEN the commit is gone, and the files are on disk
            assertThat(emulator.committedOffsets("group_01", "topic_01").get(0).offset())
                    .isNull();
            assertThat(Files.exists(data.resolve("catalog.log"))).isTrue();
        }
    }

    @Test
    void aDirectoryThatHoldsAStoreIsOpenedAsItIs() {
        Path data = dir.resolve("kept");
        try (OffsetkitEmulator first =
                OffsetkitEmulator.builder().dataDirectory(data).start()) {
            Http.reset(first, "group_01", "topic_01", -1, Map.of());
        }

        try (OffsetkitEmulator second =
                OffsetkitEmulator.builder().dataDirectory(data).start()) {
            assertThat(second.committedOffsets("group_01", "topic_01").get(0).offset())
                    .isEqualTo(100L);
        }
    }
}
