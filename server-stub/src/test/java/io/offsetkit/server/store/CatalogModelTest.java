package io.offsetkit.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.server.backend.ConsumerConnection;
import io.offsetkit.server.backend.UnknownGroupException;
import io.offsetkit.server.backend.UnknownInstanceException;
import io.offsetkit.server.backend.UnknownTopicException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogModelTest {

    static final CatalogCommand INSTANCE = new CatalogCommand.PutInstance("i-1", "p-1", List.of("b-2", "b-1"));
    static final CatalogCommand TOPIC = new CatalogCommand.PutTopic("i-1", "t-1", Map.of("b-1", 2, "b-2", 1));
    static final CatalogCommand GROUP = new CatalogCommand.PutGroup("i-1", "g-1");

    @TempDir
    Path dir;

    CatalogModel model() {
        return new CatalogModel(StoreLayout.of(dir));
    }

    @Test
    void applyingEveryCommandTwiceChangesNothing() throws IOException {
        // GIVEN one model built by each command once, another by each command twice
        CatalogModel once = model();
        CatalogModel twice = model();
        for (CatalogCommand command : List.of(INSTANCE, TOPIC, GROUP)) {
            once.apply(command);
            twice.apply(command);
        }
        QueueLog queueBefore = twice.queue("i-1", "t-1", "b-1", 1);
        for (CatalogCommand command : List.of(INSTANCE, TOPIC, GROUP)) {
            twice.apply(command);
        }

        // THEN both hold the same catalog, and no queue was opened a second time
        assertThat(twice.views()).isEqualTo(once.views());
        assertThat(twice.views())
                .containsExactly(new InstanceView(
                        "i-1",
                        "p-1",
                        List.of("b-1", "b-2"),
                        List.of(new InstanceView.TopicView("t-1", new TreeMap<>(Map.of("b-1", 2, "b-2", 1)))),
                        List.of("g-1")));
        assertThat(twice.queue("i-1", "t-1", "b-1", 1)).isSameAs(queueBefore);
    }

    @Test
    void aSmallerTopicCommandNeverRemovesQueues() throws IOException {
        CatalogModel model = model();
        model.apply(INSTANCE);
        model.apply(TOPIC);

        // WHEN a later command names fewer queues
        model.apply(new CatalogCommand.PutTopic("i-1", "t-1", Map.of("b-1", 1)));

        // THEN the topic keeps the queues it had
        assertThat(model.topicView("i-1", "t-1").queues()).containsExactly(Map.entry("b-1", 2), Map.entry("b-2", 1));
    }

    @Test
    void openingQueuesCreatesNoFile() throws IOException {
        CatalogModel model = model();
        model.apply(INSTANCE);
        model.apply(TOPIC);

        assertThat(dir.resolve("queues")).doesNotExist();
    }

    @Test
    void aCommandIsDecidedOnlyForWhatIsMissing() throws IOException {
        CatalogModel model = model();
        assertThat(model.putInstanceCommand("i-1", "p-1", List.of("b-1"))).isNotEmpty();
        model.apply(INSTANCE);
        model.apply(TOPIC);
        model.apply(GROUP);

        // an instance with no new broker, a topic with no more queues, a known group: nothing to write
        assertThat(model.putInstanceCommand("i-1", "p-1", List.of("b-1"))).isEmpty();
        assertThat(model.putTopicCommand("i-1", "t-1", Map.of("b-1", 2))).isEmpty();
        assertThat(model.putGroupCommand("i-1", "g-1")).isEmpty();

        // a new broker, one more queue, a new group: exactly that command
        assertThat(model.putInstanceCommand("i-1", "p-1", List.of("b-3")))
                .contains(new CatalogCommand.PutInstance("i-1", "p-1", List.of("b-3")));
        assertThat(model.putTopicCommand("i-1", "t-1", Map.of("b-2", 2)))
                .contains(new CatalogCommand.PutTopic("i-1", "t-1", Map.of("b-2", 2)));
        assertThat(model.putGroupCommand("i-1", "g-2")).contains(new CatalogCommand.PutGroup("i-1", "g-2"));
    }

    @Test
    void decidingACommandChangesNothing() throws IOException {
        CatalogModel model = model();
        model.apply(INSTANCE);

        model.putTopicCommand("i-1", "t-1", Map.of("b-1", 1));
        model.putGroupCommand("i-1", "g-1");

        assertThat(model.view("i-1").topics()).isEmpty();
        assertThat(model.view("i-1").groups()).isEmpty();
    }

    @Test
    void aChangeThatContradictsTheModelIsRefusedWithTheValuesInvolved() throws IOException {
        CatalogModel model = model();
        model.apply(INSTANCE);

        assertThatThrownBy(() -> model.putInstanceCommand("i-1", "p-2", List.of()))
                .isInstanceOf(StoreConflictException.class)
                .hasMessage("the instance 'i-1' belongs to project 'p-1', not 'p-2'");
        assertThatThrownBy(() -> model.putTopicCommand("i-1", "t-1", Map.of("b-9", 1)))
                .isInstanceOf(UnknownBrokerException.class)
                .hasMessage("the instance 'i-1' has no broker 'b-9'; its brokers are [b-1, b-2]");
        assertThatThrownBy(() -> model.putTopicCommand("i-1", "t-1", Map.of("b-1", 1025)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a topic has 1 to 1024 queues per broker; b-1 was given 1025");
    }

    @Test
    void aGroupsQueuesAreCheckedInstanceThenGroupThenTopicAndSortedByBrokerThenId() throws IOException {
        CatalogModel model = model();
        model.apply(INSTANCE);
        model.apply(TOPIC);
        model.apply(GROUP);

        assertThatThrownBy(() -> model.queues("nope", "nope", "nope")).isInstanceOf(UnknownInstanceException.class);
        assertThatThrownBy(() -> model.queues("i-1", "nope", "nope")).isInstanceOf(UnknownGroupException.class);
        assertThatThrownBy(() -> model.queues("i-1", "g-1", "nope")).isInstanceOf(UnknownTopicException.class);
        assertThat(model.queues("i-1", "g-1", "t-1"))
                .extracting(queue -> queue.broker() + "/" + queue.queueId())
                .containsExactly("b-1/0", "b-1/1", "b-2/0");
    }

    @Test
    void anInstanceOfAnotherProjectIsUnknown() throws IOException {
        CatalogModel model = model();
        model.apply(INSTANCE);

        model.checkInstanceInProject("i-1", "p-1");
        assertThatThrownBy(() -> model.checkInstanceInProject("i-1", "p-2"))
                .isInstanceOf(UnknownInstanceException.class);
    }

    @Test
    void aQueueOutsideTheTopicNamesTheQueuesItHas() throws IOException {
        CatalogModel model = model();
        model.apply(INSTANCE);
        model.apply(TOPIC);

        assertThatThrownBy(() -> model.queue("i-1", "t-1", "b-2", 1))
                .isInstanceOf(UnknownBrokerException.class)
                .hasMessage("the topic 't-1' has no queue 1 on broker 'b-2'; its queues per broker are {b-1=2, b-2=1}");
    }

    static GroupConsumer consumer(String clientId, boolean online) {
        return new GroupConsumer(
                clientId,
                "h:1",
                "JAVA",
                "V5_3_1",
                online,
                List.of(
                        new ConsumerConnection.Subscription("t-1", "SQL92", "a > 1"),
                        new ConsumerConnection.Subscription("t-2", "TAG", "*")));
    }

    @Test
    void consumerCommandsReplaceOrMergeAndReplayToTheSameState() throws IOException {
        // GIVEN a group declared with a and b, then c merged in and a set offline, then replaced by d alone
        List<CatalogCommand> commands = List.of(
                INSTANCE,
                GROUP,
                new CatalogCommand.PutConsumers("i-1", "g-1", true, List.of(consumer("b", true), consumer("a", true))),
                new CatalogCommand.PutConsumers("i-1", "g-1", false, List.of(consumer("c", true))),
                new CatalogCommand.PutConsumers("i-1", "g-1", false, List.of(consumer("a", false))));
        CatalogModel model = model();
        for (CatalogCommand command : commands) {
            model.apply(command);
        }

        // THEN merges keep the others, sorted by client id
        assertThat(model.consumers("i-1", "g-1"))
                .containsExactly(consumer("a", false), consumer("b", true), consumer("c", true));
        // AND the commands survive their own encoding, and replaying them gives the same state
        CatalogModel replayed = model();
        for (CatalogCommand command : commands) {
            replayed.apply(CatalogCommand.decode(java.nio.ByteBuffer.wrap(CatalogCommand.encode(command))));
        }
        assertThat(replayed.consumers("i-1", "g-1")).isEqualTo(model.consumers("i-1", "g-1"));

        // WHEN a replacing declaration comes THEN it is the group's only consumer
        model.apply(new CatalogCommand.PutConsumers("i-1", "g-1", true, List.of(consumer("d", true))));
        assertThat(model.consumers("i-1", "g-1")).containsExactly(consumer("d", true));
        // AND a declaration or a switch it already reflects is no command at all
        assertThat(model.putConsumersCommand("i-1", "g-1", List.of(consumer("d", true)), true))
                .isEmpty();
        assertThat(model.putConsumersCommand("i-1", "g-1", List.of(consumer("d", true)), false))
                .isEmpty();
        assertThat(model.consumerOnlineCommand("i-1", "g-1", "d", true)).isEmpty();
        assertThat(model.consumerOnlineCommand("i-1", "g-1", "d", false)).isPresent();
    }
}
