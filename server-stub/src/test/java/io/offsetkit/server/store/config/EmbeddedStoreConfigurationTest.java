package io.offsetkit.server.store.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.server.OffsetkitServer;
import io.offsetkit.server.backend.OffsetBackend;
import io.offsetkit.server.store.EmbeddedStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** The backend settings, on a real (non-web) application context. */
class EmbeddedStoreConfigurationTest {

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start(String... args) {
        SpringApplication app = new SpringApplication(OffsetkitServer.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        return app.run(args);
    }

    @Test
    void theDefaultBackendIsTheEmbeddedStoreSeededWithTheFixtureOnlyWhenEmpty() {
        String dataDir = "--offsetkit.data-dir=" + dir;
        try (ConfigurableApplicationContext context = start(dataDir)) {
            assertThat(context.getBean(OffsetBackend.class)).isInstanceOf(EmbeddedStore.class);
            EmbeddedStore store = context.getBean(EmbeddedStore.class);
            assertThat(store.instances()).hasSize(1);
            store.putInstance("added-later", "p", java.util.List.of());
        }

        // a data directory with data is opened as it is: the fixture is not applied again
        try (ConfigurableApplicationContext context = start(dataDir, "--offsetkit.fixture=/no/such/file.yaml")) {
            assertThat(context.getBean(EmbeddedStore.class).instances())
                    .extracting(i -> i.instanceId())
                    .containsExactly("11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d", "added-later");
        }
    }

    @Test
    void aMissingFixtureFileStopsTheStartNamingTheKey() {
        assertThatThrownBy(() -> start("--offsetkit.data-dir=" + dir, "--offsetkit.fixture=/no/such/file.yaml"))
                .hasStackTraceContaining("offsetkit.fixture=/no/such/file.yaml");
    }

    @Test
    void anUnknownBackendStopsTheStartNamingTheKeyAndValue() {
        assertThatThrownBy(() -> start("--offsetkit.data-dir=" + dir, "--offsetkit.backend=embeded"))
                .hasStackTraceContaining("offsetkit.backend=embeded names no backend");
    }
}
