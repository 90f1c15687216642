package io.offsetkit.server;

import io.offsetkit.server.assembly.Engine;
import io.offsetkit.server.http.HttpServer;
import io.offsetkit.server.settings.ServerCommand;
import io.offsetkit.server.settings.ServerSettings;
import io.offsetkit.server.settings.SettingSources;
import io.offsetkit.server.start.StartSequence;
import io.offsetkit.server.transport.Transport;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ParameterException;

/**
 * {@code java -jar offsetkit-server.jar}: reads the settings (command line, environment, config file),
 * opens the engine, serves it over HTTP until the process is stopped, then stops gracefully. Exit
 * codes: 0 after {@code --help}, {@code --version} or a stop; 1 when the server cannot start (the port
 * is taken, the data directory is in use, the fixture is refused); 2 for a bad argument or setting.
 *
 * <p>The start is the emulator's ({@link StartSequence}): what needs no setting while the command line
 * is read; then the HTTP server's start beside the engine's (the store opened, the fixture applied).
 */
public final class OffsetkitServer {

    /**
     * Jetty sizes the padding of its concurrent structures by the references in a cache line, and
     * asks the platform's management server whether references are compressed unless this property
     * says it: starting that server costs a tenth of a second of start-up. Set here, by the one class
     * that owns its JVM, never by a class a library user loads (the emulator in an app's tests).
     */
    static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private OffsetkitServer() {}

    /** Starts the server; {@code --help} lists the settings. */
    public static void main(String[] args) {
        answerJettysMemoryQuestion();
        int code = start(args);
        if (code >= 0) {
            System.exit(code);
        }
    }

    /**
     * Tells Jetty, before any of its classes loads, what it would ask the management server: references
     * are compressed (4 bytes, 16 to a 64-byte line) on a 64-bit JVM whose heap is under 32 GiB, the
     * JVM's default there; a wrong guess only costs padding. A value given with {@code -D} stays.
     */
    static void answerJettysMemoryQuestion() {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            boolean compressed = Runtime.getRuntime().maxMemory() < 32L * 1024 * 1024 * 1024;
            System.setProperty(REFERENCES_PER_CACHE_LINE, compressed ? "16" : "8");
        }
    }

    /**
     * Starts the server, or does what the arguments ask instead.
     *
     * @return -1 when the server runs (its own threads keep the process alive), else the exit code
     */
    static int start(String[] args) {
        // What needs no setting starts at once, beside the reading of the command line.
        StartSequence sequence = StartSequence.begin(HttpServer.TRANSPORT, "offsetkit-start", false);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        ServerSettings settings;
        try {
            ServerCommand.Parsed parsed = new ServerCommand(version()).parse(args);
            if (parsed instanceof ServerCommand.HelpRequested help) {
                out.print(help.text());
                out.flush();
                return 0;
            }
            if (parsed instanceof ServerCommand.VersionRequested version) {
                out.println(version.text());
                return 0;
            }
            ServerCommand.Start start = (ServerCommand.Start) parsed;
            settings = ServerSettings.from(SettingSources.of(start.settings(), System.getenv(), start.configFile()));
        } catch (ParameterException e) {
            ServerCommand.printError(e, err);
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("offsetkit-server: invalid setting: " + e.getMessage());
            return 2;
        }
        StartSequence.Started started;
        try {
            started = sequence.start(settings, metrics -> Engine.start(settings, metrics));
        } catch (RuntimeException e) {
            log().error("The server cannot start: {}", e.getMessage());
            return 1;
        }
        Transport.Listening server = started.transport();
        Engine engine = started.engine();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, engine), "offsetkit-shutdown"));
        engine.banner(server.baseUrl(settings.address())).forEach(log()::info);
        return -1;
    }

    /** A graceful stop: the requests in flight finish (and their resets are durable), then the store closes. */
    private static void stop(Transport.Listening http, Engine engine) {
        log().info("Stopping: finishing the requests in flight");
        closeQuietly(http);
        closeQuietly(engine);
        log().info("Stopped");
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            log().warn("{} did not close cleanly: {}", resource.getClass().getSimpleName(), e.toString());
        }
    }

    /** The logger, obtained when first needed: the logging starts on its own thread meanwhile. */
    private static Logger log() {
        return LoggerFactory.getLogger(OffsetkitServer.class);
    }

    private static String version() {
        String version = OffsetkitServer.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
