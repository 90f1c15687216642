package io.offsetkit.api.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which released document is the baseline, and versions as the gate reads them. */
class ContractBaselineTest {

    @TempDir
    Path dir;

    @Test
    void newestIsChosenByVersionNotByName() throws IOException {
        // GIVEN three released documents; lexically 1.10.0 sorts before 1.2.0
        release("1.0.0");
        release("1.2.0");
        release("1.10.0");

        // WHEN / THEN
        assertThat(ContractBaseline.newest(dir).version()).isEqualTo("1.10.0");
    }

    @Test
    void fileNamedForAnotherVersionIsRefused() throws IOException {
        // GIVEN a copy filed as 2.0.0 whose info.version says 1.0.0
        Files.writeString(dir.resolve("openapi-2.0.0.yaml"), document("1.0.0"));

        // WHEN / THEN
        assertThatThrownBy(() -> ContractBaseline.newest(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("says info.version 1.0.0, not the 2.0.0 its name says");
    }

    @Test
    void versionTooLargeInAFileNameIsNamedAsSuch() throws IOException {
        // GIVEN a baseline whose name has a major version above what an int holds
        release("1.0.0");
        Path tooLarge = Files.writeString(dir.resolve("openapi-99999999999.0.0.yaml"), document("1.0.0"));

        // WHEN / THEN the message names the file and what is wrong, not the number parser's words
        assertThatThrownBy(() -> ContractBaseline.newest(dir))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("The baseline " + tooLarge + " has a name the gate cannot order: '99999999999.0.0' is a"
                        + " version number too large: MAJOR, MINOR and PATCH are each at most 2147483647")
                .message()
                .doesNotContain("For input string");
    }

    @Test
    void repositoryBaselineIsNotAheadOfTheContract() {
        // The newest released contract can equal the bundled one (just released) or be older.
        SemanticVersion released = SemanticVersion.parse(
                ContractBaseline.newest(RepositoryContract.BASELINES).version());
        SemanticVersion bundled = SemanticVersion.parse(
                ContractDocument.read(RepositoryContract.CONTRACT).version());

        assertThat(released).isLessThanOrEqualTo(bundled);
    }

    @Test
    void versionsCompareNumericallyAndRefuseOtherForms() {
        assertThat(SemanticVersion.parse("1.10.0")).isGreaterThan(SemanticVersion.parse("1.2.0"));
        assertThat(SemanticVersion.parse("2.0.0-rc.1").major()).isEqualTo(2);
        assertThat(SemanticVersion.parse("1.4.2").nextMajor()).hasToString("2.0.0");
        assertThatThrownBy(() -> SemanticVersion.parse("1.0"))
                .hasMessageContaining("'1.0' is not a semantic version MAJOR.MINOR.PATCH");
        assertThatThrownBy(() -> SemanticVersion.parse("1.2147483648.0"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("'1.2147483648.0' is a version number too large: MAJOR, MINOR and PATCH are each at most"
                        + " 2147483647");
    }

    private void release(String version) throws IOException {
        Files.writeString(dir.resolve("openapi-" + version + ".yaml"), document(version));
    }

    private static String document(String version) {
        return "openapi: 3.0.3\ninfo:\n  title: t\n  version: " + version + "\npaths: {}\n";
    }
}
