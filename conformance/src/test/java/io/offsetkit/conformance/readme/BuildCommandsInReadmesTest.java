package io.offsetkit.conformance.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.testsupport.docs.FencedBlock;
import io.offsetkit.server.testsupport.docs.MarkdownFile;
import io.offsetkit.server.testsupport.docs.Repository;
import io.offsetkit.server.testsupport.docs.ShellScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The READMEs' build and run commands: the top README's two commands keep their form, and {@code
 * .ci/run} runs its test command; every {@code ./mvnw} command, in a fenced block or in the text, names
 * modules of the reactor, profiles, executions and properties its poms have, and goals Maven knows;
 * and every {@code java -jar} of a fenced block runs a jar a module's build writes. These commands
 * are the project's documented build commands; the tests do not run Maven itself.
 */
class BuildCommandsInReadmesTest {

    /** The top README's main job, as the project's rules fix it. */
    static final String MAIN_JOB =
            "./mvnw -q -B install -DskipTests && java -jar conformance/target/offsetkit-conformance.jar"
                    + " --launch server-stub/target/offsetkit-server.jar";

    /** The top README's test command, which .ci/run runs. */
    static final String TEST_COMMAND = "./mvnw verify";

    /** The blocks that hold build or run commands, by README: those this test checks. */
    static final Map<String, Set<String>> BLOCKS_WITH_COMMANDS = Map.of(
            "README.md", Set.of("main-job", "test-command", "try-server"),
            "api/README.md", Set.of("contract-gate-cli"),
            "client/README.md", Set.of("client-classpath"),
            "server-stub/README.md", Set.of("server-running", "settings-errors", "rocketmq-command-line"),
            "conformance/README.md", Set.of("kit-against-url", "kit-ci-job"));

    private static final Set<String> PHASES =
            Set.of("clean", "validate", "compile", "test-compile", "test", "package", "verify", "install");
    private static final Set<String> FLAGS = Set.of("-q", "-B", "-o", "-am", "-e", "-U");
    /** Properties that Maven's own plugins read: surefire's test selection, the dependency plugin's scope. */
    private static final Set<String> PLUGIN_PROPERTIES =
            Set.of("skipTests", "test", "scope", "surefire.failIfNoSpecifiedTests");

    /** A command line that runs a jar: the line starts with it, after a prompt ({@code $ }) if any. */
    private static final Pattern JAVA_JAR = Pattern.compile("^\\s*(?:\\$ )?java -jar (\\S+\\.jar)");

    @Test
    void theTwoCommandsKeepTheirFormAndCiRunsTheTestCommand() throws IOException {
        MarkdownFile top = Repository.readme("README.md");
        assertThat(top.block("main-job").lines()).containsExactly(MAIN_JOB);
        assertThat(top.block("test-command").lines()).containsExactly(TEST_COMMAND);

        List<String> ci = Files.readAllLines(Repository.file(".ci/run")).stream()
                .filter(line -> line.startsWith("./mvnw"))
                .toList();
        assertThat(ci).as(".ci/run runs one Maven command").hasSize(1);
        List<String> words = new ArrayList<>(Arrays.asList(ci.get(0).split(" ")));
        words.remove("-B");
        assertThat(String.join(" ", words))
                .as(".ci/run's command, batch mode aside")
                .isEqualTo(TEST_COMMAND);
    }

    @Test
    void theBlocksWithCommandsAreTheOnesThisTestReads() {
        for (String readme : Repository.readmes()) {
            Set<String> found = new TreeSet<>();
            for (FencedBlock block : Repository.readme(readme).blocks()) {
                if (block.lines().stream()
                        .anyMatch(line -> line.contains("./mvnw")
                                || JAVA_JAR.matcher(line).find())) {
                    found.add(block.id());
                }
            }
            assertThat(found)
                    .as("blocks of %s with ./mvnw or java -jar", readme)
                    .containsExactlyInAnyOrderElementsOf(BLOCKS_WITH_COMMANDS.getOrDefault(readme, Set.of()));
        }
    }

    @Test
    void everyMavenCommandNamesModulesProfilesExecutionsAndPropertiesTheBuildHas() {
        List<String> problems = new ArrayList<>();
        int commands = 0;
        for (String readme : Repository.readmes()) {
            MarkdownFile file = Repository.readme(readme);
            for (FencedBlock block : file.blocks()) {
                if (!block.info().equals("bash")) {
                    continue;
                }
                for (ShellScript.Command command : ShellScript.commands(block, shellVariables())) {
                    if (command.program().equals("./mvnw")) {
                        commands++;
                        problems.addAll(problems(block.where() + ", line " + command.line(), command.words()));
                    }
                }
            }
            for (String code : file.inlineCode()) {
                if (code.startsWith("./mvnw ")) {
                    commands++;
                    problems.addAll(problems(readme + ": `" + code + "`", Arrays.asList(code.split(" +"))));
                }
            }
        }
        assertThat(commands).isGreaterThan(8);
        assertThat(problems).isEmpty();
    }

    @Test
    void aSampleMavenCommandWithWhatTheBuildDoesNotHaveFails() {
        List<String> problems = problems(
                "sample",
                List.of(
                        "./mvnw",
                        "-q",
                        "-pl",
                        "server",
                        "-Pbenchmark",
                        "-Dcontract.gate.skipp",
                        "deploy",
                        "exec:exec@run-it"));

        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "sample: module server is not one of the reactor's",
                        "sample: profile benchmark is in no pom",
                        "sample: property contract.gate.skipp is defined by no pom and no goal",
                        "sample: deploy is no phase this project's builds use",
                        "sample: execution run-it is in no pom");
    }

    @Test
    void everyJavaJarRunsAJarAModulesBuildWrites() {
        List<String> problems = new ArrayList<>();
        for (String readme : Repository.readmes()) {
            for (FencedBlock block : Repository.readme(readme).blocks()) {
                for (String line : block.lines()) {
                    Matcher jar = JAVA_JAR.matcher(line);
                    while (jar.find()) {
                        Path path = Path.of(jar.group(1));
                        Path module = path.getParent() == null
                                ? null
                                : path.getParent().getParent();
                        String written =
                                "<outputFile>${project.build.directory}/" + path.getFileName() + "</outputFile>";
                        if (module == null
                                || !path.getParent().getFileName().toString().equals("target")
                                || !Files.isRegularFile(Repository.file(module + "/pom.xml"))
                                || !read(Repository.file(module + "/pom.xml")).contains(written)) {
                            problems.add(block.where() + ": " + path + " is no runnable jar a module's pom writes");
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** What a {@code ./mvnw} command names that the build does not have. */
    private static List<String> problems(String where, List<String> words) {
        List<String> problems = new ArrayList<>();
        Set<String> modules = modules();
        List<String> selected = new ArrayList<>(List.of("."));
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("-pl")) {
                selected = Arrays.asList(words.get(++i).split(","));
                selected.stream()
                        .filter(module -> !modules.contains(module))
                        .forEach(module -> problems.add(where + ": module " + module + " is not one of the reactor's"));
            }
        }
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("-pl")) {
                i++;
            } else if (FLAGS.contains(word) || word.equals("...")) {
                // an option of Maven's own, or the README's "and so on"
            } else if (word.startsWith("-P")) {
                String profile = word.substring(2);
                if (poms().noneMatch(pom -> pom.contains("<id>" + profile + "</id>"))) {
                    problems.add(where + ": profile " + profile + " is in no pom");
                }
            } else if (word.startsWith("-D")) {
                String property = word.substring(2).split("=", 2)[0];
                if (!PLUGIN_PROPERTIES.contains(property)
                        && poms().noneMatch(pom -> pom.contains("<" + property + ">"))
                        && !goalParameter(property)) {
                    problems.add(where + ": property " + property + " is defined by no pom and no goal");
                }
            } else if (word.contains(":")) {
                String[] goal = word.split("@", 2);
                String prefix = goal[0].split(":")[0];
                if (poms().noneMatch(pom -> pom.contains("<artifactId>maven-" + prefix + "-plugin</artifactId>")
                        || pom.contains("<artifactId>" + prefix + "-maven-plugin</artifactId>"))) {
                    problems.add(where + ": goal " + goal[0] + " is of no plugin the poms name");
                }
                if (goal.length == 2 && poms().noneMatch(pom -> pom.contains("<id>" + goal[1] + "</id>"))) {
                    problems.add(where + ": execution " + goal[1] + " is in no pom");
                }
            } else if (!PHASES.contains(word)) {
                problems.add(where + ": " + word + " is no phase this project's builds use");
            }
        }
        return problems;
    }

    /** The reactor's modules, as the top pom lists them. */
    private static Set<String> modules() {
        Set<String> modules = new TreeSet<>();
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(read(Repository.file("pom.xml")));
        while (module.find()) {
            modules.add(module.group(1));
        }
        return modules;
    }

    /** Every pom of the reactor, as text. */
    private static Stream<String> poms() {
        return Stream.concat(Stream.of("."), modules().stream())
                .map(module -> read(Repository.file(module + "/pom.xml")));
    }

    /** Whether a Maven goal of this project reads the property ({@code @Parameter(property = "...")}). */
    private static boolean goalParameter(String property) {
        try (Stream<Path> sources = Files.walk(Repository.file("api/contract-gate-maven-plugin/src/main/java"))) {
            return sources.filter(Files::isRegularFile)
                    .anyMatch(source -> read(source).contains("property = \"" + property + "\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Values for the variables of the READMEs' shell blocks: what a reader would have set. */
    private static Map<String, String> shellVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String name : List.of("CLOUD_SDK_AK", "TARGET_URL", "PROJECT_ID", "INSTANCE_ID", "GROUP", "TOPIC")) {
            variables.put(name, name.toLowerCase());
        }
        return variables;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
