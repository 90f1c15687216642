package io.offsetkit.server;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import static io.offsetkit.server.InProcessStartBenchmark.EXAMPLE_BODY;
import static io.offsetkit.server.InProcessStartBenchmark.EXAMPLE_PATH;

import io.offsetkit.server.InProcessStartBenchmark.ExampleClient;
import io.offsetkit.server.emulator.OffsetkitEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The emulator in an app's tests, beside WireMock measured the same way: the in-process start to the
 * first 200 answer to the documented example, and the reset between two tests.
 *
 * <ul>
 *   <li>{@link #emulatorFirstStart} and {@link #wireMockFirstStart}: the first start in a fresh JVM
 *       (single shot, one per fork): {@code new OffsetkitEmulator().start()} with its defaults
 *       (the store in memory, the bundled fixture), against a {@code WireMockServer} on a dynamic
 *       port given a stub of the documented answer, as a test's {@code WireMockExtension} starts one;
 *   <li>{@link #bareJettyFirstStart}: the floor under both, in the same fresh JVM: {@link
 *       BareJettyHandler}, one Jetty 12 core {@code Handler} that writes the documented answer to
 *       every request, started on a dynamic port; Jetty logs through SLF4J, so its start includes the logging's, as any server's in
 *       an app's tests does;
 *   <li>{@link #bareJdkFirstStart}: the floor under {@link #emulatorOnJdkFirstStart}, the same on the
 *       JDK's HTTP server ({@link BareJdkHandler});
 *   <li>{@link #emulatorLaterStart} and {@link #wireMockLaterStart}: a later start in a warm JVM,
 *       what each further test class pays;
 *   <li>{@link #emulatorReset} and {@link #wireMockReset}: what runs before each test, {@code
 *       reset()} (a fresh store over a copy of the starting state, a fresh engine) against {@code
 *       resetAll()} (stubs and request journal), each after the documented reset was answered;
 *   <li>{@code emulatorOnJetty...} and {@code emulatorOnJdk...}: the same on each transport, chosen
 *       explicitly ({@code -Doffsetkit.emulator.transport}), the JDK's server with {@code
 *       -Dsun.net.httpserver.nodelay=true}, so that the two are compared in one run;
 *   <li>{@link #emulatorClose} and {@link #wireMockStop}: what an extension in an instance field
 *       pays after each test, {@code close()} against {@code stop()}, each in a warm JVM after one
 *       documented reset answered through the JDK's {@code HttpClient}, which keeps its connection
 *       open: nothing is in flight, one idle connection is.
 * </ul>
 *
 * <p>Counted in a start: building the emulator (its options, the fixture read), the store filled,
 * the engine, Jetty listening, and the POST over loopback with its whole answer; for WireMock its
 * server's start, the stub and the POST. Not counted: the JVM's launch and JMH's harness, the stop
 * (in the teardown), and the client's own first use: the same warmed socket client as {@link
 * InProcessStartBenchmark}'s. The class path is the module's test class path (the benchmarks profile's,
 * with {@code wiremock-standalone}), as in a test suite.
 *
 * <pre>
 * ./mvnw -B -pl server-stub -Pbenchmarks -DskipTests test-compile exec:exec@run-emulator-benchmarks
 * </pre>
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EmulatorStartBenchmark {

    private static final String EXAMPLE_ANSWER = BareJettyHandler.ANSWER;

    /** The emulator's transport chosen explicitly (its system property, read at each start). */
    static final String ON_JETTY = "-Doffsetkit.emulator.transport=jetty";

    static final String ON_JDK = "-Doffsetkit.emulator.transport=jdk";

    /** The JDK's HTTP server with TCP_NODELAY, set by the JVM's owner (see {@code EmulatorTransport}). */
    static final String NO_DELAY = "-Dsun.net.httpserver.nodelay=true";

    private ExampleClient client;
    private OffsetkitEmulator emulator;
    private WireMockServer wireMock;
    private Server bareJetty;
    private com.sun.net.httpserver.HttpServer bareJdk;

    @Setup(Level.Trial)
    public void warmClient() throws IOException {
        client = InProcessStartBenchmark.warmedClient();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(10)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public String emulatorFirstStart() throws IOException {
        return startEmulatorAndAsk();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(2)
    @Warmup(iterations = 20)
    @Measurement(iterations = 20)
    public String emulatorLaterStart() throws IOException {
        return startEmulatorAndAsk();
    }

    /** {@link #emulatorFirstStart} on Jetty, whatever this JVM's default transport. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(value = 10, jvmArgsAppend = ON_JETTY)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public String emulatorOnJettyFirstStart() throws IOException {
        return startEmulatorAndAsk();
    }

    /**
     * {@link #emulatorFirstStart} on the JDK's HTTP server, in a JVM started with {@code
     * -Dsun.net.httpserver.nodelay=true} (what the emulator needs from the JVM's owner to choose it on
     * JDK 17 to 22).
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(value = 10, jvmArgsAppend = {ON_JDK, NO_DELAY})
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public String emulatorOnJdkFirstStart() throws IOException {
        return startEmulatorAndAsk();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(value = 2, jvmArgsAppend = ON_JETTY)
    @Warmup(iterations = 20)
    @Measurement(iterations = 20)
    public String emulatorOnJettyLaterStart() throws IOException {
        return startEmulatorAndAsk();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(value = 2, jvmArgsAppend = {ON_JDK, NO_DELAY})
    @Warmup(iterations = 20)
    @Measurement(iterations = 20)
    public String emulatorOnJdkLaterStart() throws IOException {
        return startEmulatorAndAsk();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(10)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public String wireMockFirstStart() throws IOException {
        return startWireMockAndAsk();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(10)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public String bareJettyFirstStart() throws Exception {
        bareJetty = BareJettyHandler.start(0);
        return client.post(((ServerConnector) bareJetty.getConnectors()[0]).getLocalPort());
    }

    /** The floor of {@link #emulatorOnJdkFirstStart}: a bare handler on the JDK's HTTP server, the same JVM options. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(value = 10, jvmArgsAppend = NO_DELAY)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public String bareJdkFirstStart() throws Exception {
        bareJdk = BareJdkHandler.start();
        return client.post(bareJdk.getAddress().getPort());
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(2)
    @Warmup(iterations = 20)
    @Measurement(iterations = 20)
    public String wireMockLaterStart() throws IOException {
        return startWireMockAndAsk();
    }

    private String startEmulatorAndAsk() throws IOException {
        emulator = new OffsetkitEmulator().start();
        return client.post(emulator.port());
    }

    private String startWireMockAndAsk() throws IOException {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        wireMock.stubFor(post(urlPathMatching("/v2/.*/reset-message-offset")).willReturn(okJson(EXAMPLE_ANSWER)));
        return client.post(wireMock.port());
    }

    @TearDown(Level.Iteration)
    public void stop() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
        if (wireMock != null) {
            wireMock.stop();
            wireMock = null;
        }
        if (bareJdk != null) {
            bareJdk.stop(0);
            bareJdk = null;
        }
        if (bareJetty != null) {
            try {
                bareJetty.stop();
            } catch (Exception e) {
                throw new IllegalStateException("the bare Jetty server did not stop", e);
            }
            bareJetty = null;
        }
    }

    /** A running emulator that answered the documented reset, reset before each invocation's measure. */
    @State(Scope.Thread)
    public static class RunningEmulator {

        OffsetkitEmulator emulator;
        ExampleClient client;

        @Setup(Level.Trial)
        public void start() {
            emulator = new OffsetkitEmulator().start();
            client = new ExampleClient(EXAMPLE_PATH, EXAMPLE_BODY);
        }

        @Setup(Level.Invocation)
        public void aTestRan() throws IOException {
            client.post(emulator.port());
        }

        @TearDown(Level.Trial)
        public void stop() {
            emulator.close();
        }
    }

    /** A running WireMock with the stub, which answered the documented reset. */
    @State(Scope.Thread)
    public static class RunningWireMock {

        WireMockServer wireMock;
        ExampleClient client;

        @Setup(Level.Trial)
        public void start() {
            wireMock = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
            wireMock.start();
            client = new ExampleClient(EXAMPLE_PATH, EXAMPLE_BODY);
        }

        @Setup(Level.Invocation)
        public void aTestRan() throws IOException {
            wireMock.stubFor(post(urlPathMatching("/v2/.*/reset-message-offset")).willReturn(okJson(EXAMPLE_ANSWER)));
            client.post(wireMock.port());
        }

        @TearDown(Level.Trial)
        public void stop() {
            wireMock.stop();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Fork(2)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public void emulatorReset(RunningEmulator running) {
        running.emulator.reset();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Fork(2)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public void wireMockReset(RunningWireMock running) {
        running.wireMock.resetAll();
    }

    /**
     * A server started and asked once, before each close is measured: the JDK's {@code HttpClient}
     * keeps the connection open, as an app's client between two tests does.
     */
    @State(Scope.Thread)
    public static class AskedOnce {

        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build();

        OffsetkitEmulator emulator;
        WireMockServer wireMock;

        void ask(int port) throws IOException, InterruptedException {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + EXAMPLE_PATH))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(EXAMPLE_BODY))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("expected 200, was " + answer.statusCode() + ": " + answer.body());
            }
        }
    }

    /** An emulator started and asked once; nothing in flight. */
    public static class EmulatorAskedOnce extends AskedOnce {

        @Setup(Level.Iteration)
        public void startAndAsk() throws IOException, InterruptedException {
            emulator = new OffsetkitEmulator().start();
            ask(emulator.port());
        }
    }

    /** A WireMock with the stub, started and asked once; nothing in flight. */
    public static class WireMockAskedOnce extends AskedOnce {

        @Setup(Level.Iteration)
        public void startAndAsk() throws IOException, InterruptedException {
            wireMock = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
            wireMock.start();
            wireMock.stubFor(post(urlPathMatching("/v2/.*/reset-message-offset")).willReturn(okJson(EXAMPLE_ANSWER)));
            ask(wireMock.port());
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(1)
    @Warmup(iterations = 10)
    @Measurement(iterations = 30)
    public void emulatorClose(EmulatorAskedOnce running) {
        running.emulator.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(value = 1, jvmArgsAppend = ON_JETTY)
    @Warmup(iterations = 10)
    @Measurement(iterations = 30)
    public void emulatorOnJettyClose(EmulatorAskedOnce running) {
        running.emulator.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(value = 1, jvmArgsAppend = {ON_JDK, NO_DELAY})
    @Warmup(iterations = 10)
    @Measurement(iterations = 30)
    public void emulatorOnJdkClose(EmulatorAskedOnce running) {
        running.emulator.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(1)
    @Warmup(iterations = 10)
    @Measurement(iterations = 30)
    public void wireMockStop(WireMockAskedOnce running) {
        running.wireMock.stop();
    }
}
