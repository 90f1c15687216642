package io.offsetkit.api.compat.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.offsetkit.api.compat.ContractGateCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What the api README shows of the compatibility gate is what the gate does: the failure it quotes
 * (block contract-gate-failure) is the goal's, as Maven prints it; the command line it runs (block
 * contract-gate-cli) passes on the repository's contract; its table of the goal's parameters is the
 * plugin descriptor's; and every option and property it names is the gate's.
 */
class ApiReadmeTest {

    private static final Path DESCRIPTOR = Path.of(System.getProperty("basedir", ""))
            .toAbsolutePath()
            .resolve("target/classes/META-INF/maven/plugin.xml");
    private static final Path API_POM = Path.of(System.getProperty("offsetkit.api.pom", "../pom.xml"));
    private static final String GATE_JAR = "api/contract-gate/target/offsetkit-contract-gate.jar";
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{(contract\\.gate\\.[a-z]+)}");

    @TempDir
    Path dir;

    @Test
    void theQuotedFailureIsWhatMavenPrintsWhenTheGoalFailsOnQueueIdTurnedIntoAString() throws Exception {
        // GIVEN the goal as the api module's build runs it, on the first release with queue_id a string
        CheckMojo mojo = new CheckMojo();
        mojo.baseline = CheckMojoTest.RELEASED_1_0_0.toFile();
        mojo.current = CheckMojoTest.write(dir.resolve("openapi.yaml"), CheckMojoTest.queueIdAsString("1.0.0"))
                .toFile();
        mojo.report = dir.resolve("api/target/contract-diff.md").toFile();

        // WHEN it runs
        MojoFailureException failure = catchThrowableOfType(MojoFailureException.class, mojo::execute);

        // THEN Maven's [ERROR] lines for that failure of project offsetkit-api are the README's
        assertThat(failure).isNotNull();
        List<String> printed = new ArrayList<>();
        List<String> message = Arrays.asList(
                failure.getMessage().replace(dir.toString(), "...").split("\n"));
        printed.add("[ERROR] Failed to execute goal " + descriptorText("groupId") + ":"
                + descriptorText("artifactId") + ":" + descriptorText("version") + ":check (default) on project "
                + pomArtifactId(API_POM) + ": " + message.get(0));
        message.subList(1, message.size()).forEach(line -> printed.add("[ERROR] " + line));
        assertThat(ApiReadme.block("contract-gate-failure", "text")).isEqualTo(printed);
    }

    @Test
    void theCommandLineOfTheReadmePassesOnTheRepositorysContract() throws Exception {
        // GIVEN the README's java -jar line, run from the top of the repository
        List<String> java = ApiReadme.block("contract-gate-cli", "bash").stream()
                .filter(line -> line.startsWith("java -jar "))
                .toList();
        assertThat(java).hasSize(1);
        List<String> words = Arrays.asList(java.get(0).split(" +"));
        assertThat(words.subList(0, 3)).containsExactly("java", "-jar", GATE_JAR);
        String[] arguments = words.subList(3, words.size()).stream()
                .map(argument -> ApiReadme.REPOSITORY.resolve(argument).toString())
                .toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // WHEN the gate's command line runs with its arguments
        int status = ContractGateCli.run(arguments, print(out), print(err));

        // THEN the repository's contract passes, the report alone on standard output, the verdict on standard error
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ContractGateCli.COMPATIBLE);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("# Contract diff: ");
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Contract compatibility gate passed: ");
    }

    @Test
    void theReasonTheReadmeQuotesForADocumentThatDoesNotExistIsTheGates() throws Exception {
        // GIVEN the reason the README quotes, and a document to check that does not exist
        String quoted = quoted("offsetkit-contract-gate cannot run: ");
        Path missing = dir.resolve("openapi.yaml");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // WHEN the gate runs on it
        int status = ContractGateCli.run(
                new String[] {CheckMojoTest.RELEASED_1_0_0.toString(), missing.toString()},
                print(new ByteArrayOutputStream()),
                print(err));

        // THEN it cannot run, and says so in the README's words (the path as given)
        assertThat(status).isEqualTo(ContractGateCli.CANNOT_RUN);
        assertThat(err.toString(StandardCharsets.UTF_8).strip().replace(missing.toString(), "openapi.yaml"))
                .isEqualTo(quoted);
    }

    @Test
    void theParameterTableIsTheGoalsParametersWithTheirUserPropertiesAndDefaults() throws Exception {
        // GIVEN the README's table of parameters: name, user property, default
        List<String[]> rows = ApiReadme.lines().stream()
                .filter(line -> line.startsWith("| `") && line.contains("`contract.gate."))
                .map(line -> line.substring(1, line.length() - 1).split(" \\| "))
                .toList();
        String descriptor = Files.readString(DESCRIPTOR);

        // WHEN / THEN each is a parameter of check with that property, and that default where it has one
        assertThat(rows).hasSize(4);
        for (String[] row : rows) {
            String parameter = row[0].strip().replaceAll("^`([a-zA-Z]+)`.*$", "$1");
            String property = row[1].strip().replace("`", "");
            Matcher line = Pattern.compile(
                            "<" + parameter + " implementation=\"[^\"]+\"( default-value=\"([^\"]*)\")?>\\$\\{"
                                    + Pattern.quote(property) + "}</" + parameter + ">")
                    .matcher(descriptor);
            assertThat(line.find())
                    .as("parameter %s with user property %s in %s", parameter, property, DESCRIPTOR)
                    .isTrue();
            if (line.group(2) != null) {
                assertThat(row[2].strip()).isEqualTo("`" + line.group(2) + "`");
            }
        }
    }

    @Test
    void everyOptionAndPropertyTheReadmeNamesIsTheGates() throws Exception {
        assertThat(unknownNames(String.join("\n", ApiReadme.lines()))).isEmpty();
    }

    @Test
    void aSampleWithNamesTheGateDoesNotHaveFailsNamingEachOfThem() throws Exception {
        // GIVEN a sample with a right name of each kind and a wrong one of each kind
        String sample = "`--help` and `--verbose`; `-Dcontract.gate.skip=true` and `contract.gate.skipped`;"
                + " `${offsetkit.version}` and `offsetkit.release`; `server.port` and RESET-AUTH-01.";

        // WHEN / THEN the check names exactly the wrong ones
        assertThat(unknownNames(sample))
                .containsExactlyInAnyOrder(
                        "--verbose", "contract.gate.skipped", "offsetkit.release", "server.port", "RESET-AUTH-01");
    }

    /**
     * The names of the text the gate does not have: options its command line refuses, {@code
     * contract.gate.*} properties its descriptor lacks, {@code offsetkit.*} properties api/pom.xml does
     * not define; and any server setting or rule id, which the api README has no reason to name.
     */
    private static Set<String> unknownNames(String text) throws Exception {
        String descriptor = Files.readString(DESCRIPTOR);
        Set<String> properties = new TreeSet<>();
        Matcher defined = PROPERTY.matcher(descriptor);
        while (defined.find()) {
            properties.add(defined.group(1));
        }
        String pom = Files.readString(API_POM);
        Set<String> unknown = new TreeSet<>();
        Matcher option = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*").matcher(text);
        while (option.find()) {
            if (!isGateOption(option.group())) {
                unknown.add(option.group());
            }
        }
        Matcher gate = Pattern.compile("(?:(?<=-D)|(?<![\\w.]))contract\\.gate\\.[a-z]+")
                .matcher(text);
        while (gate.find()) {
            if (!properties.contains(gate.group())) {
                unknown.add(gate.group());
            }
        }
        Matcher offsetkit = Pattern.compile("(?:(?<=-D)|(?<![\\w.\\-/]))offsetkit\\.[a-z][a-z.-]*[a-z]")
                .matcher(text);
        while (offsetkit.find()) {
            if (!pom.contains("<" + offsetkit.group() + ">")) {
                unknown.add(offsetkit.group());
            }
        }
        Matcher other = Pattern.compile(
                        "(?<![\\w.\\-/])(?:server\\.[a-z.-]+[a-z]|logging\\.level\\.\\S+|RESET-[A-Z]+-[0-9?*]+(?:\\.\\.[0-9]+)?)")
                .matcher(text);
        while (other.find()) {
            unknown.add(other.group());
        }
        return unknown;
    }

    /** Whether the gate's command line has the option, as picocli reads it from the command's annotations. */
    private static boolean isGateOption(String option) {
        return new CommandLine(ContractGateCli.class)
                .getCommandSpec()
                .optionsMap()
                .containsKey(option);
    }

    /** The code span of the README that starts with {@code start}. */
    private static String quoted(String start) throws Exception {
        Matcher span =
                Pattern.compile("`(" + Pattern.quote(start) + "[^`]*)`").matcher(String.join(" ", ApiReadme.lines()));
        assertThat(span.find()).as("the README quotes a line starting " + start).isTrue();
        return span.group(1);
    }

    private String descriptorText(String element) throws Exception {
        Matcher matcher =
                Pattern.compile("<" + element + ">([^<]+)</" + element + ">").matcher(Files.readString(DESCRIPTOR));
        assertThat(matcher.find()).as("<%s> in the plugin descriptor", element).isTrue();
        return matcher.group(1);
    }

    private static String pomArtifactId(Path pom) throws Exception {
        String text = Files.readString(pom);
        String afterParent = text.substring(text.indexOf("</parent>"));
        Matcher matcher = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(afterParent);
        assertThat(matcher.find()).as("the artifactId of " + pom).isTrue();
        return matcher.group(1);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
