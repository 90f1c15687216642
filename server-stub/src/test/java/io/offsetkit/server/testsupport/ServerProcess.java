package io.offsetkit.server.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.OffsetkitServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's main class in a child JVM, started as {@code java -jar} starts it: the test's class
 * path, the arguments given, a working directory of the test's, and an environment without any
 * variable that names a setting (unless the test adds one). Everything it prints, on standard output
 * and standard error, is read as it comes.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://[^,\\s]+),");

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private ServerProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "server-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java ... OffsetkitServer args} in {@code workingDirectory}. */
    public static ServerProcess start(Path workingDirectory, List<String> args) throws IOException {
        return start(workingDirectory, Map.of(), args);
    }

    /** The same, with these environment variables set for the server. */
    public static ServerProcess start(Path workingDirectory, Map<String, String> environment, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                OffsetkitServer.class.getName()));
        command.addAll(args);
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("OFFSETKIT_")
                        || name.startsWith("SERVER_")
                        || name.startsWith("LOGGING_LEVEL_"));
        builder.environment().putAll(environment);
        return new ServerProcess(builder.start());
    }

    /** The first line printed that matches, waiting for it; fails with what was printed if none comes. */
    public Matcher awaitLine(Pattern pattern, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        int seen = 0;
        while (true) {
            synchronized (lines) {
                // Read before the scan: a reader that has finished has added every line already.
                boolean finished = !reader.isAlive();
                for (; seen < lines.size(); seen++) {
                    Matcher matcher = pattern.matcher(lines.get(seen));
                    if (matcher.find()) {
                        return matcher;
                    }
                }
                if (finished || System.nanoTime() > deadline) {
                    break;
                }
                lines.wait(100);
            }
        }
        throw new AssertionError("the server printed no line matching " + pattern + " within " + wait
                + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")") + "; it printed:\n"
                + output());
    }

    /** The base URL of the banner's first line, once the server listens. */
    public String awaitBaseUrl(Duration wait) throws InterruptedException {
        return awaitLine(LISTENING, wait).group(1);
    }

    /** Sends SIGTERM, as {@code kill} or a container runtime does; the output is still read to its end. */
    public void terminate() {
        // Through the handle: Process.destroy() would also close our end of the pipe and lose the last lines.
        process.toHandle().destroy();
    }

    /** The exit code, once the process has exited and its output has been read; fails if it runs past {@code wait}. */
    public int awaitExit(Duration wait) throws InterruptedException {
        boolean exited = process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(exited)
                .as("the server exited within %s; it printed:%n%s", wait, output())
                .isTrue();
        reader.join(10_000);
        return process.exitValue();
    }

    /** Everything printed so far, one line each. */
    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** Kills the process if it still runs. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.toHandle().destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void read() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            synchronized (lines) {
                lines.add("(the output could not be read further: " + e + ")");
            }
        } finally {
            synchronized (lines) {
                lines.notifyAll();
            }
        }
    }
}
