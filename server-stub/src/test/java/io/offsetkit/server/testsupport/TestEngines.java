package io.offsetkit.server.testsupport;

import io.offsetkit.server.assembly.Engine;
import io.offsetkit.server.settings.ServerSettings;
import io.offsetkit.server.settings.SettingSources;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The engine without an HTTP server, for tests that hand its request path {@link TestCall}s. */
public final class TestEngines {

    private TestEngines() {}

    /**
     * Starts an engine on {@code dataDir} with these settings, each written {@code name=value} (the
     * default fixture unless {@code offsetkit.fixture} says otherwise).
     */
    public static Engine start(Path dataDir, String... settings) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("offsetkit.data-dir", dataDir.toString());
        values.putAll(TestServer.settings(settings));
        return Engine.start(ServerSettings.from(SettingSources.of(values)));
    }
}
