package io.offsetkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The client's README, client/README.md, as its tests read it: the fenced blocks between markers. */
final class ClientReadme {

    private ClientReadme() {}

    /** The module's directory, where the build runs the tests. */
    static Path module() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    /**
     * The lines of the fenced block between {@code <!-- marker:begin -->} and {@code <!-- marker:end -->},
     * fences removed, as written.
     *
     * @param language what the opening fence must name ({@code java}, {@code text})
     */
    static List<String> block(String marker, String language) throws IOException {
        List<String> readme = Files.readAllLines(module().resolve("README.md"));
        int begin = readme.indexOf("<!-- " + marker + ":begin -->");
        int end = readme.indexOf("<!-- " + marker + ":end -->");
        assertThat(begin).as("client/README.md marks a block " + marker).isNotNegative();
        assertThat(end).as("client/README.md ends the block " + marker).isGreaterThan(begin + 2);
        assertThat(readme.get(begin + 1)).isEqualTo("```" + language);
        assertThat(readme.get(end - 1)).isEqualTo("```");
        return readme.subList(begin + 2, end - 1);
    }
}
