package io.offsetkit.server.store.config;

import io.offsetkit.server.fixture.FixtureFile;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the backend and the embedded store ({@code offsetkit.*}).
 *
 * @param backend which backend answers resets: {@value #EMBEDDED} (default) is the embedded store
 * @param dataDir where the embedded store keeps its files; default {@value #DEFAULT_DATA_DIR}
 * @param fixture the fixture put into the store when its data directory is empty: {@code
 *     classpath:...}, a file path (or {@code file:...}), or {@value #NO_FIXTURE}; default the bundled
 *     fixture ({@link FixtureFile#DEFAULT})
 */
@ConfigurationProperties("offsetkit")
public record StoreProperties(String backend, Path dataDir, String fixture) {

    /** {@code offsetkit.backend} for the embedded store. */
    public static final String EMBEDDED = "embedded";

    /** Default of {@code offsetkit.data-dir}, relative to the working directory. */
    public static final String DEFAULT_DATA_DIR = "offsetkit-data";

    /** {@code offsetkit.fixture} value that starts an empty store. */
    public static final String NO_FIXTURE = "none";

    public StoreProperties {
        backend = backend == null ? EMBEDDED : backend;
        dataDir = dataDir == null ? Path.of(DEFAULT_DATA_DIR) : dataDir;
        fixture = fixture == null || fixture.isBlank() ? FixtureFile.DEFAULT : fixture.strip();
    }
}
