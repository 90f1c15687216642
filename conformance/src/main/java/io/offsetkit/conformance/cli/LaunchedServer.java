package io.offsetkit.conformance.cli;

import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.check.Fresh;
import io.offsetkit.conformance.fixture.RefusedCredentials;
import io.offsetkit.conformance.http.ClientBuilders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The offsetkit reference server, started from its executable jar as a child process for one kit
 * run: on a free loopback port, with a fresh temporary data directory (so the bundled fixture is
 * loaded: the documented example's data) and AK/SK authentication with a key pair made for this
 * run, so that the authentication rules are checked too. The server is also given credentials made
 * for this run that it holds only to refuse them ({@link #refusedCredentials()}: a read-only AK/SK
 * pair, an expired token and a token of another project), so that the kit reaches every 401 and 403.
 * {@link #close()} stops it and deletes the data directory.
 *
 * <p>The server JVM is started for a run of seconds ({@link KitJvm#OPTIONS}) and with the jar's
 * class-data archive ({@link ClassDataArchive}): the first launch from a jar records it, the next ones
 * start from it, with less CPU to their health (server-stub/PERFORMANCE.md, section 6).
 */
public final class LaunchedServer implements AutoCloseable {

    /** How often the health check is tried while the server starts: a start takes a fraction of a second. */
    private static final long HEALTH_POLL_MILLIS = 20;

    /**
     * The settings the command line's run launches the server with: its access log (the logger
     * {@code io.offsetkit.server.access}) silenced. Nobody reads a line per request of a run (the
     * server's output is shown only when its start fails), and formatting and writing one for each of
     * the run's requests is CPU that the run's two JVMs share.
     */
    static final List<String> COMMAND_LINE_RUN = List.of("--logging.level.io.offsetkit.server.access=WARN");

    /** How long the server may take to answer its health check. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final URI baseUrl;
    private final String accessKey;
    private final String secretKey;
    private final RefusedCredentials refused;
    private final Thread stopOnExit;
    private final ClassDataArchive.Use archive;
    /** Whether {@link #beginStop()} has asked the server to stop already. */
    private boolean stopBegun;

    private LaunchedServer(
            Process process,
            Path dataDir,
            Path log,
            URI baseUrl,
            String accessKey,
            String secretKey,
            ClassDataArchive.Use archive,
            RefusedCredentials refused) {
        this.process = process;
        this.archive = archive;
        this.refused = refused;
        this.dataDir = dataDir;
        this.log = log;
        this.baseUrl = baseUrl;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        // Ctrl-C on the kit must not leave the server running, nor its data and log behind.
        this.stopOnExit = new Thread(this::stopOnKitExit, "offsetkit-stop-reference-server");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts the jar and waits until {@code /health} answers 200.
     *
     * @throws LaunchException with a one-line reason (and the server's last log lines) when the jar
     *     is missing, the process exits, or it is not healthy within {@link #START_TIMEOUT}
     */
    public static LaunchedServer start(Path jar) throws LaunchException {
        return start(jar, List.of());
    }

    /**
     * Starts the jar with more settings, as {@code --key=value} arguments after the kit's own (a
     * later argument wins, so these may also override the kit's), and waits until
     * {@code /health} answers 200.
     *
     * @param settings such as {@code --offsetkit.backend=rocketmq}
     * @throws LaunchException as {@link #start(Path)}
     */
    public static LaunchedServer start(Path jar, List<String> settings) throws LaunchException {
        LaunchedServer server = launch(jar, settings);
        server.awaitHealthy();
        return server;
    }

    /**
     * Starts the jar and returns at once, before the server is ready: its base URL and keys are
     * known, so the caller can prepare its run while the server starts (a start takes most of a
     * second of CPU, and the machine has another core), then calls {@link #awaitHealthy()}.
     *
     * @param settings as {@link #start(Path, List)}
     * @throws LaunchException when the jar is missing or the process cannot be started
     */
    public static LaunchedServer launch(Path jar, List<String> settings) throws LaunchException {
        if (!Files.isRegularFile(jar)) {
            throw new LaunchException(
                    "the server jar " + jar + " does not exist; build it first (./mvnw -q -B install -DskipTests)");
        }
        String accessKey = "OFFSETKITCK" + Fresh.hex(6).toUpperCase(Locale.ROOT);
        String secretKey = Fresh.hex(20);
        String readOnlyAccessKey = "OFFSETKITRO" + Fresh.hex(6).toUpperCase(Locale.ROOT);
        String readOnlySecretKey = Fresh.hex(20);
        RefusedCredentials refused = new RefusedCredentials(
                Credentials.akSk(readOnlyAccessKey, readOnlySecretKey),
                "offsetkit-expired-" + Fresh.hex(12),
                "offsetkit-other-project-" + Fresh.hex(12));
        Path dataDir;
        Path log;
        int port;
        try {
            dataDir = Files.createTempDirectory("offsetkit-conformance-");
            log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            port = freePort();
        } catch (IOException e) {
            throw new LaunchException("cannot prepare the server's data directory or port: " + e.getMessage());
        }
        ClassDataArchive.Use archive = ClassDataArchive.forJar(jar);
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        // Fast start for a short-lived process on a small machine: the kit's run is seconds long.
        command.addAll(KitJvm.OPTIONS);
        command.addAll(archive.options());
        command.addAll(List.of(
                "-jar",
                jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--offsetkit.data-dir=" + dataDir.resolve("store"),
                "--offsetkit.auth.mode=aksk",
                "--offsetkit.auth.aksk=" + accessKey + ":" + secretKey,
                "--offsetkit.auth.read-only-aksk=" + readOnlyAccessKey + ":" + readOnlySecretKey,
                "--offsetkit.auth.expired-tokens=" + refused.expiredToken(),
                "--offsetkit.auth.other-project-tokens=" + refused.otherProjectToken()));
        command.addAll(settings);
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            deleteQuietly(dataDir);
            archive.finish(false);
            throw new LaunchException("cannot start " + command.get(0) + ": " + e.getMessage());
        }
        return new LaunchedServer(
                process, dataDir, log, URI.create("http://127.0.0.1:" + port), accessKey, secretKey, archive, refused);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** The credentials the server holds only to refuse them, for the fixture ({@code reference-admin}). */
    public RefusedCredentials refusedCredentials() {
        return refused;
    }

    /** The process id, for messages. */
    public long pid() {
        return process.pid();
    }

    /**
     * Waits until {@code /health} answers 200; on failure the server is stopped.
     *
     * @throws LaunchException with a one-line reason (and the server's last log lines) when the
     *     process exits, or it is not healthy within {@link #START_TIMEOUT}
     */
    public void awaitHealthy() throws LaunchException {
        try {
            pollHealth();
        } catch (LaunchException e) {
            close();
            throw e;
        }
    }

    private void pollHealth() throws LaunchException {
        HttpClient client = ClientBuilders.forBaseUrl(baseUrl)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        HttpRequest health = HttpRequest.newBuilder(baseUrl.resolve("/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new LaunchException("the server exited with code " + process.exitValue()
                        + " before it was healthy" + lastLogLines());
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet: try again shortly.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("interrupted while waiting for the server");
            }
            try {
                Thread.sleep(HEALTH_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("interrupted while waiting for the server");
            }
        }
        throw new LaunchException(
                "the server was not healthy within " + START_TIMEOUT.toSeconds() + " s" + lastLogLines());
    }

    private String lastLogLines() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "; its last output:\n  "
                    + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Asks the server to stop (gracefully) and returns at once: the caller's last work (its reports)
     * goes beside the server's stop, and {@link #close()} then waits for it. Nothing may be sent to the
     * server after this.
     */
    public void beginStop() {
        if (!stopBegun) {
            stopBegun = true;
            process.destroy();
        }
    }

    /**
     * Stops the server (gracefully, then forcibly after 10 s) and deletes its data; the server's
     * class-data archive, when this start recorded it, is kept beside its jar for the next start.
     */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook stops the process.
        }
        beginStop();
        boolean stoppedPolitely = false;
        try {
            stoppedPolitely = process.waitFor(10, TimeUnit.SECONDS);
            if (!stoppedPolitely) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        // A recording JVM writes its archive as it exits: only a polite stop leaves a whole one.
        archive.finish(stoppedPolitely);
        deleteQuietly(dataDir);
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // A leftover log in the temp directory is harmless; nothing else to do.
        }
    }

    /** The kit's JVM is being stopped: the server goes at once, then its files. */
    private void stopOnKitExit() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        archive.finish(false);
        deleteQuietly(dataDir);
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // A leftover log in the temp directory is harmless; nothing else to do.
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Temporary files only; the operating system cleans its temp directory.
        }
    }

    /** The server could not be started; the message is one line (plus the server's last output). */
    public static final class LaunchException extends Exception {
        public LaunchException(String message) {
            super(message, null, false, false);
        }
    }
}
