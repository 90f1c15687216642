package io.offsetkit.server.testsupport;

import io.offsetkit.server.assembly.Engine;
import io.offsetkit.server.http.HttpServer;
import io.offsetkit.server.ops.ConsoleLogging;
import io.offsetkit.server.settings.ServerSettings;
import io.offsetkit.server.settings.SettingSources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The whole reference server, in the test's JVM, over real HTTP on a free loopback port: the engine
 * its settings describe and the Jetty server in front of it, as {@code java -jar} starts them.
 * Settings are given by their documented names; unless given, the data directory is a fresh one
 * under {@code target/test-data}, and the access log is at WARN (the server's default is one line per
 * request, which would drown the test log).
 */
public final class TestServer implements AutoCloseable {

    private final Engine engine;
    private final HttpServer http;
    private final ServerSettings settings;

    private TestServer(Engine engine, HttpServer http, ServerSettings settings) {
        this.engine = engine;
        this.http = http;
        this.settings = settings;
    }

    /** Starts a server with these settings, each written {@code name=value}. */
    public static TestServer start(String... settings) {
        return start(settings(settings));
    }

    /**
     * Settings written {@code name=value} (names as documented), by name, in order.
     *
     * @throws IllegalArgumentException when one has no {@code =}
     */
    public static Map<String, String> settings(String... settings) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException(
                        "a setting is name=value: " + setting + " in " + Arrays.toString(settings));
            }
            values.put(setting.substring(0, equals), setting.substring(equals + 1));
        }
        return values;
    }

    /** Starts a server with these settings (names as documented, such as {@code offsetkit.auth.mode}). */
    public static TestServer start(Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("server.port", "0");
        values.put(
                "offsetkit.data-dir",
                Path.of("target", "test-data", "server-" + UUID.randomUUID()).toString());
        values.put("logging.level.io.offsetkit.server.access", "WARN");
        values.putAll(given);
        ServerSettings settings = ServerSettings.from(SettingSources.of(values));
        ConsoleLogging.setLevels(settings.logLevels());
        Engine engine = Engine.start(settings);
        try {
            HttpServer http =
                    HttpServer.start(engine.requestPath(), settings.address(), settings.port(), Duration.ofSeconds(5));
            return new TestServer(engine, http, settings);
        } catch (Exception e) {
            try {
                engine.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw new IllegalStateException("the test server did not start: " + e.getMessage(), e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return http.port();
    }

    /** {@code http://127.0.0.1:port}. */
    public String baseUrl() {
        return http.baseUrl(settings.address());
    }

    /** The engine behind it (its store, its backend, its metrics). */
    public Engine engine() {
        return engine;
    }

    /** The settings it runs with. */
    public ServerSettings settings() {
        return settings;
    }

    /** Stops the server, then closes its backend. */
    @Override
    public void close() throws Exception {
        try {
            http.close();
        } finally {
            engine.close();
        }
    }
}
