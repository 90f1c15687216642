package io.offsetkit.server.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.server.assembly.Engine;
import io.offsetkit.server.engine.OperationObserver;
import io.offsetkit.server.jdkhttp.JdkHttpServer;
import io.offsetkit.server.settings.ServerSettings;
import io.offsetkit.server.settings.SettingSources;
import io.offsetkit.server.store.EmbeddedStore;
import io.offsetkit.server.store.FilledStore;
import io.offsetkit.server.store.log.MemoryStorage;
import io.offsetkit.server.transport.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The start with a backend opened on the caller's thread, beside the logging and the metrics (the
 * emulator's store): the engine is made over that backend, and a failed open leaves nothing open.
 */
class StartSequenceBackendTest {

    private static final ServerSettings SETTINGS = ServerSettings.from(SettingSources.of(Map.of(
            "server.address", "127.0.0.1",
            "server.port", "0",
            "logging.level.io.offsetkit.server.access", "WARN")));

    @Test
    void theBackendOpensOnTheCallersThreadAndTheEngineIsMadeOverIt() throws Exception {
        // GIVEN a start begun on the JDK's server, and a store in memory to open as its backend
        StartSequence sequence = StartSequence.begin(JdkHttpServer.TRANSPORT, "backend-test", true);
        AtomicReference<Thread> openedOn = new AtomicReference<>();
        AtomicReference<EmbeddedStore> opened = new AtomicReference<>();
        AtomicReference<EmbeddedStore> engineOver = new AtomicReference<>();

        // WHEN it starts
        StartSequence.Started started = sequence.start(
                SETTINGS,
                () -> {
                    openedOn.set(Thread.currentThread());
                    opened.set(FilledStore.inMemory(new MemoryStorage(), store -> {}));
                    return opened.get();
                },
                (store, metrics) -> {
                    engineOver.set(store);
                    return Engine.over(SETTINGS, store, metrics, OperationObserver.NONE);
                });

        // THEN the store was opened on this thread, the engine made over that very store, and it listens
        try (Transport.Listening transport = started.transport();
                Engine engine = started.engine()) {
            assertThat(openedOn.get()).isSameAs(Thread.currentThread());
            assertThat(engineOver.get()).isNotNull().isSameAs(opened.get());
            assertThat(transport.port()).isPositive();
            assertThat(accepts(transport.port())).isTrue();
        }
    }

    @Test
    void aBackendThatCannotOpenIsThrownAsItIsAndNothingStaysListening() throws Exception {
        // GIVEN a start begun on the JDK's server, whose listening is seen and whose close is counted
        CompletableFuture<Integer> listenedOn = new CompletableFuture<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        Transport seen = () -> {
            Transport.Pending pending = JdkHttpServer.TRANSPORT.prepare();
            return new Transport.Pending() {
                @Override
                public void serve(io.offsetkit.server.engine.RequestPath path) {
                    pending.serve(path);
                }

                @Override
                public Transport.Listening listen(String address, int port, Duration shutdownTimeout)
                        throws IOException {
                    Transport.Listening listening = pending.listen(address, port, shutdownTimeout);
                    listenedOn.complete(listening.port());
                    return new Transport.Listening() {
                        @Override
                        public void serve(io.offsetkit.server.engine.RequestPath path) {
                            listening.serve(path);
                        }

                        @Override
                        public int port() {
                            return listening.port();
                        }

                        @Override
                        public void close() throws Exception {
                            listening.close();
                            closed.complete(listening.port());
                        }
                    };
                }
            };
        };
        StartSequence sequence = StartSequence.begin(seen, "backend-test", true);
        IllegalStateException cannotOpen = new IllegalStateException("the store cannot be opened");

        // WHEN its backend cannot be opened
        // THEN that failure is thrown as it is, the engine is never made, and the transport stops
        assertThatThrownBy(() -> sequence.<EmbeddedStore>start(
                        SETTINGS,
                        () -> {
                            throw cannotOpen;
                        },
                        (store, metrics) -> {
                            throw new AssertionError("no engine without a backend");
                        }))
                .isSameAs(cannotOpen);
        int port = listenedOn.get(10, TimeUnit.SECONDS);
        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo(port);
        assertThat(accepts(port)).isFalse();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
