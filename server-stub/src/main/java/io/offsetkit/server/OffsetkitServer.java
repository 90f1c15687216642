package io.offsetkit.server;

import io.offsetkit.server.engine.Engine;
import io.offsetkit.server.http.HttpServer;
import io.offsetkit.server.ops.ConsoleLogging;
import io.offsetkit.server.settings.ServerCommand;
import io.offsetkit.server.settings.ServerSettings;
import io.offsetkit.server.settings.SettingSources;
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
 */
public final class OffsetkitServer {

    private static final Logger log = LoggerFactory.getLogger(OffsetkitServer.class);

    private OffsetkitServer() {}

    /** Starts the server; {@code --help} lists the settings. */
    public static void main(String[] args) {
        int code = start(args);
        if (code >= 0) {
            System.exit(code);
        }
    }

    /**
     * Starts the server, or does what the arguments ask instead.
     *
     * @return -1 when the server runs (its own threads keep the process alive), else the exit code
     */
    static int start(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        ServerCommand command = new ServerCommand(version());
        ServerSettings settings;
        try {
            ServerCommand.Parsed parsed = command.parse(args);
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
        ConsoleLogging.setLevels(settings.logLevels());
        Engine engine;
        try {
            engine = Engine.start(settings);
        } catch (RuntimeException e) {
            log.error("The server cannot start: {}", e.getMessage());
            return 1;
        }
        HttpServer http;
        try {
            http = HttpServer.start(
                    engine.requestPath(), settings.address(), settings.port(), settings.shutdownTimeout());
        } catch (Exception e) {
            log.error("The server cannot start: {}", e.getMessage());
            closeQuietly(engine);
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(http, engine), "offsetkit-shutdown"));
        engine.banner(http.baseUrl(settings.address())).forEach(log::info);
        Thread metrics = new Thread(engine.metrics()::bindJvmMetrics, "offsetkit-jvm-metrics");
        metrics.setDaemon(true);
        metrics.start();
        return -1;
    }

    /** A graceful stop: the requests in flight finish (and their resets are durable), then the store closes. */
    private static void stop(HttpServer http, Engine engine) {
        log.info("Stopping: finishing the requests in flight");
        try {
            http.close();
        } catch (Exception e) {
            log.warn("The HTTP server did not stop cleanly: {}", e.toString());
        }
        closeQuietly(engine);
        log.info("Stopped");
    }

    private static void closeQuietly(Engine engine) {
        try {
            engine.close();
        } catch (Exception e) {
            log.warn("The backend did not close cleanly: {}", e.toString());
        }
    }

    private static String version() {
        String version = OffsetkitServer.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
