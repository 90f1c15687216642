package io.offsetkit.server.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reset() brings back the state the emulator started with: the fixture and withData, nothing else. */
class EmulatorResetTest {

    @TempDir
    Path dir;

    @Test
    void aResetInMemoryUndoesCommitsAndDataAddedSinceTheStartAndEmptiesTheJournal() {
        // GIVEN an emulator whose starting state is the default fixture plus a group made in withData
        try (OffsetkitEmulator emulator = new OffsetkitEmulator(EmulatorOptions.options()
                        .withData(start -> start.instance().groups("billing").consumer("billing", "10.0.0.5@4711#1")))
                .start()) {
            int port = emulator.port();
            Http.reset(emulator, "billing", "topic_02", -1, Map.of());
            emulator.instance().topic("added_later", 1);

            // WHEN it is reset
            emulator.reset();

            // THEN billing is there without a commit, the later topic is gone, the journal is empty, the port stays
            assertThat(emulator.instance().committedOffsets("billing", "topic_02"))
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
                new OffsetkitEmulator(EmulatorOptions.options().dataDirectory(data)).start()) {
            Http.reset(emulator, "group_01", "topic_01", 0, Map.of());
            assertThat(emulator.instance()
                            .committedOffsets("group_01", "topic_01")
                            .get(0)
                            .offset())
                    .isEqualTo(0L);

            // WHEN it is reset
            emulator.reset();

            // THEN the commit is gone (back to the fixture's offset, the latest), and the files are on disk
            assertThat(emulator.instance()
                            .committedOffsets("group_01", "topic_01")
                            .get(0)
                            .offset())
                    .isEqualTo(100L);
            assertThat(Files.exists(data.resolve("catalog.log"))).isTrue();
        }
    }

    @Test
    void aDirectoryThatHoldsAStoreIsOpenedAsItIs() {
        Path data = dir.resolve("kept");
        try (OffsetkitEmulator first =
                new OffsetkitEmulator(EmulatorOptions.options().dataDirectory(data)).start()) {
            Http.reset(first, "group_01", "topic_01", 0, Map.of()); // the fixture starts it at 100
        }

        try (OffsetkitEmulator second =
                new OffsetkitEmulator(EmulatorOptions.options().dataDirectory(data)).start()) {
            assertThat(second.instance()
                            .committedOffsets("group_01", "topic_01")
                            .get(0)
                            .offset())
                    .isEqualTo(0L);
        }
    }

    @Test
    void aStartWhoseDataThrowsLeavesTheDirectoryFreeForTheNextStart() {
        // GIVEN a start on a fresh directory whose withData writes an instance, then throws
        Path data = dir.resolve("failed-start");
        EmulatorOptions failing = EmulatorOptions.options().dataDirectory(data).withData(start -> {
            start.putInstance("half-written", "p", "broker-1");
            throw new IllegalStateException("no data today");
        });
        assertThatThrownBy(() -> new OffsetkitEmulator(failing).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no data today");

        // WHEN the directory is started on again
        try (OffsetkitEmulator second =
                new OffsetkitEmulator(EmulatorOptions.options().dataDirectory(data)).start()) {

            // THEN it starts (the failed start released the directory) and answers
            assertThat(second.isRunning()).isTrue();
            assertThat(Http.reset(second, "group_01", "topic_01", -1, Map.of()).statusCode())
                    .isEqualTo(200);
            // AND nothing of the failed start is left: the directory was filled afresh
            assertThatThrownBy(() -> second.instance("half-written")).isInstanceOf(EmulatorFixtureException.class);
        }
    }

    @Test
    void aResetInADirectoryWhoseDataThrowsStopsTheEmulatorAndLeavesTheDirectoryFree() {
        // GIVEN an emulator on a directory whose withData throws from its second call on (the reset's)
        Path data = dir.resolve("failed-reset");
        AtomicInteger calls = new AtomicInteger();
        OffsetkitEmulator emulator = new OffsetkitEmulator(
                        EmulatorOptions.options().dataDirectory(data).withData(start -> {
                            if (calls.incrementAndGet() > 1) {
                                throw new IllegalStateException("no data this time");
                            }
                        }))
                .start();

        // WHEN it is reset
        assertThatThrownBy(emulator::reset)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no data this time");

        // THEN it is stopped, and another emulator starts on the directory
        assertThat(emulator.isRunning()).isFalse();
        try (OffsetkitEmulator next =
                new OffsetkitEmulator(EmulatorOptions.options().dataDirectory(data)).start()) {
            assertThat(next.instance().committedOffsets("group_01", "topic_01")).hasSize(1);
        }
    }
}
