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
        assertThatThrownBy(() -> new OffsetkitEmulator(EmulatorOptions.options().port(70000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port(70000): it must be between 0 and 65535 (0: a free port)");
    }

    @Test
    void aFixtureFileThatDoesNotExistIsRefusedAtBuild() {
        Path missing = dir.resolve("missing.yaml");

        assertThatThrownBy(() -> new OffsetkitEmulator(EmulatorOptions.options().fixture(missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fixture(\"" + missing + "\"): no such file (" + missing.toAbsolutePath() + ")");
    }

    @Test
    void aDirectoryAsFixtureIsRefusedAtBuildNamingIt() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("fixtures"));

        assertThatThrownBy(() -> new OffsetkitEmulator(EmulatorOptions.options().fixture(directory)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fixture(\"" + directory + "\"): it is a directory (" + directory.toAbsolutePath()
                        + "), not a file");
    }

    @Test
    void aFixtureThatIsNotAFixtureIsRefusedAtBuildNamingTheKey() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "instances:\n  - instance_idd: x\n");

        assertThatThrownBy(() -> new OffsetkitEmulator(EmulatorOptions.options().fixture(bad)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fixture(\"" + bad + "\"): the fixture " + bad + " is not valid")
                .hasMessageContaining("instance_idd");
    }

    @Test
    void aMissingClassPathFixtureIsRefusedAtBuild() {
        assertThatThrownBy(() -> new OffsetkitEmulator(EmulatorOptions.options().fixture("classpath:no/such.yaml")))
                .hasMessage("fixture(\"classpath:no/such.yaml\"): no such resource on the class path");
    }

    @Test
    void aFileAsDataDirectoryIsRefusedAtBuild() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");

        assertThatThrownBy(() -> new OffsetkitEmulator(EmulatorOptions.options().dataDirectory(file)))
                .hasMessage("dataDirectory(" + file + "): it is a file, not a directory");
    }

    @Test
    void badCredentialsAreRefusedAtBuildWithoutShowingTheSecret() {
        assertThatThrownBy(() -> new OffsetkitEmulator(EmulatorOptions.options().credentials("a:b", "sk")))
                .hasMessage("credentials(\"a:b\", ...): the access key must be non-empty, without white space or ':'");
        assertThatThrownBy(() -> new OffsetkitEmulator(EmulatorOptions.options().credentials("ak", "s k")))
                .hasMessage(
                        "credentials(..., secret key of 3 characters): the secret key must be non-empty, without white"
                                + " space");
        assertThatThrownBy(() -> new OffsetkitEmulator(EmulatorOptions.options().auth(null)))
                .hasMessage("auth(null): it must be one of NONE, TOKEN, AKSK");
    }
}
