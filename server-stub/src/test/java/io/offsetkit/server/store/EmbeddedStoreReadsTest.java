package io.offsetkit.server.store;

import static io.offsetkit.server.store.EmbeddedStoreTest.INSTANCE;
import static io.offsetkit.server.store.EmbeddedStoreTest.PROJECT;
import static io.offsetkit.server.store.EmbeddedStoreTest.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.server.backend.ConsumerConnection;
import io.offsetkit.server.backend.GroupRef;
import io.offsetkit.server.backend.NoConsumerOffsetsException;
import io.offsetkit.server.backend.QueueOffset;
import io.offsetkit.server.backend.QueueProgress;
import io.offsetkit.server.backend.QueueStatus;
import io.offsetkit.server.backend.ResetTarget;
import io.offsetkit.server.backend.TopicRef;
import io.offsetkit.server.backend.UnknownGroupException;
import io.offsetkit.server.backend.UnknownInstanceException;
import io.offsetkit.server.backend.UnknownTopicException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four reads of the offset workflow on the embedded store: a group's topics, its progress on a
 * topic, a topic's status, a group's connected consumers. The store is {@link EmbeddedStoreTest#seeded}:
 * topic_01 with broker-1 queue 0 and broker-2 queue 0 (messages at 1000..1004, offsets 0..4) and
 * broker-2 queue 1 (one message at 2000, offset 40).
 */
class EmbeddedStoreReadsTest {

    static final GroupRef GROUP = new GroupRef(PROJECT, INSTANCE, "group_01");
    static final TopicRef TOPIC = new TopicRef(PROJECT, INSTANCE, "topic_01");

    @TempDir
    Path dir;

    // ---- groupProgress

    @Test
    void progressAfterAResetListsEveryQueueWithBrokerOffsetCommittedOffsetAndLastMessageTime() throws IOException {
        // GIVEN the group reset to 1002
        try (EmbeddedStore store = EmbeddedStoreTest.seeded(dir)) {
            store.resetByTime(TARGET, 1002);

            // WHEN its progress is read
            List<QueueProgress> progress = store.groupProgress(TARGET);

            // THEN every queue once, broker then queue id: broker offset = max offset, the committed
            // offset, the last message's store time, and the lag between them
            assertThat(progress)
                    .containsExactly(
                            new QueueProgress("broker-1", 0, 5, 2, 1004),
                            new QueueProgress("broker-2", 0, 5, 2, 1004),
                            new QueueProgress("broker-2", 1, 41, 40, 2000));
            assertThat(progress).extracting(QueueProgress::lag).containsExactly(3L, 3L, 1L);
        }
    }

    @Test
    void progressWalksTheEdgesOfTheCommittedOffsets() throws IOException {
        try (EmbeddedStore store = EmbeddedStoreTest.seeded(dir)) {
            // at the latest: no lag
            store.resetByTime(TARGET, -1);
            assertThat(store.groupProgress(TARGET))
                    .extracting(QueueProgress::lag)
                    .containsOnly(0L);

            // at the earliest: the whole queue is lag, a queue above 0 counts from its min offset
            store.resetByTime(TARGET, 0);
            assertThat(store.groupProgress(TARGET))
                    .extracting(QueueProgress::consumerOffset, QueueProgress::lag)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(0L, 5L),
                            org.assertj.core.groups.Tuple.tuple(0L, 5L),
                            org.assertj.core.groups.Tuple.tuple(40L, 1L));

            // messages appended after the reset: the broker offset grows, the committed one stays
            store.append(INSTANCE, "topic_01", "broker-1", 0, new long[] {3000, 2999}, OptionalLong.empty());
            assertThat(store.groupProgress(TARGET).get(0)).isEqualTo(new QueueProgress("broker-1", 0, 7, 0, 2999));
        }
    }

    @Test
    void aQueueWithoutAnOffsetShowsItsMinOffsetWhileOthersHaveOne() throws IOException {
        // GIVEN offsets committed on broker-1's queue only
        try (EmbeddedStore store = EmbeddedStoreTest.seeded(dir)) {
            store.commitOffsets(INSTANCE, "group_01", "topic_01", List.of(new QueueOffset("broker-1", 0, 4)));

            // WHEN the progress is read
            // THEN the other queues show their min offset, where a new consumer of the group would start
            assertThat(store.groupProgress(TARGET))
                    .containsExactly(
                            new QueueProgress("broker-1", 0, 5, 4, 1004),
                            new QueueProgress("broker-2", 0, 5, 0, 1004),
                            new QueueProgress("broker-2", 1, 41, 40, 2000));
            // AND the committed offsets still say which queues were never committed
            assertThat(store.offsets(INSTANCE, "group_01", "topic_01"))
                    .extracting(QueueState::consumerOffset)
                    .containsExactly(4L, null, null);
        }
    }

    @Test
    void aGroupWithoutAnyOffsetOnTheTopicHasNoProgress() throws IOException {
        try (EmbeddedStore store = EmbeddedStoreTest.seeded(dir)) {
            store.putTopic(INSTANCE, "topic_02", Map.of("broker-1", 1));
            store.resetByTime(new ResetTarget(PROJECT, INSTANCE, "group_01", "topic_02"), -1);

            // a group that never committed on topic_01 (it did on topic_02) is refused, naming both
            assertThatThrownBy(() -> store.groupProgress(TARGET))
                    .isInstanceOfSatisfying(NoConsumerOffsetsException.class, e -> {
                        assertThat(e.group()).isEqualTo("group_01");
                        assertThat(e.topic()).isEqualTo("topic_01");
                    })
                    .hasMessageContaining("'group_01'")
                    .hasMessageContaining("'topic_01'");
        }
    }

    @Test
    void progressRefusesUnknownNamesInTheResetsOrderInstanceGroupTopic() throws IOException {
        try (EmbeddedStore store = EmbeddedStoreTest.seeded(dir)) {
            // an instance of another project is as unknown as a missing one
            assertThatThrownBy(() -> store.groupProgress(new ResetTarget("other", INSTANCE, "group_01", "topic_01")))
                    .isInstanceOf(UnknownInstanceException.class);
            assertThatThrownBy(() -> store.groupProgress(new ResetTarget(PROJECT, "nope", "nope", "nope")))
                    .isInstanceOf(UnknownInstanceException.class);
            assertThatThrownBy(() -> store.groupProgress(new ResetTarget(PROJECT, INSTANCE, "nope", "nope")))
                    .isInstanceOf(UnknownGroupException.class);
            assertThatThrownBy(() -> store.groupProgress(new ResetTarget(PROJECT, INSTANCE, "group_01", "nope")))
                    .isInstanceOf(UnknownTopicException.class);
        }
    }

    @Test
    void progressIsTheSameAfterAReopen() throws IOException {
        // GIVEN a reset, and a store closed after it
        List<QueueProgress> before;
        try (EmbeddedStore store = EmbeddedStoreTest.seeded(dir)) {
            store.resetByTime(TARGET, 1003);
            before = store.groupProgress(TARGET);
        }

        // WHEN it is opened again THEN the progress reads the same, last message times included
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            assertThat(store.groupProgress(TARGET)).isEqualTo(before);
        }
    }

    @Test
    void theLastMessageTimeIsTheLastMessagesOwnEvenWhenTheClockSteppedBack() throws IOException {
        // GIVEN a queue whose last message was stored before the one ahead of it (a clock step back)
        try (EmbeddedStore store = EmbeddedStoreTest.seeded(dir)) {
            store.append(INSTANCE, "topic_01", "broker-2", 1, new long[] {5000, 4000}, OptionalLong.empty());

            // THEN its last message time is 4000, the time of the message at max offset - 1
            assertThat(store.topicStatus(TOPIC).get(2)).isEqualTo(new QueueStatus("broker-2", 1, 40, 43, 4000));
        }
        // AND after a reopen too (rebuilt from the file)
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            assertThat(store.topicStatus(TOPIC).get(2).lastMessageTime()).isEqualTo(4000);
        }
    }

    @Test
    void aReadSeesEachConcurrentResetWholeOrNotAtAll() throws Exception {
        // GIVEN a reset flipping the group between two times, on every queue, as fast as it can
        try (EmbeddedStore store = EmbeddedStoreTest.seeded(dir)) {
            List<Long> atEarliest = List.of(0L, 0L, 40L);
            List<Long> atLatest = List.of(5L, 5L, 41L);
            store.resetByTime(TARGET, 0);
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService resets = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> flipping = resets.submit(() -> {
                    int count = 0;
                    while (!stop.get()) {
                        store.resetByTime(TARGET, count++ % 2 == 0 ? -1 : 0);
                    }
                    return count;
                });

                // WHEN the progress is read again and again meanwhile
                boolean sawLatest = false;
                for (int read = 0; read < 2000 || (!sawLatest && read < 200_000); read++) {
                    List<Long> offsets = store.groupProgress(TARGET).stream()
                            .map(QueueProgress::consumerOffset)
                            .toList();

                    // THEN each read holds one reset's offsets on every queue, never a mix
                    assertThat(offsets).as("read %d", read).isIn(atEarliest, atLatest);
                    sawLatest |= offsets.equals(atLatest);
                }
                stop.set(true);
                assertThat(flipping.get()).isPositive();
                assertThat(sawLatest)
                        .as("a reset to the latest was seen by some read")
                        .isTrue();
            } finally {
                stop.set(true);
                resets.shutdown();
            }
        }
    }

    // ---- groupTopics

    @Test
    void aGroupsTopicsAreThoseItHoldsOffsetsOnSorted() throws IOException {
        try (EmbeddedStore store = EmbeddedStoreTest.seeded(dir)) {
            store.putTopic(INSTANCE, "b_topic", Map.of("broker-1", 1));
            store.putTopic(INSTANCE, "a_topic", Map.of("broker-1", 1));
            store.putTopic(INSTANCE, "untouched", Map.of("broker-1", 1));

            // a group that committed nothing has no topic
            assertThat(store.groupTopics(GROUP)).isEmpty();

            // WHEN it is reset on two topics and commits on a third, out of order
            store.resetByTime(new ResetTarget(PROJECT, INSTANCE, "group_01", "topic_01"), 0);
            store.resetByTime(new ResetTarget(PROJECT, INSTANCE, "group_01", "b_topic"), -1);
            store.commitOffsets(INSTANCE, "group_01", "a_topic", List.of(new QueueOffset("broker-1", 0, 0)));

            // THEN those three are its topics, sorted; another group still has none
            assertThat(store.groupTopics(GROUP)).containsExactly("a_topic", "b_topic", "topic_01");
            store.putGroup(INSTANCE, "group_02");
            assertThat(store.groupTopics(new GroupRef(PROJECT, INSTANCE, "group_02")))
                    .isEmpty();
        }
        // AND after a reopen too
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            assertThat(store.groupTopics(GROUP)).containsExactly("a_topic", "b_topic", "topic_01");
        }
    }

    @Test
    void groupTopicsRefusesAnUnknownInstanceThenGroup() throws IOException {
        try (EmbeddedStore store = EmbeddedStoreTest.seeded(dir)) {
            assertThatThrownBy(() -> store.groupTopics(new GroupRef("other", INSTANCE, "group_01")))
                    .isInstanceOf(UnknownInstanceException.class);
            assertThatThrownBy(() -> store.groupTopics(new GroupRef(PROJECT, "nope", "nope")))
                    .isInstanceOf(UnknownInstanceException.class);
            assertThatThrownBy(() -> store.groupTopics(new GroupRef(PROJECT, INSTANCE, "nope")))
                    .isInstanceOf(UnknownGroupException.class);
        }
    }

    @Test
    void readsWriteNoFile() throws IOException {
        // GIVEN a store with a group that never committed, and its files
        try (EmbeddedStore store = EmbeddedStoreTest.seeded(dir)) {
            List<Path> before = files();

            // WHEN every read runs, the refused ones included
            assertThat(store.groupTopics(GROUP)).isEmpty();
            assertThatThrownBy(() -> store.groupProgress(TARGET)).isInstanceOf(NoConsumerOffsetsException.class);
            store.topicStatus(TOPIC);
            store.consumers(GROUP);
            store.offsets(INSTANCE, "group_01", "topic_01");

            // THEN no file was created or grew
            assertThat(files()).isEqualTo(before);
        }
    }

    // ---- topicStatus

    @Test
    void topicStatusListsEveryQueueWithItsOffsetsAndLastMessageTime() throws IOException {
        // GIVEN topic_01, and a queue added on broker-1 that stays empty
        try (EmbeddedStore store = EmbeddedStoreTest.seeded(dir)) {
            store.putTopic(INSTANCE, "topic_01", Map.of("broker-1", 2));

            // WHEN its status is read
            // THEN every queue once, broker then queue id; the empty one at 0 with last message time 0
            assertThat(store.topicStatus(TOPIC))
                    .containsExactly(
                            new QueueStatus("broker-1", 0, 0, 5, 1004),
                            new QueueStatus("broker-1", 1, 0, 0, 0),
                            new QueueStatus("broker-2", 0, 0, 5, 1004),
                            new QueueStatus("broker-2", 1, 40, 41, 2000));
        }
    }

    @Test
    void anEmptyQueueAboveZeroHasItsMinOffsetAsBothBoundsAndNoLastMessageTime() throws IOException {
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            store.putInstance(INSTANCE, PROJECT, List.of("broker-1"));
            store.putTopic(INSTANCE, "retained", Map.of("broker-1", 1));
            store.append(INSTANCE, "retained", "broker-1", 0, new long[0], OptionalLong.of(5000));

            assertThat(store.topicStatus(new TopicRef(PROJECT, INSTANCE, "retained")))
                    .containsExactly(new QueueStatus("broker-1", 0, 5000, 5000, 0));
        }
    }

    @Test
    void topicStatusRefusesAnUnknownInstanceThenTopic() throws IOException {
        try (EmbeddedStore store = EmbeddedStoreTest.seeded(dir)) {
            assertThatThrownBy(() -> store.topicStatus(new TopicRef("other", INSTANCE, "topic_01")))
                    .isInstanceOf(UnknownInstanceException.class);
            assertThatThrownBy(() -> store.topicStatus(new TopicRef(PROJECT, "nope", "nope")))
                    .isInstanceOf(UnknownInstanceException.class);
            assertThatThrownBy(() -> store.topicStatus(new TopicRef(PROJECT, INSTANCE, "nope")))
                    .isInstanceOf(UnknownTopicException.class);
        }
    }

    // ---- consumers

    static GroupConsumer consumer(String clientId, boolean online) {
        return new GroupConsumer(
                clientId,
                "10.0.0.1:5000",
                "JAVA",
                "V5_3_1",
                online,
                List.of(new ConsumerConnection.Subscription("topic_01", "TAG", "*")));
    }

    @Test
    void consumersListsTheOnlineOnesSortedByClientId() throws IOException {
        // GIVEN three consumers declared out of order, one of them offline
        try (EmbeddedStore store = EmbeddedStoreTest.seeded(dir)) {
            assertThat(store.consumers(GROUP)).isEmpty();
            store.putConsumers(
                    INSTANCE,
                    "group_01",
                    List.of(consumer("c@3", true), consumer("a@1", true), consumer("b@2", false)),
                    true);

            // WHEN the connected consumers are read
            // THEN the two online ones, by client id, with their fields as declared
            assertThat(store.consumers(GROUP))
                    .containsExactly(
                            consumer("a@1", true).connection(),
                            consumer("c@3", true).connection());
            // AND the declaration keeps the offline one
            assertThat(store.declaredConsumers(INSTANCE, "group_01"))
                    .extracting(GroupConsumer::clientId)
                    .containsExactly("a@1", "b@2", "c@3");
        }
    }

    @Test
    void aConsumerGoesOfflineAndBackAndTheDeclarationSurvivesAReopen() throws IOException {
        try (EmbeddedStore store = EmbeddedStoreTest.seeded(dir)) {
            store.putConsumers(INSTANCE, "group_01", List.of(consumer("a@1", true), consumer("b@2", true)), true);

            // WHEN one goes offline
            GroupConsumer now = store.setConsumerOnline(INSTANCE, "group_01", "a@1", false);

            // THEN only the other is connected
            assertThat(now.online()).isFalse();
            assertThat(store.consumers(GROUP))
                    .extracting(ConsumerConnection::clientId)
                    .containsExactly("b@2");

            // AND a third added (not replacing), the other offline too
            store.putConsumers(INSTANCE, "group_01", List.of(consumer("c@3", true)), false);
            store.setConsumerOnline(INSTANCE, "group_01", "b@2", false);
        }
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            // THEN after a reopen the state is the last one written
            assertThat(store.consumers(GROUP))
                    .extracting(ConsumerConnection::clientId)
                    .containsExactly("c@3");
            assertThat(store.declaredConsumers(INSTANCE, "group_01"))
                    .extracting(GroupConsumer::clientId, GroupConsumer::online)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("a@1", false),
                            org.assertj.core.groups.Tuple.tuple("b@2", false),
                            org.assertj.core.groups.Tuple.tuple("c@3", true));

            // WHEN the group is declared again with none THEN it has none, and it is offline
            store.putConsumers(INSTANCE, "group_01", List.of(), true);
            assertThat(store.declaredConsumers(INSTANCE, "group_01")).isEmpty();
            assertThat(store.consumers(GROUP)).isEmpty();
        }
    }

    @Test
    void aDeclarationThatChangesNothingWritesNothing() throws IOException {
        try (EmbeddedStore store = EmbeddedStoreTest.seeded(dir)) {
            store.putConsumers(INSTANCE, "group_01", List.of(consumer("a@1", true)), true);
            long catalogBytes = Files.size(dir.resolve("catalog.log"));

            store.putConsumers(INSTANCE, "group_01", List.of(consumer("a@1", true)), true);
            store.putConsumers(INSTANCE, "group_01", List.of(consumer("a@1", true)), false);
            store.setConsumerOnline(INSTANCE, "group_01", "a@1", true);

            assertThat(Files.size(dir.resolve("catalog.log"))).isEqualTo(catalogBytes);
        }
    }

    @Test
    void consumersRefuseAnUnknownInstanceThenGroupAndAnUnknownClient() throws IOException {
        try (EmbeddedStore store = EmbeddedStoreTest.seeded(dir)) {
            assertThatThrownBy(() -> store.consumers(new GroupRef("other", INSTANCE, "group_01")))
                    .isInstanceOf(UnknownInstanceException.class);
            assertThatThrownBy(() -> store.consumers(new GroupRef(PROJECT, INSTANCE, "nope")))
                    .isInstanceOf(UnknownGroupException.class);
            assertThatThrownBy(() -> store.putConsumers(INSTANCE, "nope", List.of(), true))
                    .isInstanceOf(UnknownGroupException.class);
            assertThatThrownBy(() -> store.setConsumerOnline(INSTANCE, "group_01", "a@1", true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the group 'group_01' has no consumer 'a@1'; its consumers are []");
        }
    }

    @Test
    void aBadConsumerIsRefusedNamingTheFieldAndNothingIsWritten() throws IOException {
        try (EmbeddedStore store = EmbeddedStoreTest.seeded(dir)) {
            GroupConsumer good = consumer("a@1", true);
            Map<GroupConsumer, String> bad = Map.of(
                    new GroupConsumer("", "x:1", "JAVA", "V5_3_1", true, List.of()),
                    "consumers[1].client_id is missing or empty",
                    new GroupConsumer("a b", "x:1", "JAVA", "V5_3_1", true, List.of()),
                    "consumers[1].client_id 'a b' has a character outside visible ASCII characters, no space",
                    new GroupConsumer("b@2", "x".repeat(256), "JAVA", "V5_3_1", true, List.of()),
                    "consumers[1].client_addr has 256 characters; at most 255 are allowed",
                    new GroupConsumer("b@2", "x:1", "JA VA", "V5_3_1", true, List.of()),
                    "consumers[1].language 'JA VA' has a character outside [A-Za-z0-9_]",
                    new GroupConsumer("b@2", "x:1", "JAVA", null, true, List.of()),
                    "consumers[1].version is missing or empty",
                    new GroupConsumer(
                            "b@2",
                            "x:1",
                            "JAVA",
                            "V5_3_1",
                            true,
                            List.of(new ConsumerConnection.Subscription("topic_01", "REGEX", "*"))),
                    "consumers[1].subscriptions[0].type 'REGEX' must be one of [TAG, SQL92]",
                    new GroupConsumer(
                            "b@2",
                            "x:1",
                            "JAVA",
                            "V5_3_1",
                            true,
                            List.of(new ConsumerConnection.Subscription("bad topic", "TAG", "*"))),
                    "consumers[1].subscriptions[0].topic 'bad topic' has a character outside",
                    new GroupConsumer(
                            "b@2",
                            "x:1",
                            "JAVA",
                            "V5_3_1",
                            true,
                            List.of(new ConsumerConnection.Subscription("topic_01", "SQL92", ""))),
                    "consumers[1].subscriptions[0].expression is missing or empty",
                    consumer("a@1", false),
                    "consumers[1].client_id 'a@1' is declared twice");
            long catalogBytes = Files.size(dir.resolve("catalog.log"));

            bad.forEach((consumer, message) -> assertThatThrownBy(
                            () -> store.putConsumers(INSTANCE, "group_01", List.of(good, consumer), true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(message));

            assertThat(store.declaredConsumers(INSTANCE, "group_01")).isEmpty();
            assertThat(Files.size(dir.resolve("catalog.log"))).isEqualTo(catalogBytes);
        }
    }

    // ---- commitOffsets

    @Test
    void commitOffsetsRefusesAnOffsetOutsideItsQueueAndAnUnknownQueue() throws IOException {
        try (EmbeddedStore store = EmbeddedStoreTest.seeded(dir)) {
            // the range's edges are allowed: min offset and max offset
            store.commitOffsets(
                    INSTANCE,
                    "group_01",
                    "topic_01",
                    List.of(new QueueOffset("broker-2", 1, 40), new QueueOffset("broker-1", 0, 5)));
            assertThat(store.offsets(INSTANCE, "group_01", "topic_01"))
                    .extracting(QueueState::consumerOffset)
                    .containsExactly(5L, null, 40L);

            // one past them is not
            assertThatThrownBy(() -> store.commitOffsets(
                            INSTANCE, "group_01", "topic_01", List.of(new QueueOffset("broker-2", 1, 39))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the offset 39 of queue 1 of broker 'broker-2' is outside its range [40, 41]");
            assertThatThrownBy(() -> store.commitOffsets(
                            INSTANCE, "group_01", "topic_01", List.of(new QueueOffset("broker-1", 0, 6))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.commitOffsets(
                            INSTANCE, "group_01", "topic_01", List.of(new QueueOffset("broker-1", 3, 0))))
                    .isInstanceOf(UnknownBrokerException.class);
            assertThatThrownBy(() -> store.commitOffsets(
                            INSTANCE,
                            "group_01",
                            "topic_01",
                            List.of(new QueueOffset("broker-1", 0, 1), new QueueOffset("broker-1", 0, 2))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("given twice");

            // AND the refused commits left the offsets as they were
            assertThat(store.offsets(INSTANCE, "group_01", "topic_01"))
                    .extracting(QueueState::consumerOffset)
                    .containsExactly(5L, null, 40L);
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> tree = Files.walk(dir)) {
            return tree.filter(Files::isRegularFile)
                    .map(path -> path.resolveSibling(path.getFileName() + "#" + size(path)))
                    .sorted()
                    .toList();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
