package io.offsetkit.server.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.offsetkit.server.backend.ConsumerConnection;
import io.offsetkit.server.backend.GroupRef;
import io.offsetkit.server.backend.QueueOffset;
import io.offsetkit.server.backend.ResetTarget;
import io.offsetkit.server.fixture.FixtureFile;
import io.offsetkit.server.fixture.FixtureLoader;
import io.offsetkit.server.store.EmbeddedStore;
import io.offsetkit.server.store.InstanceView;
import io.offsetkit.server.store.QueueState;
import io.offsetkit.server.testsupport.docs.Repository;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture file of the server's README (block fixture-file), read by the server's fixture reader
 * and applied to a real embedded store in a directory of the test's: it makes what its comments
 * say, and the documented reset answers from it.
 */
class ServerReadmeFixtureTest {

    private static final String INSTANCE = "11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d";
    private static final String PROJECT = "77b6a44cba5143ab91d13ab9a8ff44fd";

    @TempDir
    Path dir;

    @Test
    void theReadmesFixtureMakesTheDocumentedInstanceWithTwoPlusAThousandMessages() throws Exception {
        // GIVEN the README's fixture
        String text =
                Repository.readme("server-stub/README.md").block("fixture-file").text();

        try (EmbeddedStore store = EmbeddedStore.open(dir.resolve("data"))) {
            // WHEN the server reads it and applies it to a fresh store
            var fixture = FixtureFile.read(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "the README's fixture");
            FixtureLoader.apply(fixture, store, "the README's fixture");

            // THEN the store holds the instance, its brokers, its group and its topic of one queue
            assertThat(store.instances()).hasSize(1);
            InstanceView instance = store.instances().get(0);
            assertThat(instance.instanceId()).isEqualTo(INSTANCE);
            assertThat(instance.projectId()).isEqualTo(PROJECT);
            assertThat(instance.brokers()).containsExactly("broker-1", "broker-2");
            assertThat(instance.groups()).containsExactly("group_01", "group_02", "group_03");
            assertThat(instance.topics()).singleElement().satisfies(topic -> {
                assertThat(topic.topic()).isEqualTo("topic_01");
                assertThat(topic.queues()).containsExactly(Map.entry("broker-1", 1));
            });
            // the two listed messages, then the thousand generated ones, on the topic's only queue
            assertThat(store.offsets(INSTANCE, "group_01", "topic_01"))
                    .extracting(
                            QueueState::brokerName,
                            QueueState::consumerOffset,
                            QueueState::minOffset,
                            QueueState::maxOffset)
                    .containsExactly(tuple("broker-1", 1002L, 0L, 1002L));
            // AND group_01 is committed at the latest offset, group_02 where its queues say, group_03 nowhere
            assertThat(store.offsets(INSTANCE, "group_02", "topic_01"))
                    .extracting(QueueState::consumerOffset)
                    .containsExactly(2L);
            assertThat(store.groupTopics(new GroupRef(PROJECT, INSTANCE, "group_03")))
                    .isEmpty();
            // AND group_01 has its one consumer, online, as declared; the others have none
            assertThat(store.consumers(new GroupRef(PROJECT, INSTANCE, "group_01")))
                    .containsExactly(new ConsumerConnection(
                            "192.168.0.10@4711#1662652800000",
                            "192.168.0.10:53412",
                            "JAVA",
                            "V5_3_1",
                            List.of(new ConsumerConnection.Subscription("topic_01", "TAG", "*"))));
            assertThat(store.declaredConsumers(INSTANCE, "group_02")).isEmpty();

            // AND a reset to the first message's time answers offset 0, to the second's 1, to -1 the end
            ResetTarget target = new ResetTarget(PROJECT, INSTANCE, "group_01", "topic_01");
            assertThat(store.resetByTime(target, 1662652800000L)).containsExactly(new QueueOffset("broker-1", 0, 0));
            assertThat(store.resetByTime(target, 1662652801000L)).containsExactly(new QueueOffset("broker-1", 0, 1));
            assertThat(store.resetByTime(target, -1)).containsExactly(new QueueOffset("broker-1", 0, 1002));
        }
    }
}
