package io.offsetkit.server.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.server.backend.QueueOffset;
import io.offsetkit.server.backend.ResetTarget;
import io.offsetkit.server.error.SettingException;
import io.offsetkit.server.store.EmbeddedStore;
import io.offsetkit.server.store.InstanceView;
import io.offsetkit.server.store.QueueState;
import io.offsetkit.server.testsupport.Ids;
import io.offsetkit.server.testsupport.TestEngines;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backend the settings choose, as the engine opens it at start-up (no HTTP server). */
class EngineTest {

    @TempDir
    Path dir;

    private Engine start(String... settings) {
        return TestEngines.start(dir, settings);
    }

    @Test
    void theDefaultBackendIsTheEmbeddedStoreSeededWithTheFixtureOnlyWhenEmpty() throws Exception {
        // GIVEN an empty data directory and no backend setting
        try (Engine engine = start()) {
            // THEN the backend is the embedded store, seeded from the default fixture
            EmbeddedStore store = engine.store();
            assertThat(store).isNotNull();
            assertThat(store.directory()).isEqualTo(dir);
            assertThat(store.instances()).extracting(InstanceView::instanceId).containsExactly(Ids.INSTANCE);
            // AND the resets the engine answers are the store's
            List<QueueOffset> offsets =
                    engine.backend().resetByTime(new ResetTarget(Ids.PROJECT, Ids.INSTANCE, Ids.GROUP, Ids.TOPIC), -1);
            assertThat(offsets).containsExactly(new QueueOffset("broker-1", 0, 100));
            assertThat(store.offsets(Ids.INSTANCE, Ids.GROUP, Ids.TOPIC))
                    .extracting(QueueState::consumerOffset)
                    .containsExactly(100L);
            store.putInstance("added-later", "p", List.of());
        }

        // WHEN the data directory, which now has data, is opened with a fixture that does not even exist
        try (Engine engine = start("offsetkit.fixture=/no/such/file.yaml")) {
            // THEN it is opened as it is: the fixture is not applied again, nothing is lost
            assertThat(engine.store().instances())
                    .extracting(InstanceView::instanceId)
                    .containsExactly(Ids.INSTANCE, "added-later");
            assertThat(engine.store().offsets(Ids.INSTANCE, Ids.GROUP, Ids.TOPIC))
                    .extracting(QueueState::consumerOffset)
                    .containsExactly(100L);
        }
    }

    @Test
    void anEmptyStoreWithFixtureNoneStartsEmpty() throws Exception {
        try (Engine engine = start("offsetkit.fixture=none")) {
            assertThat(engine.store().isEmpty()).isTrue();
            assertThat(engine.banner("http://127.0.0.1:1"))
                    .last()
                    .asString()
                    .contains("create them with the admin API");
        }
    }

    @Test
    void aMissingFixtureFileStopsTheStartNamingTheKey() throws Exception {
        assertThatThrownBy(() -> start("offsetkit.fixture=/no/such/file.yaml"))
                .hasMessageContaining("offsetkit.fixture=/no/such/file.yaml")
                .hasMessageContaining("no such file");

        // AND the failed start released the data directory: the next start opens it
        try (Engine engine = start("offsetkit.fixture=none")) {
            assertThat(engine.store().isEmpty()).isTrue();
        }
    }

    @Test
    void aFixtureRefusedHalfWayLeavesAFreshDirectoryEmptyForTheNextStart() throws Exception {
        // GIVEN a fixture whose first topic is fine and whose second names a broker the instance lacks
        Path fixture = Files.writeString(dir.resolveSibling(dir.getFileName() + "-fixture.yaml"), """
                instances:
                  - instance_id: i-1
                    project_id: p-1
                    brokers: [broker-1]
                    topics:
                      - name: written-first
                        queues: {broker-1: 1}
                      - name: refused
                        queues: {broker-9: 1}
                """);

        // WHEN a start on a fresh directory applies it
        assertThatThrownBy(() -> start("offsetkit.fixture=" + fixture)).hasMessageContaining("broker-9");

        // THEN what it wrote before the refusal is gone: the next start finds the directory empty
        try (Engine engine = start("offsetkit.fixture=none")) {
            assertThat(engine.store().isEmpty()).isTrue();
        }
    }

    @Test
    void aDataDirectoryInUseStopsTheStartNamingTheSettingThatPicksAnother() throws Exception {
        // GIVEN an engine holding the data directory
        try (Engine first = start("offsetkit.fixture=none")) {
            // WHEN a second one starts on the same directory
            // THEN it is refused, naming the directory and how to give the second one its own
            assertThatThrownBy(() -> start("offsetkit.fixture=none"))
                    .hasMessageContaining("the data directory " + dir + " is in use by another process")
                    .hasMessageContaining("give this server a directory of its own: --offsetkit.data-dir=DIR");
        }
    }

    @Test
    void anUnknownBackendStopsTheStartNamingTheKeyAndValue() {
        // The Spring version said "offsetkit.backend=embeded names no backend"; the message now lists the backends.
        assertThatThrownBy(() -> start("offsetkit.backend=embeded"))
                .isInstanceOf(SettingException.class)
                .hasMessageContaining("offsetkit.backend=embeded")
                .hasMessageContaining("embedded, rocketmq");
    }

    @Test
    void theRocketMqBackendStartsWithoutReachingItsClusterAndHasNoStore() throws Exception {
        // GIVEN a RocketMQ instance whose name server does not listen
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        // WHEN the engine starts on it
        try (Engine engine = start(
                "offsetkit.backend=rocketmq",
                "offsetkit.rocketmq.instances[0].id=cluster-1",
                "offsetkit.rocketmq.instances[0].name-server=127.0.0.1:" + closedPort)) {
            // THEN it started, without a store (so without the admin API), and its banner names the cluster
            assertThat(engine.store()).isNull();
            assertThat(String.join("\n", engine.banner("http://127.0.0.1:1")))
                    .contains("RocketMQ backend")
                    .contains("instance cluster-1")
                    .contains("127.0.0.1:" + closedPort);
        }
    }
}
