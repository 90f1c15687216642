package io.offsetkit.server.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.offsetkit.server.error.SettingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config file, YAML (so JSON too) or properties, read into settings by their documented names. */
class ConfigFileTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static SettingException refusal(Path file) {
        SettingException refused = catchThrowableOfType(SettingException.class, () -> ConfigFile.read(file));
        assertThat(refused).as("%s is refused", file).isNotNull();
        return refused;
    }

    @Test
    void aYamlFileWithNestedKeysAListOfInstancesAndAListOfTokens() throws Exception {
        Path file = file("offsetkit.yaml", """
                server:
                  port: 9090
                  address: 0.0.0.0
                offsetkit:
                  backend: rocketmq
                  auth:
                    mode: token
                    tokens: [dev-token, ci-token]
                  rocketmq:
                    request-timeout: 5s
                    instances:
                      - id: cluster-a
                        name-server: 10.0.0.1:9876;10.0.0.2:9876
                        project-id: p1
                      - id: cluster-b
                        name-server: 10.0.1.1:9876
                        access-key: ak
                        secret-key: sk
                logging:
                  level:
                    io.offsetkit.server.access: WARN
                    root: info
                """);

        assertThat(ConfigFile.read(file))
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("server.port", "9090"),
                        Map.entry("server.address", "0.0.0.0"),
                        Map.entry("offsetkit.backend", "rocketmq"),
                        Map.entry("offsetkit.auth.mode", "token"),
                        Map.entry("offsetkit.auth.tokens", "dev-token,ci-token"),
                        Map.entry("offsetkit.rocketmq.request-timeout", "5s"),
                        Map.entry("offsetkit.rocketmq.instances[0].id", "cluster-a"),
                        Map.entry("offsetkit.rocketmq.instances[0].name-server", "10.0.0.1:9876;10.0.0.2:9876"),
                        Map.entry("offsetkit.rocketmq.instances[0].project-id", "p1"),
                        Map.entry("offsetkit.rocketmq.instances[1].id", "cluster-b"),
                        Map.entry("offsetkit.rocketmq.instances[1].name-server", "10.0.1.1:9876"),
                        Map.entry("offsetkit.rocketmq.instances[1].access-key", "ak"),
                        Map.entry("offsetkit.rocketmq.instances[1].secret-key", "sk"),
                        Map.entry("logging.level.io.offsetkit.server.access", "WARN"),
                        Map.entry("logging.level.root", "info")));
    }

    @Test
    void dottedKeysAndATokenListAsOneStringAreReadAsWritten() throws Exception {
        Path file = file("offsetkit.yml", """
                server.port: 9091
                offsetkit.auth.tokens: "a, b"
                """);

        assertThat(ConfigFile.read(file))
                .containsExactly(Map.entry("server.port", "9091"), Map.entry("offsetkit.auth.tokens", "a, b"));
    }

    @Test
    void theRootDirectoryIsRefusedAsADirectoryNotACrash() {
        // GIVEN --config=/ (a path without a file name)
        // WHEN it is read, THEN it is a setting error naming the option
        assertThatThrownBy(() -> ConfigFile.read(Path.of("/")))
                .isInstanceOf(SettingException.class)
                .hasMessage("--config=/: it is a directory, not a file");
    }

    @Test
    void aJsonFileIsYamlToo() throws Exception {
        Path file = file("offsetkit.json", "{\"server\": {\"port\": 9092}, \"offsetkit\": {\"fixture\": \"none\"}}");

        assertThat(ConfigFile.read(file))
                .containsExactly(Map.entry("server.port", "9092"), Map.entry("offsetkit.fixture", "none"));
    }

    @Test
    void aPropertiesFileHasTheNamesAsKeys() throws Exception {
        Path file = file("offsetkit.properties", """
                # a comment
                server.port=9093
                offsetkit.auth.tokens = t1,t2
                offsetkit.rocketmq.instances[0].name-server=h:1
                logging.level.root=WARN
                """);

        assertThat(ConfigFile.read(file))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "server.port", "9093",
                        "offsetkit.auth.tokens", "t1,t2",
                        "offsetkit.rocketmq.instances[0].name-server", "h:1",
                        "logging.level.root", "WARN"));
    }

    @Test
    void anEmptyFileGivesNoSetting() throws Exception {
        assertThat(ConfigFile.read(file("empty.yaml", ""))).isEmpty();
        assertThat(ConfigFile.read(file("comments.yaml", "# nothing yet\n"))).isEmpty();
    }

    @Test
    void anUnknownKeyFailsNamingTheFileAndTheClosestKnownName() throws Exception {
        Path file = file("offsetkit.yaml", "offsetkit:\n  auth:\n    mdoe: token\n");

        assertThat(refusal(file))
                .hasMessageStartingWith("offsetkit.auth.mdoe=token: no such setting")
                .hasMessageContaining("in the config file " + file)
                .hasMessageEndingWith("did you mean offsetkit.auth.mode?");
    }

    @Test
    void anUnknownKeyOfAPropertiesFileFailsToo() throws Exception {
        Path file = file("offsetkit.properties", "server.prot=1\n");

        assertThat(refusal(file)).hasMessageContaining("server.prot").hasMessageContaining("did you mean server.port?");
    }

    @Test
    void aKeyGivenTwiceIsNotValidYaml() throws Exception {
        Path file = file("offsetkit.yaml", "server:\n  port: 1\n  port: 2\n");

        assertThat(refusal(file))
                .hasMessageStartingWith("--config=" + file + ": not valid YAML")
                .hasMessageContaining("port");
    }

    @Test
    void aFileThatIsNotAMappingFails() throws Exception {
        Path file = file("offsetkit.yaml", "- server.port: 1\n");

        assertThat(refusal(file)).hasMessage("--config=" + file + ": the file must hold a YAML mapping of settings");
    }

    @Test
    void aFileThatIsNotYamlFails() throws Exception {
        Path file = file("offsetkit.yaml", "server: [port: 1\n");

        assertThat(refusal(file)).hasMessageStartingWith("--config=" + file + ": not valid YAML");
    }

    @Test
    void aMissingFileFailsNamingIt() {
        Path file = dir.resolve("nowhere.yaml");

        assertThat(refusal(file))
                .hasMessageStartingWith("--config=" + file + ": no such file")
                .hasMessageContaining(file.toAbsolutePath().toString());
        assertThat(refusal(file).key()).isEqualTo("--config");
    }
}
