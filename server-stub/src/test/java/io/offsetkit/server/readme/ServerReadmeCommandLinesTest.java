package io.offsetkit.server.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.auth.AuthMode;
import io.offsetkit.server.rocketmq.RocketMqProperties;
import io.offsetkit.server.settings.ServerCommand;
import io.offsetkit.server.settings.ServerSettings;
import io.offsetkit.server.settings.Setting;
import io.offsetkit.server.settings.SettingSources;
import io.offsetkit.server.testsupport.docs.MarkdownFile;
import io.offsetkit.server.testsupport.docs.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's README blocks that configure it, read by the server's own command line ({@code
 * ServerCommand}) and config file reader ({@code SettingSources}, {@code ServerSettings}): each gives
 * the settings its text says it gives, and the RocketMQ backend's command line and config file give
 * the same ones.
 */
class ServerReadmeCommandLinesTest {

    private static final MarkdownFile README = Repository.readme("server-stub/README.md");

    @TempDir
    Path dir;

    @Test
    void runningItStartsWithTheDefaultsThenAPortAndATokenThenPrintsTheHelp() {
        // GIVEN the three server commands of "Running it" (block server-running)
        List<List<String>> commands = ServerCommands.arguments(README.block("server-running"), Map.of());
        assertThat(commands).hasSize(3);

        // WHEN the server's command line reads each
        ServerSettings plain = ServerCommands.settings(commands.get(0));
        ServerSettings withToken = ServerCommands.settings(commands.get(1));
        ServerCommand.Parsed help = ServerCommands.parse(commands.get(2));

        // THEN the first is every default: loopback, port 8080, no authentication
        assertThat(plain).isEqualTo(ServerSettings.defaults());
        assertThat(plain.address()).isEqualTo("127.0.0.1");
        assertThat(plain.port()).isEqualTo(8080);
        // the second listens on 9090 and takes the token dev-token
        assertThat(withToken.port()).isEqualTo(9090);
        assertThat(withToken.auth().mode()).isEqualTo(AuthMode.TOKEN);
        assertThat(withToken.auth().tokens()).containsExactly("dev-token");
        // the third prints every setting with its default, as its comment says
        assertThat(help).isInstanceOf(ServerCommand.HelpRequested.class);
        String text = ((ServerCommand.HelpRequested) help).text().replaceAll("\\s+", " ");
        for (Setting setting : Setting.values()) {
            if (!setting.isFamily()) {
                assertThat(text)
                        .contains("--" + setting.key() + "=")
                        .contains("Default: " + setting.defaultShown() + ".");
            }
        }
    }

    @Test
    void theConfigFileOfSettingsGivesAPortTwoTokensAndTheAccessLogsLevel() throws IOException {
        // GIVEN the config file of "Settings" (block settings-config-file), saved as the README names it
        Path file = Files.writeString(
                dir.resolve("offsetkit.yaml"),
                README.block("settings-config-file").text());

        // WHEN the server reads it as --config=FILE
        ServerSettings settings = ServerSettings.from(SettingSources.of(Map.of(), Map.of(), file));

        // THEN it listens on 9090, takes either token, and logs its access log at WARN
        assertThat(settings.port()).isEqualTo(9090);
        assertThat(settings.auth().mode()).isEqualTo(AuthMode.TOKEN);
        assertThat(settings.auth().tokens()).containsExactly("dev-token", "ci-token");
        assertThat(settings.logLevels()).containsExactly(Map.entry("io.offsetkit.server.access", "WARN"));
    }

    @Test
    void theRocketMqBackendsCommandLineAndConfigFileGiveTheSameInstance() throws IOException {
        // GIVEN the RocketMQ backend's command line (rocketmq-command-line) and config file (rocketmq-config-file)
        List<List<String>> commands = ServerCommands.arguments(README.block("rocketmq-command-line"), Map.of());
        assertThat(commands).hasSize(1);
        Path file = Files.writeString(
                dir.resolve("offsetkit.yaml"),
                README.block("rocketmq-config-file").text());

        // WHEN the server reads each
        ServerSettings fromCommandLine = ServerCommands.settings(commands.get(0));
        ServerSettings fromFile = ServerSettings.from(SettingSources.of(Map.of(), Map.of(), file));

        // THEN both are the RocketMQ backend with one instance, the documented ids, two name servers
        assertThat(fromCommandLine.backend()).isEqualTo(ServerSettings.Backend.ROCKETMQ);
        assertThat(fromCommandLine.rocketmq().instances())
                .containsExactly(new RocketMqProperties.Instance(
                        "11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d",
                        "77b6a44cba5143ab91d13ab9a8ff44fd",
                        "10.0.0.1:9876;10.0.0.2:9876",
                        null,
                        null));
        assertThat(fromCommandLine.rocketmq().requestTimeout()).isEqualTo(Duration.ofSeconds(3));
        // AND the same settings, the file's explicit request timeout being the default
        assertThat(fromFile).isEqualTo(fromCommandLine);
    }
}
