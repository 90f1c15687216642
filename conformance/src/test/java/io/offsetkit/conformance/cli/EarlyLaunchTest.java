package io.offsetkit.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference server started before the command line is read: only for a jar named plainly, taken
 * by the run that asks for that jar, stopped when nothing takes it.
 */
class EarlyLaunchTest {

    @TempDir
    Path directory;

    static Stream<List<String>> plainCommandLines() {
        return Stream.of(
                List.of("--launch", "server.jar"),
                List.of("--launch=server.jar"),
                List.of("--seed", "1", "--launch", "server.jar", "--report-dir", "out"));
    }

    @ParameterizedTest
    @MethodSource("plainCommandLines")
    void aJarNamedPlainlyOnceIsStartedEarly(List<String> args) {
        assertThat(EarlyLaunch.plainJar(args.toArray(String[]::new))).contains(Path.of("server.jar"));
    }

    static Stream<List<String>> otherCommandLines() {
        return Stream.of(
                List.of(),
                List.of("--base-url", "http://127.0.0.1:1"),
                List.of("--launch"),
                List.of("--launch="),
                List.of("--launch", "--help"),
                List.of("--launch", "a.jar", "--launch", "b.jar"),
                List.of("@arguments.txt", "--launch", "server.jar"),
                List.of("--launch", "@arguments.txt"),
                List.of("--launch=@arguments.txt"),
                List.of("--", "--launch", "server.jar"),
                List.of("--launch", "server.jar", "--help"),
                List.of("-V", "--launch=server.jar"));
    }

    @ParameterizedTest
    @MethodSource("otherCommandLines")
    void noOtherCommandLineStartsAServerEarly(List<String> args) {
        // GIVEN no jar, a missing value, two jars, an argument file (or a jar named like one), the end of the options,
        // help or version
        // WHEN the arguments are scanned, THEN nothing is started before they are read
        assertThat(EarlyLaunch.plainJar(args.toArray(String[]::new))).isEmpty();
    }

    @Test
    void theRunThatAsksForTheJarTakesTheServerStartedEarlyOnce() throws Exception {
        // GIVEN the real server jar, started early
        Path jar = serverJar();
        try (EarlyLaunch early = EarlyLaunch.start(new String[] {"--launch", jar.toString()})) {
            // WHEN a run asks for another jar, THEN it gets nothing (and launches its own)
            assertThat(early.take(directory.resolve("other.jar"))).isEmpty();
            // WHEN the run asks for this jar, THEN it takes the server, which answers, and takes it once only
            Optional<LaunchedServer> taken = early.take(jar);
            assertThat(taken).isPresent();
            try (LaunchedServer server = taken.get()) {
                server.awaitHealthy();
                assertThat(health(server.baseUrl())).isEqualTo(200);
                assertThat(early.take(jar)).isEmpty();
            }
        }
    }

    @Test
    void aServerStartedEarlyThatNobodyTakesIsStoppedAtTheEnd() throws Exception {
        // GIVEN the real server jar, started early, answering
        Path jar = serverJar();
        URI baseUrl;
        try (EarlyLaunch early = EarlyLaunch.start(new String[] {"--launch=" + jar})) {
            baseUrl = early.startedAt().orElseThrow();
            awaitHealth(baseUrl);
            // WHEN the run ends without taking it (help, a bad argument)
        }
        // THEN it is stopped: nothing answers on its port any more
        assertThatThrownBy(() -> health(baseUrl)).isInstanceOf(ConnectException.class);
    }

    private Path serverJar() throws Exception {
        return Files.copy(
                Path.of(System.getProperty("offsetkit.server.jar", "server jar not set")),
                directory.resolve("offsetkit-server.jar"));
    }

    /** Asks for the health until it is 200, for at most the launch's own time limit. */
    private static void awaitHealth(URI baseUrl) throws Exception {
        long deadline = System.nanoTime() + LaunchedServer.START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (health(baseUrl) == 200) {
                    return;
                }
            } catch (ConnectException | HttpTimeoutException notYet) {
                // not listening yet, or listening but not answering within the health call's own timeout
                // (a JVM starting on a busy machine): ask again until the launch's time limit
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the server started early never answered its health at " + baseUrl);
    }

    private static int health(URI baseUrl) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(baseUrl.resolve("/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
