package io.offsetkit.conformance.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.testsupport.docs.FencedBlock;
import io.offsetkit.server.testsupport.docs.MarkdownFile;
import io.offsetkit.server.testsupport.docs.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every fenced block of every README is checked by a test of the build. Each block sits between
 * {@code <!-- ID:begin -->} and {@code <!-- ID:end -->}, and this inventory names, per README and per
 * block id, the tests that check it (each in the module the block documents, each naming the id in
 * its source). A block without markers, a README or an id the inventory does not list, or an id it
 * lists that the README no longer has, fails the build: a new snippet cannot slip in unchecked.
 *
 * <p>It runs here, in the module built last, because it reads every module's tests.
 */
class ReadmeBlocksInventoryTest {

    /**
     * The inventory: a README, a block id, then the tests that check the block (by their source's path
     * under the module's {@code src/test/java}, {@code build} standing for {@link BuildCommandsInReadmesTest}).
     */
    private static final String INVENTORY = """
            README.md              main-job                    conformance: io/offsetkit/conformance/ReferenceServerConformanceTest, build
            README.md              test-command                build
            README.md              try-server                  server-stub: io/offsetkit/server/readme/ServerReadmeCurlTest, build
            api/README.md          contract-gate-failure       api/contract-gate-maven-plugin: io/offsetkit/api/compat/maven/ApiReadmeTest
            api/README.md          contract-gate-snippet       api/contract-gate-maven-plugin: io/offsetkit/api/compat/maven/ReadmeSnippetTest
            api/README.md          contract-gate-cli           api/contract-gate-maven-plugin: io/offsetkit/api/compat/maven/ApiReadmeTest, build
            client/README.md       client-maven                client: io/offsetkit/client/ReadmeCoordinatesTest
            client/README.md       client-gradle               client: io/offsetkit/client/ReadmeCoordinatesTest
            client/README.md       client-classpath            client: io/offsetkit/client/ReadmeCoordinatesTest, build
            client/README.md       java-client-example         client: io/offsetkit/client/ReadmeSnippetTest
            client/README.md       java-client-example-output  server-stub/emulator-it: io/offsetkit/emulatorit/ClientReadmeProgramAgainstEmulatorTest
            client/README.md       client-runtime-dependencies client: io/offsetkit/client/ReadmeDependenciesTest
            client/README.md       cli-everyday-uses           client/cli: io/offsetkit/cli/ReadmeUsesTest
            server-stub/README.md  server-running              server-stub: io/offsetkit/server/readme/ServerReadmeCommandLinesTest, build
            server-stub/README.md  server-banner               server-stub: io/offsetkit/server/readme/ServerReadmeOutputTest
            server-stub/README.md  settings-config-file        server-stub: io/offsetkit/server/readme/ServerReadmeCommandLinesTest
            server-stub/README.md  settings-errors             server-stub: io/offsetkit/server/readme/ServerReadmeOutputTest, build
            server-stub/README.md  request-path                server-stub: io/offsetkit/server/readme/ServerReadmeRequestPathTest
            server-stub/README.md  official-sdk-client         server-stub: io/offsetkit/server/readme/ServerReadmeOfficialSdkTest
            server-stub/README.md  fixture-file                server-stub: io/offsetkit/server/readme/ServerReadmeFixtureTest
            server-stub/README.md  workflow-calls              server-stub: io/offsetkit/server/readme/ServerReadmeCurlTest
            server-stub/README.md  admin-api-calls             server-stub: io/offsetkit/server/readme/ServerReadmeCurlTest
            server-stub/README.md  rocketmq-command-line       server-stub: io/offsetkit/server/readme/ServerReadmeCommandLinesTest, build
            server-stub/README.md  rocketmq-config-file        server-stub: io/offsetkit/server/readme/ServerReadmeCommandLinesTest
            server-stub/README.md  admin-faults-calls          server-stub: io/offsetkit/server/readme/ServerReadmeCurlTest
            server-stub/EMULATOR.md emulator-maven                server-stub/emulator-it: io/offsetkit/emulatorit/ReadmeExamplesTest
            server-stub/EMULATOR.md emulator-gradle               server-stub/emulator-it: io/offsetkit/emulatorit/ReadmeExamplesTest
            server-stub/EMULATOR.md emulator-example-sdk          server-stub/emulator-it: io/offsetkit/emulatorit/ReadmeExamplesTest
            server-stub/EMULATOR.md emulator-example-client       server-stub/emulator-it: io/offsetkit/emulatorit/ReadmeExamplesTest
            server-stub/EMULATOR.md emulator-example-faults       server-stub/emulator-it: io/offsetkit/emulatorit/ReadmeExamplesTest
            conformance/README.md  kit-against-url             conformance: io/offsetkit/conformance/readme/KitReadmeCommandLinesTest, build
            conformance/README.md  kit-baseline                conformance: io/offsetkit/conformance/readme/KitReadmeCommandLinesTest
            conformance/README.md  kit-coverage                conformance: io/offsetkit/conformance/ReferenceServerConformanceTest
            conformance/README.md  kit-failure                 conformance: io/offsetkit/conformance/readme/KitReadmeFailureTest
            conformance/README.md  kit-junit-dependency        conformance: io/offsetkit/conformance/readme/ReadmeJunitExamplesTest
            conformance/README.md  kit-junit-base-class        conformance: io/offsetkit/conformance/readme/ReadmeJunitExamplesTest
            conformance/README.md  kit-junit-composition       conformance: io/offsetkit/conformance/readme/ReadmeJunitExamplesTest
            conformance/README.md  kit-ci-job                  conformance: io/offsetkit/conformance/readme/KitReadmeCommandLinesTest, build
            conformance/README.md  kit-rocketmq-fixture        conformance: io/offsetkit/conformance/readme/ReadmeRocketMqFixtureTest
            """;

    /** README, then block id, then the tests that check the block, by their source's path from the top. */
    static final Map<String, Map<String, List<String>>> CHECKS = inventory();

    private static Map<String, Map<String, List<String>>> inventory() {
        Map<String, Map<String, List<String>>> checks = new LinkedHashMap<>();
        for (String line : INVENTORY.lines().toList()) {
            String[] columns = line.strip().split("\\s+", 3);
            List<String> tests = new ArrayList<>();
            String module = null;
            for (String test : columns[2].split(",\\s*")) {
                if (test.equals("build")) {
                    tests.add(
                            "conformance/src/test/java/io/offsetkit/conformance/readme/BuildCommandsInReadmesTest.java");
                    continue;
                }
                int colon = test.indexOf(": ");
                module = colon < 0 ? module : test.substring(0, colon);
                tests.add(module + "/src/test/java/" + test.substring(colon + 2) + ".java");
            }
            checks.computeIfAbsent(columns[0], readme -> new LinkedHashMap<>()).put(columns[1], tests);
        }
        return checks;
    }

    @Test
    void everyReadmeOfTheRepositoryWithABlockIsInTheInventory() {
        // A guide without a fenced block (the store's design note) has nothing to list.
        assertThat(Repository.readmes().stream()
                        .filter(readme -> !Repository.readme(readme).blocks().isEmpty()))
                .containsExactlyInAnyOrderElementsOf(CHECKS.keySet());
    }

    @Test
    void everyBlockOfEveryReadmeIsMarkedAndCheckedByATestThatNamesIt() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<String>>> readme : CHECKS.entrySet()) {
            problems.addAll(problems(Repository.readme(readme.getKey()), readme.getValue()));
            for (Map.Entry<String, List<String>> block : readme.getValue().entrySet()) {
                for (String test : block.getValue()) {
                    if (!Files.isRegularFile(Repository.file(test))) {
                        problems.add(
                                readme.getKey() + " " + block.getKey() + ": its check " + test + " does not exist");
                    } else if (!Files.readString(Repository.file(test)).contains("\"" + block.getKey())
                            && !Files.readString(Repository.file(test)).contains(block.getKey() + ":begin")) {
                        problems.add(readme.getKey() + " " + block.getKey() + ": " + test + " does not name the block");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aSampleWithABlockThatNoCheckCoversFails() {
        // GIVEN a README with a checked block, an unmarked one and one whose id the inventory lacks
        MarkdownFile sample = MarkdownFile.of("sample.md", """
                <!-- checked:begin -->
                ```bash
                ./mvnw verify
                ```
                <!-- checked:end -->

                ```java
                new Unchecked();
                ```

                <!-- new-one:begin -->
                ```text
                output
                ```
                <!-- new-one:end -->
                """);

        // WHEN the inventory's rule reads it, listing "checked" and a block that is gone
        List<String> problems = problems(sample, Map.of("checked", List.of(), "gone", List.of()));

        // THEN the three are named
        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "sample.md:7: a fenced block without <!-- ID:begin --> and <!-- ID:end --> around it",
                        "sample.md:12 (new-one): a block no check in the inventory covers",
                        "sample.md: the inventory lists a block gone that the README does not have");
    }

    /** What is wrong with a README's blocks, given the ids the inventory lists for it. */
    static List<String> problems(MarkdownFile readme, Map<String, List<String>> listed) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FencedBlock block : readme.blocks()) {
            if (block.id() == null) {
                problems.add(
                        block.where() + ": a fenced block without <!-- ID:begin --> and <!-- ID:end --> around it");
            } else if (!seen.add(block.id())) {
                problems.add(block.where() + ": a second block with this id");
            } else if (!listed.containsKey(block.id())) {
                problems.add(block.where() + ": a block no check in the inventory covers");
            }
        }
        listed.keySet().stream()
                .filter(id -> !seen.contains(id))
                .sorted()
                .forEach(id -> problems.add(
                        readme.name() + ": the inventory lists a block " + id + " that the README does not have"));
        return problems;
    }
}
