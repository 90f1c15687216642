package io.offsetkit.conformance.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.conformance.cli.LaunchedServer;
import io.offsetkit.server.testsupport.docs.MarkdownFile;
import io.offsetkit.server.testsupport.docs.Repository;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The conformance README's JUnit 5 examples: its Maven dependency is this module's coordinates (block
 * kit-junit-dependency); its two test classes (blocks kit-junit-base-class and kit-junit-composition)
 * are the files under {@code src/test/resources/readme-examples}, line for line, which this test
 * compiles and runs with JUnit, in a JVM whose environment holds what they read, against the reference
 * server holding their project, instance, group and topic: every rule they run passes, the rules
 * that need what they do not give are skipped, and the one they disable is skipped with its reason.
 *
 * <p>They are compiled here rather than by the build: as test sources, the build's own test run
 * would pick them up, without a gateway to point at.
 */
class ReadmeJunitExamplesTest {

    private static final MarkdownFile README = Repository.readme("conformance/README.md");
    private static final Path EXAMPLES = Repository.file("conformance/src/test/resources/readme-examples");
    private static final String DISABLED = "RESET-DOMAIN-09 disabled: the older route is not served yet (GW-1234)";

    /** The project, instance, group and topic the examples name, with messages on three queues of two brokers. */
    private static final String FIXTURE = """
            instances:
              - instance_id: my-instance
                project_id: my-project
                brokers: [broker-1, broker-2]
                groups:
                  - name: conformance_group
                    consumers: [{client_id: 10.0.0.5@4711#1}]   # online: the server resets only such a group
                topics:
                  - name: conformance_topic
                    queues: {broker-1: 2, broker-2: 1}
                    messages:
                      - generate: {count: 200, start: 1662652800000, interval_ms: 1000, jitter_ms: 300, seed: 7}
            """;

    @TempDir
    Path dir;

    @Test
    void theDependencyIsThisModulesInTestScope() throws Exception {
        // GIVEN the README's dependency and this module's pom
        Element dependency =
                xml(String.join("\n", README.block("kit-junit-dependency").lines()));
        Element pom = xml(Files.readString(Repository.file("conformance/pom.xml")));
        Element parent = (Element) pom.getElementsByTagName("parent").item(0);

        // WHEN / THEN it names this module, at this version, for tests
        assertThat(text(dependency, "groupId")).isEqualTo(text(parent, "groupId"));
        assertThat(text(dependency, "artifactId")).isEqualTo(directText(pom, "artifactId"));
        assertThat(text(dependency, "version")).isEqualTo(text(parent, "version"));
        assertThat(text(dependency, "scope")).isEqualTo("test");
    }

    @Test
    void theExamplesAreTheFilesThisTestCompiles() throws IOException {
        assertThat(README.block("kit-junit-base-class").lines())
                .isEqualTo(Files.readAllLines(EXAMPLES.resolve("com/example/gateway/MyGatewayConformanceTest.java")));
        assertThat(README.block("kit-junit-composition").lines())
                .isEqualTo(Files.readAllLines(EXAMPLES.resolve("com/example/gateway/MyGatewayIntegrationTest.java")));
    }

    @Test
    void bothExamplesRunAgainstTheReferenceServerWithTheDisabledRuleSkipped() throws Exception {
        // GIVEN the examples compiled against this module's test class path
        Path classes = compileExamples();
        // AND the reference server, holding the examples' project, instance, group and topic
        Path fixture = Files.writeString(dir.resolve("fixture.yaml"), FIXTURE);
        Path jar = Path.of(System.getProperty("offsetkit.server.jar", "server jar not set by the build"));
        try (LaunchedServer server = LaunchedServer.start(jar, List.of("--offsetkit.fixture=" + fixture))) {
            for (String example : List.of(
                    "com.example.gateway.MyGatewayConformanceTest", "com.example.gateway.MyGatewayIntegrationTest")) {
                // WHEN JUnit runs the example in a JVM whose environment holds the URL and the key pair
                List<String> output = run(classes, example, server);

                // THEN no rule fails, some pass, and the disabled one is skipped with its reason (by the
                // base class; as an aborted dynamic test, which reports show as skipped, by the factory) (by the
                // base class; as an aborted dynamic test, which reports show as skipped, by the factory)
                String summary = output.stream()
                        .filter(line -> line.startsWith("SUMMARY "))
                        .findFirst()
                        .orElseThrow();
                String[] counts = summary.split(" ");
                assertThat(Integer.parseInt(counts[5]))
                        .as("%s failed tests:%n%s", example, String.join("\n", output))
                        .isZero();
                assertThat(Integer.parseInt(counts[2]))
                        .as("%s passed tests", example)
                        .isGreaterThan(30);
                assertThat(output)
                        .as(example)
                        .anySatisfy(line -> assertThat(line)
                                .matches("(SKIPPED|ABORTED) RESET-DOMAIN-09 .*")
                                .endsWith(": " + DISABLED));
            }
        }
    }

    private Path compileExamples() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of(
                "--release", "17", "-d", classes.toString(), "-classpath", System.getProperty("java.class.path")));
        try (var sources = Files.walk(EXAMPLES)) {
            sources.filter(file -> file.toString().endsWith(".java")).forEach(file -> arguments.add(file.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, arguments.toArray(String[]::new));
        assertThat(status)
                .as("javac: %s", errors.toString(StandardCharsets.UTF_8))
                .isZero();
        return classes;
    }

    private List<String> run(Path classes, String example, LaunchedServer server) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        classes + File.pathSeparator + System.getProperty("java.class.path"),
                        JunitExampleRunner.class.getName(),
                        example)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(example + ".log").toFile());
        builder.environment().put("GATEWAY_URL", server.baseUrl().toString());
        builder.environment().put("CLOUD_SDK_AK", server.accessKey());
        builder.environment().put("OFFSETKIT_SK", server.secretKey());
        Process process = builder.start();
        boolean exited = process.waitFor(3, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly();
        }
        List<String> output = Files.readAllLines(dir.resolve(example + ".log"));
        assertThat(exited)
                .as("%s ran within 3 minutes:%n%s", example, String.join("\n", output))
                .isTrue();
        assertThat(process.exitValue())
                .as("%s:%n%s", example, String.join("\n", output))
                .isZero();
        return output;
    }

    private static Element xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagName(name).item(0).getTextContent().strip();
    }

    /** The text of a child element itself, not of one deeper (the pom's own artifactId, not its parent's). */
    private static String directText(Element parent, String name) {
        for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().strip();
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }
}
