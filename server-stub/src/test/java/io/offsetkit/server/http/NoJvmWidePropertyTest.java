package io.offsetkit.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.assembly.Engine;
import io.offsetkit.server.testsupport.TestEngines;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP server is a library class: it runs inside the JVM of an app's tests (the emulator), so it
 * sets no system property there. Only the standalone server's {@code main}, which owns its JVM, may.
 */
class NoJvmWidePropertyTest {

    @TempDir
    Path dataDir;

    @Test
    void startingAndStoppingTheHttpServerLeavesTheSystemPropertiesAsTheyWere() throws Exception {
        // GIVEN the system properties of this JVM
        Map<String, String> before = properties();

        // WHEN an HTTP server is built, started over an engine, and stopped
        try (Engine engine = TestEngines.start(dataDir)) {
            HttpServer.Prepared prepared = HttpServer.prepare();
            prepared.serve(engine.requestPath());
            prepared.listen("127.0.0.1", 0, Duration.ofSeconds(1)).close();
        }

        // THEN none was set or changed, Jetty's cache-line setting among them
        Map<String, String> changed = new TreeMap<>(properties());
        changed.entrySet().removeIf(entry -> entry.getValue().equals(before.get(entry.getKey())));
        // Not ours: Jetty records its build (its Jetty class), the JDK its default zone on first use.
        changed.keySet().removeAll(Set.of("jetty.git.hash", "user.timezone"));
        assertThat(changed).as("system properties set or changed").isEmpty();
        assertThat(before).doesNotContainKey("org.eclipse.jetty.util.referencesPerCacheLine");
    }

    private static Map<String, String> properties() {
        Map<String, String> properties = new TreeMap<>();
        System.getProperties().forEach((key, value) -> properties.put(String.valueOf(key), String.valueOf(value)));
        return properties;
    }
}
