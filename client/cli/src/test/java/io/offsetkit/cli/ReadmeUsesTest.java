package io.offsetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The client README's command-line section: its four everyday uses (block cli-everyday-uses) run
 * in order against the emulator, each checked by the offsets it leaves, and every option and
 * environment variable the section names is one the command has.
 */
class ReadmeUsesTest extends EmulatorCliTest {

    static final Path README =
            Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("../README.md");
    static final Path LAUNCHER =
            Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("src/main/launcher/offsetkit");
    static final String SECTION = "## The operator's command line (`client/cli`)";

    @TempDir
    Path dir;

    @Test
    void theFourEverydayUsesRunAsWrittenAndDoWhatTheySay() throws IOException {
        // GIVEN the README's commands, billing and audit at offset 5 of orders and at the end of recent
        List<String[]> commands = commands();
        assertThat(commands).hasSize(6);

        // WHEN / THEN to a time: the plan changes nothing, its execution goes to 10:00 Beijing (offset 0)
        assertThat(run(commands.get(0)).exit()).isZero();
        assertThat(committed("billing", "orders")).containsExactly(5L, 5L);
        assertThat(run(commands.get(1)).exit()).isZero();
        assertThat(committed("billing", "orders")).containsExactly(0L, 0L);

        // to the latest: both groups at the end of orders
        assertThat(run(commands.get(2)).exit()).isZero();
        assertThat(committed("billing", "orders")).containsExactly(10L, 10L);
        assertThat(committed("audit", "orders")).containsExactly(10L, 10L);

        // a plan saved, then applied: 30 minutes back on each of billing's topics
        CliRun saved = run(commands.get(3));
        assertThat(saved.exit()).as(saved.both()).isZero();
        assertThat(dir.resolve("plan.json")).exists();
        assertThat(committed("billing", "recent")).containsExactly(4L, 4L);
        CliRun applied = run(commands.get(4));
        assertThat(applied.exit()).as(applied.both()).isZero();
        assertThat(committed("billing", "recent")).containsExactly(2L, 2L);
        assertThat(committed("billing", "orders")).containsExactly(10L, 10L);

        // JSON for a script: to the earliest
        CliRun json = run(commands.get(5));
        assertThat(json.exit()).as(json.both()).isZero();
        JsonNode report = Json.MAPPER.readTree(json.out());
        assertThat(report.path("applied").asInt()).isEqualTo(1);
        assertThat(report.path("reconsumed").asLong()).isEqualTo(20);
        assertThat(committed("billing", "orders")).containsExactly(0L, 0L);
    }

    @Test
    void everyOptionAndVariableTheSectionNamesIsTheCommands() throws IOException {
        String section = section();
        List<String> options = matches(Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*"), section);
        List<String> variables = matches(Pattern.compile("(?<!\\w)OFFSETKIT_[A-Z0-9_]*[A-Z0-9]"), section);

        assertThat(options).hasSizeGreaterThan(15);
        assertThat(options).allMatch(CliNames.options()::contains, "an option of offsetkit reset");
        Set<String> read = new HashSet<>(CliNames.environmentVariables());
        List<String> launcherReads =
                matches(Pattern.compile("(?<=\\$\\{)OFFSETKIT_[A-Z0-9_]*[A-Z0-9]"), Files.readString(LAUNCHER));
        assertThat(launcherReads).contains(CliNames.LAUNCHER_JAVA_OPTIONS);
        assertThat(variables).contains("OFFSETKIT_AK", "OFFSETKIT_JAVA_OPTS");
        assertThat(variables).allMatch(read::contains, "a variable the command or its launcher reads");
    }

    /** A README command as the operator's shell would run it, in the test's directory. */
    private CliRun run(String[] words) {
        List<String> args = new ArrayList<>();
        for (String word : Arrays.asList(words).subList(1, words.length)) {
            if (word.equals("$CONN")) {
                args.addAll(List.of(
                        "--endpoint", emulator.baseUrl(),
                        "--project-id", emulator.projectId(),
                        "--instance-id", emulator.instanceId()));
            } else if (word.equals("plan.json")) {
                args.add(dir.resolve(word).toString());
            } else {
                args.add(word);
            }
        }
        return CliRun.of(Map.of(), args);
    }

    /** The block's command lines, comments left out, each split into words; each starts with {@code offsetkit}. */
    static List<String[]> commands() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int begin = lines.indexOf("<!-- cli-everyday-uses:begin -->");
        int end = lines.indexOf("<!-- cli-everyday-uses:end -->");
        assertThat(begin)
                .as("client/README.md marks the block cli-everyday-uses")
                .isNotNegative();
        assertThat(lines.get(begin + 1)).isEqualTo("```shell");
        assertThat(lines.get(end - 1)).isEqualTo("```");
        List<String[]> commands = new ArrayList<>();
        for (String line : lines.subList(begin + 2, end - 1)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.trim().split("\\s+");
            assertThat(words[0]).as(line).isEqualTo("offsetkit");
            assertThat(words[1]).as(line).isEqualTo("reset");
            commands.add(words);
        }
        return commands;
    }

    private static String section() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf(SECTION);
        assertThat(start).as("client/README.md has the section " + SECTION).isNotNegative();
        int next = readme.indexOf("\n## ", start + SECTION.length());
        return readme.substring(start, next < 0 ? readme.length() : next);
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
