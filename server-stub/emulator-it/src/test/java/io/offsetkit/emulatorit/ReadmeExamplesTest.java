package io.offsetkit.emulatorit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The README's emulator examples are these tests' sources, whole: each fenced block between its
 * markers is compared with the file line by line (trailing spaces aside), and the build runs the
 * files as tests. A change to either one alone fails the build, so the README cannot rot.
 */
class ReadmeExamplesTest {

    private static final Path SOURCES = Path.of("src", "test", "java");

    @ParameterizedTest(name = "README block {0} is {1}")
    @CsvSource({
        "emulator-example-sdk, com/example/billing/ReplayBillingWithOfficialSdkTest.java",
        "emulator-example-client, com/example/billing/ReplayBillingWithOffsetkitClientTest.java",
        "emulator-example-faults, com/example/billing/BillingReplayErrorPathsTest.java"
    })
    void theReadmesExampleIsTheTestedSource(String marker, String source) throws IOException {
        // GIVEN the README and the example's source
        List<String> readme = Files.readAllLines(Path.of(System.getProperty("offsetkit.readme")));
        List<String> file = stripped(Files.readAllLines(SOURCES.resolve(source)));

        // WHEN the fenced block between the markers is cut out
        List<String> block = between(readme, "<!-- " + marker + ":begin -->", "<!-- " + marker + ":end -->");

        // THEN it is the file
        assertThat(block.get(0)).isEqualTo("```java");
        assertThat(block.get(block.size() - 1)).isEqualTo("```");
        assertThat(stripped(block.subList(1, block.size() - 1)))
                .as("README block " + marker + " vs " + source)
                .isEqualTo(file);
    }

    @ParameterizedTest(name = "README block {0} names the standalone artifact")
    @CsvSource({"emulator-maven", "emulator-gradle"})
    void theReadmesCoordinatesAreTheStandaloneArtifactsOfThisVersion(String marker) throws IOException {
        List<String> readme = Files.readAllLines(Path.of(System.getProperty("offsetkit.readme")));

        String block =
                String.join("\n", between(readme, "<!-- " + marker + ":begin -->", "<!-- " + marker + ":end -->"));

        assertThat(block).contains("offsetkit-server-standalone").contains(System.getProperty("offsetkit.version"));
    }

    private static List<String> stripped(List<String> lines) {
        return lines.stream().map(String::stripTrailing).toList();
    }

    /** The lines strictly between the line {@code begin} and the next line {@code end}. */
    private static List<String> between(List<String> lines, String begin, String end) {
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(begin)) {
                from = i + 1;
            } else if (from >= 0 && lines.get(i).strip().equals(end)) {
                return lines.subList(from, i);
            }
        }
        throw new AssertionError("the README has no lines between '" + begin + "' and '" + end + "'");
    }
}
