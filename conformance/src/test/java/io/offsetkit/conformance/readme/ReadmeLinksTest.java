package io.offsetkit.conformance.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.testsupport.docs.MarkdownFile;
import io.offsetkit.server.testsupport.docs.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every link of every README leads somewhere: a file or directory of the repository, and, with a
 * {@code #anchor}, a heading of that Markdown file (as GitHub names its anchors). The READMEs link to
 * one another's sections, which a split or a renamed heading would otherwise break unseen.
 */
class ReadmeLinksTest {

    @Test
    void everyLinkOfEveryReadmeLeadsToAFileAndHeadingOfTheRepository() {
        List<String> broken = new ArrayList<>();
        for (String readme : Repository.readmes()) {
            broken.addAll(broken(Repository.readme(readme), readme, file -> {
                Path path = Repository.file(file);
                return Files.exists(path) ? (file.endsWith(".md") ? MarkdownFile.read(path, file) : null) : null;
            }));
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void aSampleWithABrokenFileAndABrokenAnchorFails() {
        // GIVEN a README that links to itself and to another README, rightly and wrongly
        MarkdownFile sample = MarkdownFile.of("docs/README.md", """
                # Sample
                ## The `api` module (nested)
                See [above](#the-api-module-nested), [below](#nowhere), [the other](../other/README.md#its-part),
                [its other part](../other/README.md#no-part), [a file](../missing.md) and [the web](https://example.com).
                """);
        MarkdownFile other = MarkdownFile.of("other/README.md", "# Other\n## Its part\n");

        // WHEN / THEN the broken links are named
        assertThat(broken(sample, "docs/README.md", file -> file.equals("other/README.md") ? other : null))
                .containsExactlyInAnyOrder(
                        "docs/README.md: #nowhere: no such heading",
                        "docs/README.md: ../other/README.md#no-part: no such heading",
                        "docs/README.md: ../missing.md: no such file");
    }

    /**
     * The links of {@code readme} that lead nowhere.
     *
     * @param markdown a path from the top of the repository to its Markdown file, or null when there
     *     is no such file; any other existing file is given as a file with no heading
     */
    private static List<String> broken(MarkdownFile readme, String path, Function<String, MarkdownFile> markdown) {
        List<String> broken = new ArrayList<>();
        Path directory = Path.of(path).getParent();
        for (String target : readme.linkTargets()) {
            if (target.matches("^[a-z]+:.*")) {
                continue; // https:, mailto:: outside the repository
            }
            int hash = target.indexOf('#');
            String file = hash < 0 ? target : target.substring(0, hash);
            String anchor = hash < 0 ? null : target.substring(hash + 1);
            MarkdownFile linked = readme;
            if (!file.isEmpty()) {
                String resolved = (directory == null ? Path.of(file) : directory.resolve(file))
                        .normalize()
                        .toString()
                        .replace('\\', '/');
                linked = markdown.apply(resolved);
                if (linked == null && !Files.exists(Repository.file(resolved))) {
                    broken.add(path + ": " + target + ": no such file");
                    continue;
                }
            }
            if (anchor != null && (linked == null || !linked.anchors().contains(anchor))) {
                broken.add(path + ": " + target + ": no such heading");
            }
        }
        return broken;
    }
}
