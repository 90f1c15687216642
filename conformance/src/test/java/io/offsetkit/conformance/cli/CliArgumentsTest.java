package io.offsetkit.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CliArgumentsTest {

    @Test
    void readsEveryOptionInBothSpellings() throws Exception {
        CliArguments arguments = CliArguments.parse(
                "--base-url=http://gw:8080/dms",
                "--project-id",
                "p",
                "--instance-id",
                "i",
                "--group=g",
                "--topic",
                "t",
                "--engine",
                "reliability",
                "--token",
                "x",
                "--fixture",
                "reference-admin",
                "--report-dir",
                "out",
                "--documented-data");

        assertThat(arguments.baseUrl()).isEqualTo(URI.create("http://gw:8080/dms"));
        assertThat(arguments.projectId()).isEqualTo("p");
        assertThat(arguments.group()).isEqualTo("g");
        assertThat(arguments.engine()).isEqualTo("reliability");
        assertThat(arguments.token()).isEqualTo("x");
        assertThat(arguments.reportDir()).isEqualTo(Path.of("out"));
        assertThat(arguments.documentedData()).isTrue();
        assertThat(arguments.launch()).isNull();
    }

    @Test
    void leavesIdsUnsetForTheDocumentedDefaults() throws Exception {
        CliArguments arguments = CliArguments.parse("--launch", "server.jar");

        assertThat(arguments.launch()).isEqualTo(Path.of("server.jar"));
        assertThat(arguments.projectId()).isNull();
        assertThat(arguments.baseUrl()).isNull();
    }

    @Test
    void refusesWhatCannotRunNamingTheOptionAndValue() {
        assertThatThrownBy(() -> CliArguments.parse()).hasMessageContaining("--base-url is required");
        assertThatThrownBy(() -> CliArguments.parse("--base-url", "ftp://x")).hasMessageContaining("'ftp://x'");
        assertThatThrownBy(() -> CliArguments.parse("--base-url", "http://x", "--engine", "kafka"))
                .hasMessageContaining("--engine must be rocketmq or reliability; was 'kafka'");
        assertThatThrownBy(() -> CliArguments.parse("--base-url", "http://x", "--topic"))
                .hasMessageContaining("--topic needs a value");
        assertThatThrownBy(() -> CliArguments.parse("--base-url", "http://x", "--group", "a", "--group", "b"))
                .hasMessageContaining("--group is given twice");
        assertThatThrownBy(() -> CliArguments.parse("--base-url", "http://x", "--token", "t", "--ak", "a", "--sk", "s"))
                .hasMessageContaining("either --token or --ak and --sk");
        assertThatThrownBy(() -> CliArguments.parse("--base-url", "http://x", "--fixture", "mine"))
                .hasMessageContaining("'mine'");
        assertThatThrownBy(() -> CliArguments.parse("--base-url", "http://x", "--fixture", "rocketmq:127.0.0.1:9876"))
                .hasMessageContaining("RocketMQ cluster runs from the JUnit base class");
        assertThatThrownBy(() -> CliArguments.parse("--launch", "s.jar", "--base-url", "http://x"))
                .hasMessageContaining("do not give --base-url");
        assertThatThrownBy(() -> CliArguments.parse("--verbose")).hasMessageContaining("unknown option '--verbose'");
    }
}
