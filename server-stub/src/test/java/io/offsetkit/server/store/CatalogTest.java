package io.offsetkit.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.server.backend.ResetTarget;
import io.offsetkit.server.backend.TopicRef;
import io.offsetkit.server.backend.UnknownInstanceException;
import io.offsetkit.server.store.log.RecordLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {

    @TempDir
    Path dir;

    StoreLayout layout() {
        return StoreLayout.of(dir);
    }

    /** Writes a catalog file holding exactly these commands, as a crash-free past would have. */
    void writeCatalog(CatalogCommand... commands) throws IOException {
        try (RecordLog log = RecordLog.open(layout().catalogFile(), payload -> {})) {
            for (CatalogCommand command : commands) {
                log.append(CatalogCommand.encode(command));
            }
        }
    }

    @Test
    void openReplaysTheFileAndRepeatedCommandsChangeNothing() throws IOException {
        // GIVEN a catalog file in which commands repeat, and a later topic command names fewer queues
        writeCatalog(
                new CatalogCommand.PutInstance("i-1", "p-1", List.of("b-1")),
                new CatalogCommand.PutInstance("i-1", "p-1", List.of("b-1", "b-2")),
                new CatalogCommand.PutTopic("i-1", "t-1", Map.of("b-1", 2)),
                new CatalogCommand.PutGroup("i-1", "g-1"),
                new CatalogCommand.PutTopic("i-1", "t-1", Map.of("b-1", 1, "b-2", 1)),
                new CatalogCommand.PutGroup("i-1", "g-1"));

        // WHEN it is opened
        try (Catalog catalog = Catalog.open(layout())) {
            // THEN it holds the union of the commands, each applied once
            InstanceView instance = catalog.instances().get(0);
            assertThat(catalog.instances()).hasSize(1);
            assertThat(instance.brokers()).containsExactly("b-1", "b-2");
            assertThat(instance.topics().get(0).queues()).containsExactly(Map.entry("b-1", 2), Map.entry("b-2", 1));
            assertThat(instance.groups()).containsExactly("g-1");
        }
    }

    @Test
    void changesSurviveAReopen() throws IOException {
        List<InstanceView> before;
        try (Catalog catalog = Catalog.open(layout())) {
            catalog.putInstance("i-1", "p-1", List.of("b-1"));
            catalog.putTopic("i-1", "t-1", Map.of("b-1", 3));
            catalog.putGroup("i-1", "g-1");
            before = catalog.instances();
        }

        try (Catalog catalog = Catalog.open(layout())) {
            assertThat(catalog.instances()).isEqualTo(before).isNotEmpty();
        }
    }

    @Test
    void aChangeTheCatalogHoldsAlreadyWritesNothing() throws IOException {
        try (Catalog catalog = Catalog.open(layout())) {
            catalog.putInstance("i-1", "p-1", List.of("b-1", "b-2"));
            catalog.putTopic("i-1", "t-1", Map.of("b-1", 2));
            catalog.putGroup("i-1", "g-1");
            long size = Files.size(layout().catalogFile());

            // WHEN every change is asked for again, or for less
            catalog.putInstance("i-1", "p-1", List.of("b-2"));
            catalog.putTopic("i-1", "t-1", Map.of("b-1", 1));
            catalog.putGroup("i-1", "g-1");

            // THEN the catalog file did not grow
            assertThat(Files.size(layout().catalogFile())).isEqualTo(size);
        }
    }

    @Test
    void aRefusedChangeWritesNothing() throws IOException {
        try (Catalog catalog = Catalog.open(layout())) {
            catalog.putInstance("i-1", "p-1", List.of("b-1"));
            long size = Files.size(layout().catalogFile());

            assertThatThrownBy(() -> catalog.putInstance("i-1", "p-2", List.of("b-9")))
                    .isInstanceOf(StoreConflictException.class);

            assertThat(Files.size(layout().catalogFile())).isEqualTo(size);
        }
    }

    @Test
    void aResetsQueuesAreFoundOnlyInTheInstancesProject() throws IOException {
        try (Catalog catalog = Catalog.open(layout())) {
            catalog.putInstance("i-1", "p-1", List.of("b-1"));
            catalog.putTopic("i-1", "t-1", Map.of("b-1", 2));
            catalog.putGroup("i-1", "g-1");

            assertThat(catalog.queuesToReset(new ResetTarget("p-1", "i-1", "g-1", "t-1")))
                    .extracting(TopicQueue::queueId)
                    .containsExactly(0, 1);
            assertThatThrownBy(() -> catalog.queuesToReset(new ResetTarget("p-2", "i-1", "g-1", "t-1")))
                    .isInstanceOf(UnknownInstanceException.class);
        }
    }

    @Test
    void catalogChangesAndReadsTakeTheCatalogsMonitor() throws Exception {
        try (Catalog catalog = Catalog.open(layout())) {
            catalog.putInstance("i-1", "p-1", List.of("b-1"));
            catalog.putTopic("i-1", "t-1", Map.of("b-1", 1));

            // WHEN another thread holds Catalog.this THEN a change and a lookup wait for it
            Monitors.assertWaitsFor(catalog, () -> {
                catalog.putGroup("i-1", "g-1");
                return null;
            });
            QueueLog queue = Monitors.assertWaitsFor(catalog, () -> catalog.queue("i-1", "t-1", "b-1", 0));

            assertThat(catalog.instances().get(0).groups()).containsExactly("g-1");
            assertThat(queue.range()).isEqualTo(new OffsetRange(0, 0));
        }
    }

    @Test
    void aTopicsQueuesAreListedAnewOnceItGrows() throws IOException {
        try (Catalog catalog = Catalog.open(layout())) {
            // GIVEN a topic of two queues, listed once
            catalog.putInstance("i-1", "p-1", List.of("b-1", "b-2"));
            catalog.putTopic("i-1", "t-1", Map.of("b-1", 2));
            TopicRef topic = new TopicRef("p-1", "i-1", "t-1");
            List<TopicQueue> before = catalog.topicQueues(topic);

            // WHEN it grows by a queue on another broker
            catalog.putTopic("i-1", "t-1", Map.of("b-1", 2, "b-2", 1));

            // THEN the next listing has all three, sorted, and the first listing is unchanged
            assertThat(catalog.topicQueues(topic))
                    .extracting(queue -> queue.broker() + "/" + queue.queueId())
                    .containsExactly("b-1/0", "b-1/1", "b-2/0");
            assertThat(before).extracting(TopicQueue::queueId).containsExactly(0, 1);
            assertThatThrownBy(() -> before.add(before.get(0))).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
