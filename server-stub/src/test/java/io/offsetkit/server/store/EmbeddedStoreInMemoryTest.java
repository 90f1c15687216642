package io.offsetkit.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.server.backend.QueueOffset;
import io.offsetkit.server.backend.ResetTarget;
import io.offsetkit.server.store.log.MemoryStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The embedded store over {@link MemoryStorage}: the same store, its files in the heap. */
class EmbeddedStoreInMemoryTest {

    private static final Path DIRECTORY = Path.of("target", "never-created-" + System.nanoTime());
    private static final ResetTarget TARGET = new ResetTarget("p", "i", "g", "t");

    @Test
    void aStoreInMemoryResetsCommitsAndReplaysItsStateWithoutTouchingTheDisk() throws IOException {
        // GIVEN a store in memory with a topic of one queue of three messages, and a group
        MemoryStorage storage = new MemoryStorage();
        try (EmbeddedStore store = EmbeddedStore.open(DIRECTORY, storage)) {
            store.putInstance("i", "p", List.of("b"));
            store.putTopic("i", "t", Map.of("b", 1));
            store.putGroup("i", "g");
            store.append("i", "t", "b", 0, new long[] {100, 200, 300}, OptionalLong.empty());

            // WHEN the group is reset to 200
            List<QueueOffset> answer = store.resetByTime(TARGET, 200);

            // THEN the answer is the second message's offset
            assertThat(answer).containsExactly(new QueueOffset("b", 0, 1));
        }

        // AND a store opened again over the same storage replays all of it, and nothing is on disk
        try (EmbeddedStore reopened = EmbeddedStore.open(DIRECTORY, storage)) {
            assertThat(reopened.offsets("i", "g", "t")).containsExactly(new QueueState("b", 0, 1L, 0, 3, 300));
        }
        assertThat(Files.exists(DIRECTORY)).isFalse();
    }

    @Test
    void aCopyOfTheStorageIsTheStoreAsItWasWhenCopied() throws IOException {
        // GIVEN a store with a group that never committed, copied
        MemoryStorage storage = new MemoryStorage();
        MemoryStorage copy;
        try (EmbeddedStore store = EmbeddedStore.open(DIRECTORY, storage)) {
            store.putInstance("i", "p", List.of("b"));
            store.putTopic("i", "t", Map.of("b", 1));
            store.putGroup("i", "g");
            copy = storage.copy();

            // WHEN the original store resets the group and gets a new topic
            store.resetByTime(TARGET, -1);
            store.putTopic("i", "later", Map.of("b", 1));
        }

        // THEN a store over the copy has neither
        try (EmbeddedStore fromCopy = EmbeddedStore.open(DIRECTORY, copy)) {
            assertThat(fromCopy.offsets("i", "g", "t")).containsExactly(new QueueState("b", 0, null, 0, 0, 0));
            assertThat(fromCopy.instances().get(0).topics()).hasSize(1);
        }
    }

    @Test
    void aStorageInMemoryIsOpenedByOneStoreAtATime() throws IOException {
        MemoryStorage storage = new MemoryStorage();
        try (EmbeddedStore store = EmbeddedStore.open(DIRECTORY, storage)) {
            assertThatThrownBy(() -> EmbeddedStore.open(DIRECTORY, storage))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("is in use by another process");
        }
    }
}
