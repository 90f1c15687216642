package io.offsetkit.api.compat.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The api module's README, api/README.md, as this module's tests read it. */
final class ApiReadme {

    /** The README, as the build names it. */
    static final Path README = Path.of(System.getProperty("offsetkit.readme", "../README.md"));

    /** The top of the repository, where the README's commands run. */
    static final Path REPOSITORY = Path.of(System.getProperty("basedir", ""))
            .toAbsolutePath()
            .resolve("../..")
            .normalize();

    private ApiReadme() {}

    /** Every line of the README. */
    static List<String> lines() throws IOException {
        return Files.readAllLines(README);
    }

    /**
     * The lines of the fenced block between {@code <!-- marker:begin -->} and {@code <!-- marker:end -->},
     * fences removed, each line trimmed.
     *
     * @param language what the opening fence must name ({@code text}, {@code bash})
     */
    static List<String> block(String marker, String language) throws IOException {
        List<String> fenced =
                ReadmeSnippetTest.between(lines(), "<!-- " + marker + ":begin -->", "<!-- " + marker + ":end -->");
        assertThat(fenced).as("api/README.md's block " + marker).hasSizeGreaterThan(2);
        assertThat(List.of(fenced.get(0), fenced.get(fenced.size() - 1))).containsExactly("```" + language, "```");
        return fenced.subList(1, fenced.size() - 1);
    }
}
