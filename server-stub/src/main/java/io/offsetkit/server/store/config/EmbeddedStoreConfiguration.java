package io.offsetkit.server.store.config;

import io.offsetkit.server.fixture.FixtureException;
import io.offsetkit.server.fixture.FixtureFile;
import io.offsetkit.server.fixture.FixtureLoader;
import io.offsetkit.server.store.EmbeddedStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the {@link io.offsetkit.server.backend.OffsetBackend} bean when {@code
 * offsetkit.backend=embedded} (the default): an {@link EmbeddedStore} over {@code offsetkit.data-dir},
 * seeded from {@code offsetkit.fixture} when, and only when, the data directory holds no instance yet.
 * A store that already holds data is opened as it is: the fixture never overwrites it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "offsetkit.backend", havingValue = StoreProperties.EMBEDDED, matchIfMissing = true)
@EnableConfigurationProperties(StoreProperties.class)
public class EmbeddedStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedStore embeddedStore(StoreProperties properties) throws IOException {
        EmbeddedStore store = EmbeddedStore.open(properties.dataDir());
        try {
            if (!store.isEmpty()) {
                log.info(
                        "Embedded store opened in {} with its existing data; the fixture was not applied",
                        store.directory());
            } else if (StoreProperties.NO_FIXTURE.equals(properties.fixture())) {
                log.info("Embedded store opened empty in {} (offsetkit.fixture=none)", store.directory());
            } else {
                FixtureLoader.apply(
                        FixtureFile.read(open(properties.fixture()), properties.fixture()),
                        store,
                        properties.fixture());
                log.info("Embedded store created in {} from the fixture {}", store.directory(), properties.fixture());
            }
            return store;
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static InputStream open(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
            InputStream in = EmbeddedStoreConfiguration.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new FixtureException("offsetkit.fixture=" + location + ": no such resource on the class path");
            }
            return in;
        }
        Path path = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new FixtureException(
                    "offsetkit.fixture=" + location + ": no such file (" + path.toAbsolutePath() + ")", e);
        }
    }
}
