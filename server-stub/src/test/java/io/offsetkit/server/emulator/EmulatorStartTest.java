package io.offsetkit.server.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.server.auth.AuthMode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmulatorStartTest {

    @Test
    void anEmulatorWithTheDefaultsAnswersTheDocumentedExampleOnAFreeLoopbackPort() {
        // GIVEN an emulator with every default
        try (OffsetkitEmulator emulator = new OffsetkitEmulator(EmulatorOptions.options()).start()) {

            // WHEN the documented request is sent to it
            HttpResponse<String> answer = Http.reset(emulator, "group_01", "topic_01", 1662652800000L, Map.of());

            // THEN it answers the documented response, on loopback, with the documented ids
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body())
                    .isEqualTo("{\"queues\":[{\"broker_name\":\"broker-1\",\"queue_id\":0,\"timestamp_offset\":0}]}");
            assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + emulator.port());
            assertThat(emulator.port()).isPositive();
            assertThat(emulator.projectId()).isEqualTo("77b6a44cba5143ab91d13ab9a8ff44fd");
            assertThat(emulator.instanceId()).isEqualTo("11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d");
            assertThat(emulator.auth()).isEqualTo(AuthMode.NONE);
        }
    }

    @Test
    void twoEmulatorsRunSideBySideEachWithItsOwnPortAndState() {
        try (OffsetkitEmulator first = new OffsetkitEmulator(EmulatorOptions.options()).start();
                OffsetkitEmulator second = new OffsetkitEmulator(EmulatorOptions.options()).start()) {
            // WHEN the first one's group is reset to the latest offsets
            int status = Http.reset(first, "group_01", "topic_02", -1, Map.of()).statusCode();

            // THEN only the first one committed anything, on each of topic_02's six queues
            assertThat(status).isEqualTo(200);
            assertThat(first.port()).isNotEqualTo(second.port());
            assertThat(first.instance().committedOffsets("group_01", "topic_02"))
                    .hasSize(6)
                    .allSatisfy(queue -> assertThat(queue.offset()).isEqualTo(queue.maxOffset()));
            assertThat(second.instance().committedOffsets("group_01", "topic_02"))
                    .hasSize(6)
                    .allSatisfy(queue -> assertThat(queue.offset()).isNull());
        }
    }

    @Test
    void anEmulatorListensOnTheGivenPortAndNoLongerOnceClosed() throws IOException {
        // GIVEN a port that is free now
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        OffsetkitEmulator emulator =
                new OffsetkitEmulator(EmulatorOptions.options().port(port)).start();

        // WHEN it is closed
        assertThat(emulator.port()).isEqualTo(port);
        emulator.close();

        // THEN nothing listens there, and it says it is not running
        assertThat(emulator.isRunning()).isFalse();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(IOException.class);
        assertThatThrownBy(emulator::baseUrl).hasMessageContaining("not running");
    }

    @Test
    void anEmulatorOnATakenPortFailsToStartNamingThePort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmulatorOptions options = EmulatorOptions.options().port(taken.getLocalPort());

            assertThatThrownBy(() -> new OffsetkitEmulator(options).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void aClosedEmulatorStartsAgainAsANewOneWouldWithAnEmptyJournal() {
        // GIVEN an emulator that committed a reset, then was closed
        OffsetkitEmulator emulator = new OffsetkitEmulator(EmulatorOptions.options()).start();
        assertThat(Http.reset(emulator, "group_01", "topic_01", 0, Map.of()).statusCode())
                .isEqualTo(200);
        emulator.close();

        // WHEN it is started again
        try (OffsetkitEmulator again = emulator.start()) {

            // THEN it runs with the starting state: the fixture's offset (100, the latest), not the reset's
            // 0, and nothing in the journal
            assertThat(again.isRunning()).isTrue();
            assertThat(again.instance()
                            .committedOffsets("group_01", "topic_01")
                            .get(0)
                            .offset())
                    .isEqualTo(100L);
            assertThat(again.journal().size()).isZero();
        }
    }
}
