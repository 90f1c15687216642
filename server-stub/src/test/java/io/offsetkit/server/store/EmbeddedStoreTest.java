package io.offsetkit.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.server.backend.QueueOffset;
import io.offsetkit.server.backend.ResetTarget;
import io.offsetkit.server.backend.UnknownGroupException;
import io.offsetkit.server.backend.UnknownInstanceException;
import io.offsetkit.server.backend.UnknownTopicException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoreTest {

    static final String PROJECT = "77b6a44cba5143ab91d13ab9a8ff44fd";
    static final String INSTANCE = "11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d";
    static final ResetTarget TARGET = new ResetTarget(PROJECT, INSTANCE, "group_01", "topic_01");

    @TempDir
    Path dir;

    /** Two brokers, topic_01 with 2 queues on broker-2 and 1 on broker-1, messages at 1000..1004 on each. */
    static EmbeddedStore seeded(Path dir) throws IOException {
        EmbeddedStore store = EmbeddedStore.open(dir);
        store.putInstance(INSTANCE, PROJECT, List.of("broker-2", "broker-1"));
        store.putGroup(INSTANCE, "group_01");
        store.putTopic(INSTANCE, "topic_01", Map.of("broker-1", 1, "broker-2", 2));
        for (String broker : List.of("broker-1", "broker-2")) {
            store.append(
                    INSTANCE, "topic_01", broker, 0, new long[] {1000, 1001, 1002, 1003, 1004}, OptionalLong.empty());
        }
        store.append(INSTANCE, "topic_01", "broker-2", 1, new long[] {2000}, OptionalLong.of(40));
        return store;
    }

    @Test
    void deleteFilesRemovesTheStoresOwnFilesAndNothingElse() throws IOException {
        // GIVEN a closed store with queues and committed offsets, beside a file of the user's
        try (EmbeddedStore store = seeded(dir)) {
            store.resetByTime(TARGET, 1002);
        }
        Path notes = Files.writeString(dir.resolve("notes.txt"), "mine");

        // WHEN its files are deleted
        EmbeddedStore.deleteFiles(dir);

        // THEN only the user's file is left, and the store opens empty
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(notes);
        }
        try (EmbeddedStore reopened = EmbeddedStore.open(dir)) {
            assertThat(reopened.isEmpty()).isTrue();
        }
    }

    @Test
    void resetCoversEveryQueueSortedByBrokerThenQueue() throws IOException {
        // GIVEN queues on two brokers, declared out of order
        try (EmbeddedStore store = seeded(dir)) {
            // WHEN the group is reset to 1002
            List<QueueOffset> offsets = store.resetByTime(TARGET, 1002);

            // THEN every queue is listed once, broker then queue id, at its first message >= 1002
            assertThat(offsets)
                    .containsExactly(
                            new QueueOffset("broker-1", 0, 2),
                            new QueueOffset("broker-2", 0, 2),
                            new QueueOffset("broker-2", 1, 40));
        }
    }

    @Test
    void namesAtTheContractsLongestInUpperCaseAreStoredAndReset() throws IOException {
        // GIVEN a topic of 127 and a group of 120 characters, the contract's longest, upper case (each
        // letter three bytes in a file name)
        String topic = "T" + "%|".repeat(3) + "A".repeat(120);
        String group = "G" + "B".repeat(119);
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            store.putInstance(INSTANCE, PROJECT, List.of("broker-1"));
            store.putGroup(INSTANCE, group);
            store.putTopic(INSTANCE, topic, Map.of("broker-1", 1));
            store.append(INSTANCE, topic, "broker-1", 0, new long[] {1000, 2000}, OptionalLong.empty());

            // WHEN the group is reset on the topic
            List<QueueOffset> offsets = store.resetByTime(new ResetTarget(PROJECT, INSTANCE, group, topic), 1500);

            // THEN the reset applies and is read back, also after a reopen
            assertThat(offsets).containsExactly(new QueueOffset("broker-1", 0, 1));
        }
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            assertThat(store.offsets(INSTANCE, group, topic))
                    .containsExactly(new QueueState("broker-1", 0, 1L, 0, 2, 2000));
        }
    }

    @Test
    void namesKeptWholeAtTheFileNameLimitAreStoredOnDisk() throws IOException {
        // GIVEN a group whose directory name is 255 bytes, and a topic whose offsets file, while it is
        // written atomically, is named in 255 bytes: the longest names stored whole
        String group = "G".repeat(85);
        String topic = "T".repeat(82) + "t";
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            store.putInstance(INSTANCE, PROJECT, List.of("broker-1"));
            store.putGroup(INSTANCE, group);
            store.putTopic(INSTANCE, topic, Map.of("broker-1", 1));
            store.append(INSTANCE, topic, "broker-1", 0, new long[] {1000, 2000}, OptionalLong.empty());

            // WHEN the group is reset on the topic
            store.resetByTime(new ResetTarget(PROJECT, INSTANCE, group, topic), 1500);
        }

        // THEN its files are there under the plain names, and read back after a reopen
        assertThat(dir.resolve("offsets")
                        .resolve(INSTANCE)
                        .resolve("%47".repeat(85))
                        .resolve("%54".repeat(82) + "t.log"))
                .isRegularFile();
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            assertThat(store.offsets(INSTANCE, group, topic))
                    .containsExactly(new QueueState("broker-1", 0, 1L, 0, 2, 2000));
        }
    }

    @Test
    void oneInstanceAndOneTopicAreLookedUpByName() throws IOException {
        try (EmbeddedStore store = seeded(dir)) {
            store.putInstance("other", PROJECT, List.of("broker-9"));

            // WHEN an instance and a topic are looked up
            InstanceView instance = store.instance(INSTANCE);
            InstanceView.TopicView topic = store.topic(INSTANCE, "topic_01");

            // THEN they are as the store holds them, and an unknown name is refused
            assertThat(instance.instanceId()).isEqualTo(INSTANCE);
            assertThat(instance.brokers()).containsExactly("broker-1", "broker-2");
            assertThat(instance.groups()).containsExactly("group_01");
            assertThat(topic.topic()).isEqualTo("topic_01");
            assertThat(topic.queues()).containsExactly(Map.entry("broker-1", 1), Map.entry("broker-2", 2));
            assertThatThrownBy(() -> store.instance("absent")).isInstanceOf(UnknownInstanceException.class);
            assertThatThrownBy(() -> store.topic("absent", "topic_01")).isInstanceOf(UnknownInstanceException.class);
            assertThatThrownBy(() -> store.topic(INSTANCE, "absent")).isInstanceOf(UnknownTopicException.class);
        }
    }

    @Test
    void resetMovesBackwardsAndForwards() throws IOException {
        try (EmbeddedStore store = seeded(dir)) {
            store.resetByTime(TARGET, -1);
            assertThat(store.offsets(INSTANCE, "group_01", "topic_01"))
                    .extracting(QueueState::consumerOffset)
                    .containsExactly(5L, 5L, 41L);

            store.resetByTime(TARGET, 0);
            assertThat(store.offsets(INSTANCE, "group_01", "topic_01"))
                    .extracting(QueueState::consumerOffset)
                    .containsExactly(0L, 0L, 40L);
        }
    }

    @Test
    void reopenedStoreHasTheSameCatalogMessagesAndOffsets() throws IOException {
        // GIVEN a store with data and a committed reset, closed
        try (EmbeddedStore store = seeded(dir)) {
            store.resetByTime(TARGET, 1003);
        }

        // WHEN it is opened again
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            // THEN offsets, ranges and lookups are as before
            assertThat(store.offsets(INSTANCE, "group_01", "topic_01"))
                    .containsExactly(
                            new QueueState("broker-1", 0, 3L, 0, 5, 1004),
                            new QueueState("broker-2", 0, 3L, 0, 5, 1004),
                            new QueueState("broker-2", 1, 40L, 40, 41, 2000));
            assertThat(store.resetByTime(TARGET, 1001))
                    .extracting(QueueOffset::offset)
                    .containsExactly(1L, 1L, 40L);
        }
    }

    @Test
    void unknownNamesAreReportedInOrderInstanceGroupTopic() throws IOException {
        try (EmbeddedStore store = seeded(dir)) {
            assertThatThrownBy(() -> store.resetByTime(new ResetTarget("other", INSTANCE, "group_01", "topic_01"), 0))
                    .isInstanceOf(UnknownInstanceException.class);
            assertThatThrownBy(() -> store.resetByTime(new ResetTarget(PROJECT, "nope", "nope", "nope"), 0))
                    .isInstanceOf(UnknownInstanceException.class);
            assertThatThrownBy(() -> store.resetByTime(new ResetTarget(PROJECT, INSTANCE, "nope", "nope"), 0))
                    .isInstanceOf(UnknownGroupException.class);
            assertThatThrownBy(() -> store.resetByTime(new ResetTarget(PROJECT, INSTANCE, "group_01", "nope"), 0))
                    .isInstanceOf(UnknownTopicException.class);
        }
    }

    @Test
    void minOffsetOnlyWhileTheQueueIsEmpty() throws IOException {
        try (EmbeddedStore store = seeded(dir)) {
            assertThatThrownBy(
                            () -> store.append(INSTANCE, "topic_01", "broker-1", 0, new long[] {1}, OptionalLong.of(7)))
                    .isInstanceOf(StoreConflictException.class)
                    .hasMessageContaining("holds 5 messages");
        }
    }

    @Test
    void anInstanceCannotMoveToAnotherProject() throws IOException {
        try (EmbeddedStore store = seeded(dir)) {
            assertThatThrownBy(() -> store.putInstance(INSTANCE, "someoneelse", List.of()))
                    .isInstanceOf(StoreConflictException.class)
                    .hasMessageContaining(PROJECT);
        }
    }

    @Test
    void aSecondProcessCannotOpenTheSameDirectory() throws IOException {
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            assertThatThrownBy(() -> EmbeddedStore.open(dir)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aDeletedTopicAndGroupAreGoneWithTheirFilesAfterAReopenAndComeBackEmpty() throws IOException {
        // GIVEN a store whose group committed offsets on its topic
        try (EmbeddedStore store = seeded(dir)) {
            store.resetByTime(TARGET, 1002);

            // WHEN the topic and the group are deleted
            store.deleteTopic(INSTANCE, "topic_01");
            store.deleteGroup(INSTANCE, "group_01");

            // THEN they are gone at once
            assertThat(store.instance(INSTANCE).topics()).isEmpty();
            assertThat(store.instance(INSTANCE).groups()).isEmpty();
            assertThatThrownBy(() -> store.deleteTopic(INSTANCE, "topic_01")).isInstanceOf(UnknownTopicException.class);
            assertThatThrownBy(() -> store.deleteGroup(INSTANCE, "group_01")).isInstanceOf(UnknownGroupException.class);
        }
        // AND no queue or offsets file of theirs is left, nor a directory of theirs
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(dir::relativize).map(Path::toString))
                    .noneMatch(name -> name.contains("topic_01") || name.contains("group_01"))
                    .noneMatch(name -> name.endsWith(".log") && !name.equals("catalog.log"));
        }

        // AND after a reopen they are still gone; made again under the same names they start empty
        try (EmbeddedStore reopened = EmbeddedStore.open(dir)) {
            assertThat(reopened.instance(INSTANCE).topics()).isEmpty();
            assertThat(reopened.instance(INSTANCE).groups()).isEmpty();
            reopened.putGroup(INSTANCE, "group_01");
            reopened.putTopic(INSTANCE, "topic_01", Map.of("broker-1", 1));
            assertThat(reopened.offsets(INSTANCE, "group_01", "topic_01"))
                    .singleElement()
                    .satisfies(queue -> {
                        assertThat(queue.consumerOffset()).isNull();
                        assertThat(queue.maxOffset()).isZero();
                    });
        }
    }

    @Test
    void deletingAGroupLeavesTheOtherGroupsOffsetsOnTheTopic() throws IOException {
        try (EmbeddedStore store = seeded(dir)) {
            // GIVEN two groups that both committed on the topic
            store.putGroup(INSTANCE, "group_02");
            store.resetByTime(TARGET, 1002);
            store.resetByTime(new ResetTarget(PROJECT, INSTANCE, "group_02", "topic_01"), -1);

            // WHEN one group is deleted
            store.deleteGroup(INSTANCE, "group_01");

            // THEN the other keeps its offsets and the topic its messages
            assertThat(store.offsets(INSTANCE, "group_02", "topic_01"))
                    .extracting(QueueState::consumerOffset)
                    .containsExactly(5L, 5L, 41L);
        }
    }
}
