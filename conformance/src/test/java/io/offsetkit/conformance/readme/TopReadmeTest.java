package io.offsetkit.conformance.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.testsupport.docs.MarkdownFile;
import io.offsetkit.server.testsupport.docs.Repository;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shape the project gives its READMEs: the top README stays short enough to read in five
 * minutes, its module map names every module of the reactor with a link to where it is described,
 * and no README states a figure of speed or memory (those live in server-stub/PERFORMANCE.md, with
 * the machine and the commands that produced them).
 */
class TopReadmeTest {

    private static final int MOST_LINES = 250;

    /** A row of the module map: the module, in code, first. */
    private static final Pattern MODULE_ROW = Pattern.compile("^\\| `([a-z/-]+)` \\|.*\\]\\(([^)]+)\\) \\|$");

    /** What a measured figure looks like: nano- or microseconds, a ratio to another server, a rate, a percentile, resident memory. */
    private static final Pattern FIGURE = Pattern.compile(
            "\\b[0-9][0-9,.]*\\s?(ns|µs)\\b|\\b[0-9]+(\\.[0-9]+)?x\\b|requests/s|\\bp(50|90|99)\\b|MiB resident|[0-9]\\s?MiB RSS");

    @Test
    void theTopReadmeIsAtMostTwoHundredFiftyLines() {
        assertThat(Repository.readme("README.md").lines()).hasSizeLessThanOrEqualTo(MOST_LINES);
    }

    @Test
    void theModuleMapNamesEveryModuleOfTheReactorOnceWithALink() throws Exception {
        // GIVEN the reactor's modules, as the top pom lists them
        Set<String> modules = new TreeSet<>();
        Matcher module =
                Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(Repository.file("pom.xml")));
        while (module.find()) {
            modules.add(module.group(1));
        }

        // WHEN the module map's rows are read
        List<String> mapped = new ArrayList<>();
        for (String line : Repository.readme("README.md").lines()) {
            Matcher row = MODULE_ROW.matcher(line);
            if (row.matches()) {
                mapped.add(row.group(1));
            }
        }

        // THEN each module has exactly one row (its link is checked by ReadmeLinksTest)
        assertThat(mapped).containsExactlyInAnyOrderElementsOf(modules);
    }

    @Test
    void noReadmeStatesAFigureOfSpeedOrMemory() {
        List<String> figures = new ArrayList<>();
        for (String readme : Repository.readmes()) {
            figures.addAll(figures(Repository.readme(readme)));
        }
        assertThat(figures)
                .as("figures that belong in server-stub/PERFORMANCE.md")
                .isEmpty();
    }

    @Test
    void aSampleWithFiguresFailsNamingEachLine() {
        MarkdownFile sample = MarkdownFile.of("sample.md", """
                A lookup takes 238 ns, 1,000x faster than RocketMQ's.
                It serves 14,000 requests/s at p99 5 ms.
                Timeouts: 10 s to connect, 30 s to read; retries wait 200 ms.
                """);

        assertThat(figures(sample))
                .containsExactly(
                        "sample.md:1: A lookup takes 238 ns, 1,000x faster than RocketMQ's.",
                        "sample.md:2: It serves 14,000 requests/s at p99 5 ms.");
    }

    private static List<String> figures(MarkdownFile readme) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < readme.lines().size(); i++) {
            String line = readme.lines().get(i);
            if (FIGURE.matcher(line).find()) {
                found.add(readme.name() + ":" + (i + 1) + ": " + line.strip());
            }
        }
        return found;
    }
}
