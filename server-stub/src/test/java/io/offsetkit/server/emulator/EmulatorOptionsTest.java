package io.offsetkit.server.emulator;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad option fails at build(), naming the option and the value. */
class EmulatorOptionsTest {

    @TempDir
    Path dir;

    @Test
    void aPortOutOfRangeIsRefusedAtBuild() {
        assertThatThrownBy(() -> OffsetkitEmulator.builder().port(70000).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port(70000): it must be between 0 and 65535 (0: a free port)");
    }

    @Test
    void aFixtureFileThatDoesNotExistIsRefusedAtBuild() {
        Path missing = dir.resolve("missing.yaml");

        assertThatThrownBy(() -> OffsetkitEmulator.builder().fixture(missing).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fixture(\"" + missing + "\"): no such file (" + missing.toAbsolutePath() + ")");
    }

    @Test
    void aDirectoryAsFixtureIsRefusedAtBuildNamingIt() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("fixtures"));

        assertThatThrownBy(() -> OffsetkitEmulator.builder().fixture(directory).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fixture(\"" + directory + "\"): it is a directory (" + directory.toAbsolutePath()
                        + "), not a file");
    }

    @Test
    void aFixtureThatIsNotAFixtureIsRefusedAtBuildNamingTheKey() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "instances:\n  - instance_idd: x\n");

        assertThatThrownBy(() -> OffsetkitEmulator.builder().fixture(bad).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fixture(\"" + bad + "\"): the fixture " + bad + " is not valid")
                .hasMessageContaining("instance_idd");
    }

    @Test
    void aMissingClassPathFixtureIsRefusedAtBuild() {
        assertThatThrownBy(() -> OffsetkitEmulator.builder()
                        .fixture("classpath:no/such.yaml")
                        .build())
                .hasMessage("fixture(\"classpath:no/such.yaml\"): no such resource on the class path");
    }

    @Test
    void aFileAsDataDirectoryIsRefusedAtBuild() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");

        assertThatThrownBy(() -> OffsetkitEmulator.builder().dataDirectory(file).build())
                .hasMessage("dataDirectory(" + file + "): it is a file, not a directory");
    }

    @Test
    void badCredentialsAreRefusedAtBuildWithoutShowingTheSecret() {
        assertThatThrownBy(() ->
                        OffsetkitEmulator.builder().credentials("a:b", "sk").build())
                .hasMessage(
                        "credentials(\"a:b\", ...): the access key must be non-empty, without white space, ':' or ','");
        assertThatThrownBy(() ->
                        OffsetkitEmulator.builder().credentials("ak", "s,k").build())
                .hasMessage(
                        "credentials(..., secret key of 3 characters): the secret key must be non-empty, without white"
                                + " space or ','");
        assertThatThrownBy(() -> OffsetkitEmulator.builder().auth(null).build())
                .hasMessage("auth(null): it must be one of NONE, TOKEN, AKSK");
    }
}
