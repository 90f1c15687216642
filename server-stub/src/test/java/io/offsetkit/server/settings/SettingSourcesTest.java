package io.offsetkit.server.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which setting each environment variable gives, and where each value came from. */
class SettingSourcesTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "OFFSETKIT_AUTH_MODE, offsetkit.auth.mode",
        "SERVER_PORT, server.port",
        "SERVER_ADDRESS, server.address",
        "OFFSETKIT_HTTP_MAX_BODY_SIZE, offsetkit.http.max-body-size",
        "OFFSETKIT_HTTP_MAXBODYSIZE, offsetkit.http.max-body-size",
        "OFFSETKIT_DATA_DIR, offsetkit.data-dir",
        "OFFSETKIT_DATADIR, offsetkit.data-dir",
        "OFFSETKIT_ADMIN_TOKEN, offsetkit.admin.token",
        "OFFSETKIT_ROCKETMQ_INSTANCES_0_NAME_SERVER, offsetkit.rocketmq.instances[0].name-server",
        "OFFSETKIT_ROCKETMQ_INSTANCES_0_NAMESERVER, offsetkit.rocketmq.instances[0].name-server",
        "OFFSETKIT_ROCKETMQ_INSTANCES_12_PROJECT_ID, offsetkit.rocketmq.instances[12].project-id",
        "OFFSETKIT_ROCKETMQ_INSTANCES_007_ID, offsetkit.rocketmq.instances[7].id",
        "OFFSETKIT_ROCKETMQ_INSTANCES_1_SECRET_KEY, offsetkit.rocketmq.instances[1].secret-key",
        "LOGGING_LEVEL_IO_OFFSETKIT_SERVER_ACCESS, logging.level.io.offsetkit.server.access",
        "LOGGING_LEVEL_ROOT, logging.level.root",
    })
    void aVariableGivesTheSettingOfItsName(String variable, String name) {
        SettingSources sources = SettingSources.of(Map.of(), Map.of(variable, "v"), null);

        assertThat(sources.names()).containsExactly(name);
        assertThat(sources.get(name)).contains("v");
        assertThat(sources.origin(name)).isEqualTo("the environment variable " + variable);
    }

    @Test
    void variablesThatNameNoSettingAreIgnored() {
        SettingSources sources = SettingSources.of(
                Map.of(),
                Map.of(
                        "PATH", "/usr/bin",
                        "OFFSETKIT_NOTHING", "x",
                        "server_port", "1",
                        "LOGGING_LEVEL_", "WARN",
                        "OFFSETKIT_ROCKETMQ_INSTANCES_X_ID", "x"),
                null);

        assertThat(sources.names()).isEmpty();
    }

    @Test
    void eachValueKeepsItsOrigin() throws Exception {
        Path file = ConfigFiles.yaml(
                dir.resolve("offsetkit.yaml"),
                Map.of("server.port", "1", "server.address", "a", "offsetkit.fixture", "f"));

        SettingSources sources =
                SettingSources.of(Map.of("server.port", "3"), Map.of("SERVER_PORT", "2", "SERVER_ADDRESS", "b"), file);

        assertThat(sources.get("server.port")).contains("3");
        assertThat(sources.origin("server.port")).isEqualTo("the command line");
        assertThat(sources.get("server.address")).contains("b");
        assertThat(sources.origin("server.address")).isEqualTo("the environment variable SERVER_ADDRESS");
        assertThat(sources.get("offsetkit.fixture")).contains("f");
        assertThat(sources.origin("offsetkit.fixture")).isEqualTo("the config file " + file);
        assertThat(sources.get("offsetkit.backend")).isEmpty();
        assertThat(sources.origin("offsetkit.backend")).isEqualTo("the default");
    }

    @Test
    void givenValuesAreTheirOwnSource() {
        SettingSources sources = SettingSources.of(Map.of("server.port", "0"));

        assertThat(sources.names()).containsExactly("server.port");
        assertThat(sources.origin("server.port")).isEqualTo("the given settings");
    }
}
