package io.offsetkit.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.cli.CliNames;
import io.offsetkit.conformance.rules.Rule;
import io.offsetkit.conformance.run.RuleSelection;
import io.offsetkit.server.testsupport.docs.MarkdownFile;
import io.offsetkit.server.testsupport.docs.NamesInMarkdown;
import io.offsetkit.server.testsupport.docs.Repository;
import io.offsetkit.server.testsupport.docs.ServerNames;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command-line option, rule id, setting and environment variable that the conformance README,
 * the top README and the client's README name is one the code has: the kit's options as picocli reads
 * them from {@link CliArguments}, its rule ids from {@link Rule} (a range such as {@code
 * RESET-EXAMPLE-01..03} and a glob such as {@code RESET-AUTH-*} as the kit's own selection reads
 * them), its system property and environment variables from its code; and, for every other README
 * (the top one, the client's, any new one), which may name the server's and the operator's command
 * line's too, the server's as the server's code says and the command line's as {@link CliNames} does. This module sees both, being built last. The api README's names are checked
 * in the gate's plugin module, the server README's in the server's.
 */
class KitNamesInReadmesTest {

    /** {@code RESET-EXAMPLE-01..03}: every rule from the first to the last. */
    private static final Pattern RANGE = Pattern.compile("(RESET-[A-Z]+-)([0-9]+)\\.\\.([0-9]+)");

    /** The READMEs whose names the module they document checks: the gate's plugin, the server. */
    private static final Set<String> CHECKED_ELSEWHERE = Set.of("api/README.md", "server-stub/README.md");

    /** The catalogue's size as the conformance README states it. */
    private static final Pattern RULE_COUNT = Pattern.compile("\\*\\*([0-9]+) rules\\*\\*");

    @Test
    void everyNameInTheConformanceReadmeIsTheKits() {
        assertThat(NamesInMarkdown.in(Repository.readme("conformance/README.md"), Set.of()))
                .hasSizeGreaterThan(30);
        assertThat(unknown("conformance/README.md", KitNamesInReadmesTest::isKits))
                .as("names the kit does not have")
                .isEmpty();
    }

    @Test
    void everyNameInTheOtherReadmesIsTheKitsOrTheServers() {
        // GIVEN every README but those whose names their own module checks (the api's, the server's) and the kit's
        List<String> others = Repository.readmes().stream()
                .filter(readme -> !CHECKED_ELSEWHERE.contains(readme) && !readme.equals("conformance/README.md"))
                .toList();
        assertThat(others).contains("README.md", "client/README.md");
        assertThat(NamesInMarkdown.in(Repository.readme("README.md"), Set.of())).isNotEmpty();

        // WHEN / THEN each name is the kit's or the server's
        Predicate<NamesInMarkdown.Name> either = name -> isKits(name) || ServerNames.has(name) || isCommandLines(name);
        for (String readme : others) {
            assertThat(unknown(readme, either))
                    .as("names in %s neither the kit nor the server has", readme)
                    .isEmpty();
        }
    }

    @Test
    void theConformanceReadmeCountsTheRulesOfTheCatalogue() {
        Matcher count = RULE_COUNT.matcher(
                String.join("\n", Repository.readme("conformance/README.md").lines()));
        assertThat(count.find())
                .as("the conformance README says how many rules there are")
                .isTrue();
        assertThat(Integer.parseInt(count.group(1))).isEqualTo(Rule.values().length);
    }

    @Test
    void aSampleWithNamesTheKitDoesNotHaveFailsNamingEachOfThem() {
        // GIVEN a sample with right and wrong names of each kind
        MarkdownFile sample = MarkdownFile.of("sample.md", """
                Run `--base-url URL` (not `--base-uri`) with `--include RESET-AUTH-*,RESET-EXACT-1?` (not `RESET-AUTH-9*`).
                The families `RESET-EXAMPLE-01..03` and `RESET-WIRE-01..09`; `RESET-DOMAIN-09` and `RESET-DOMAIN-9`.
                `-Doffsetkit.seed=N` replays a run; `-Doffsetkit.sed=N` does not. `OFFSETKIT_SK`, not `OFFSETKIT_SECRET`.
                """);

        // WHEN the kit's check reads it
        List<String> unknown = NamesInMarkdown.unknown(sample, Set.of(), KitNamesInReadmesTest::isKits).stream()
                .map(NamesInMarkdown.Name::text)
                .toList();

        // THEN it names exactly the wrong ones
        assertThat(unknown)
                .containsExactlyInAnyOrder(
                        "--base-uri",
                        "RESET-AUTH-9*",
                        "RESET-WIRE-01..09",
                        "RESET-DOMAIN-9",
                        "offsetkit.sed",
                        "OFFSETKIT_SECRET");
    }

    private static List<NamesInMarkdown.Name> unknown(String readme, Predicate<NamesInMarkdown.Name> known) {
        return NamesInMarkdown.unknown(Repository.readme(readme), Set.of(), known);
    }

    /** Whether the operator's command line (client/cli) has the name: one of its options or environment variables. */
    static boolean isCommandLines(NamesInMarkdown.Name name) {
        return switch (name.kind()) {
            case OPTION -> CliNames.options().contains(name.text());
            case ENVIRONMENT_VARIABLE -> CliNames.environmentVariables().contains(name.text());
            default -> false;
        };
    }

    /** Whether the kit has the name: an option, a rule id, range or glob, its system property, an environment variable. */
    static boolean isKits(NamesInMarkdown.Name name) {
        return switch (name.kind()) {
            case OPTION -> options().contains(name.text());
            case RULE_ID -> isRuleIdRangeOrGlob(name.text());
            case SETTING -> name.text().equals(seedProperty());
            case ENVIRONMENT_VARIABLE ->
                name.text().equals(CliArguments.ENV_SK) || name.text().equals(CliArguments.ENV_TOKEN);
        };
    }

    private static Set<String> options() {
        return new CommandLine(CliArguments.class)
                .getCommandSpec().options().stream()
                        .flatMap(option -> Arrays.stream(option.names()))
                        .collect(Collectors.toSet());
    }

    private static boolean isRuleIdRangeOrGlob(String text) {
        Set<String> ids = Arrays.stream(Rule.values()).map(Rule::id).collect(Collectors.toSet());
        Matcher range = RANGE.matcher(text);
        if (range.matches()) {
            String width = "%0" + range.group(2).length() + "d";
            int first = Integer.parseInt(range.group(2));
            int last = Integer.parseInt(range.group(3));
            if (first >= last) {
                return false; // a range runs upwards
            }
            for (int i = first; i <= last; i++) {
                if (!ids.contains(range.group(1) + String.format(width, i))) {
                    return false;
                }
            }
            return true;
        }
        if (text.contains("*") || text.contains("?")) {
            try {
                RuleSelection.of(List.of(text), List.of());
                return true;
            } catch (IllegalArgumentException matchesNoRule) {
                return false;
            }
        }
        return ids.contains(text);
    }

    /** The system property of the kit's JUnit classes that replays a run ({@code JunitVerdicts.SEED_PROPERTY}). */
    private static String seedProperty() {
        try {
            var field = Class.forName("io.offsetkit.conformance.junit.JunitVerdicts")
                    .getDeclaredField("SEED_PROPERTY");
            field.setAccessible(true);
            return (String) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the kit's seed property cannot be read", e);
        }
    }
}
