package io.offsetkit.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.testsupport.docs.Repository;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compile-time guarantee of the contract-first build: a change of the contract that the
 * hand-written code does not follow breaks its compile. Each test generates from a changed copy of the
 * contract with the generator, templates and options of the module's own build ({@link GeneratorRun}
 * reads them from its pom), compiles the result together with the module's hand-written sources
 * (javac, on the test's class path without the module's own classes), and names the symbol that broke.
 * The unchanged contract compiles, so each failure is the change's. The client builds every request
 * with the requests generated from the contract, so a new required parameter or a removed operation
 * breaks it as a renamed answer field does; a new optional parameter, a compatible change, does not.
 */
class ContractChangesBreakTheCompileTest {

    private static final String SERVER_CLASSES = "server-stub/target/classes";
    private static final String CLIENT_CLASSES = "client/target/classes";

    private static String contract;

    @TempDir
    Path work;

    @BeforeAll
    static void readTheContract() throws IOException {
        try (InputStream in = ContractChangesBreakTheCompileTest.class
                .getClassLoader()
                .getResourceAsStream("io/offsetkit/api/openapi.yaml")) {
            assertThat(in).as("the contract on the class path").isNotNull();
            contract = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ---- the server

    @Test
    void theServerCompilesWithTheContractAsItIs() {
        assertThat(compileServer(contract)).as("javac's errors").isEmpty();
    }

    @Test
    void aRenamedAnswerFieldBreaksTheServer() {
        // GIVEN the contract with ConsumerProgressQueue.broker_offset renamed end_offset
        String changed = replaceOnce(
                contract,
                "        broker_offset:\n          type: integer\n          format: int64\n",
                "        end_offset:\n          type: integer\n          format: int64\n");

        // WHEN the server is generated from it and compiled with its hand-written sources
        List<String> errors = compileServer(changed);

        // THEN the handler that sets it and the writer that writes it no longer compile
        assertThat(errors).isNotEmpty();
        assertThat(String.join("\n", errors))
                .contains("ConsumerOffsetsHandler.java")
                .contains("brokerOffset")
                .contains("ConsumerListOrDetailsWriter.java")
                .contains("getBrokerOffset");
    }

    @Test
    void aNewRequiredParameterBreaksTheServer() {
        // GIVEN the contract with a new required query parameter of showTopicStatus
        String changed = withShowTopicStatusQuery("zone", true);

        // WHEN the server is generated from it and compiled
        List<String> errors = compileServer(changed);

        // THEN the handler no longer implements the operation's method
        assertThat(String.join("\n", errors))
                .contains("ConsumerOffsetsHandler.java")
                .contains("showTopicStatus");
    }

    @Test
    void aRemovedOperationBreaksTheServer() {
        // GIVEN the contract without showTopicStatus
        String changed = withoutShowTopicStatus();

        // WHEN the server is generated from it and compiled
        List<String> errors = compileServer(changed);

        // THEN the handler's method and the answer's writer override nothing any more, and the store's
        // names, taken from the operation's constraints, have lost their source
        assertThat(String.join("\n", errors))
                .contains("ConsumerOffsetsHandler.java")
                .contains("Answers.java")
                .contains("showTopicStatus")
                .contains("SHOW_TOPIC_STATUS");
    }

    // ---- the client

    @Test
    void theClientCompilesWithTheContractAsItIs() {
        assertThat(compileClient(contract)).as("javac's errors").isEmpty();
    }

    @Test
    void aRenamedAnswerFieldBreaksTheClient() {
        // GIVEN the contract with the reset's answer field timestamp_offset renamed reset_offset
        String changed = replaceOnce(
                contract,
                "        timestamp_offset:\n          type: integer\n",
                "        reset_offset:\n          type: integer\n");

        // WHEN the client is generated from it and compiled with its hand-written sources
        List<String> errors = compileClient(changed);

        // THEN the client's reading of the answer no longer compiles
        assertThat(String.join("\n", errors)).contains("Answers.java").contains("getTimestampOffset");
    }

    @Test
    void aNewRequiredParameterBreaksTheClient() {
        // GIVEN the contract with a new required query parameter of showTopicStatus
        String changed = withShowTopicStatusQuery("zone", true);

        // WHEN the client is generated from it and compiled with its hand-written sources
        List<String> errors = compileClient(changed);

        // THEN the client's request of the operation lacks the new argument, and nothing else breaks
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0))
                .startsWith("OffsetkitClient.java:")
                .contains(
                        "method showTopicStatus in class "
                                + "io.offsetkit.client.generated.request.ConsumerOffsetsRequests cannot be applied to given types")
                .contains("required: java.lang.String,java.lang.String,java.lang.String,java.lang.String")
                .contains("found:    java.lang.String,java.lang.String,java.lang.String")
                .contains("requests.showTopicStatus(");
    }

    @Test
    void aNewOptionalParameterLeavesTheClientCompiling() {
        // GIVEN the contract with a new optional query parameter of showTopicStatus (a compatible change)
        String changed = withShowTopicStatusQuery("zone", false);

        // WHEN the client is generated from it and compiled
        List<String> errors = compileClient(changed);

        // THEN it compiles: an optional parameter is set on the request's builder, or left out
        assertThat(errors).as("javac's errors").isEmpty();
    }

    @Test
    void aRemovedOperationBreaksTheClient() {
        // GIVEN the contract without showTopicStatus
        String changed = withoutShowTopicStatus();

        // WHEN the client is generated from it and compiled
        List<String> errors = compileClient(changed);

        // THEN the client's request of the operation names a method the generated requests no longer have
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0))
                .startsWith("OffsetkitClient.java:")
                .contains("cannot find symbol")
                .contains("symbol:   method showTopicStatus(java.lang.String,java.lang.String,java.lang.String)")
                .contains("location: variable requests of type "
                        + "io.offsetkit.client.generated.request.ConsumerOffsetsRequests");
    }

    @Test
    void everyOperationTheClientCallsRemovedBreaksEachOfItsCalls() {
        // GIVEN the contract with only the reset's older route left, which the client does not call
        String changed = withOnlyTheOlderResetRoute();

        // WHEN the client is generated from it and compiled
        List<String> errors = compileClient(changed);

        // THEN the reset, both forms of showConsumerListOrDetails, showTopicStatus and
        // showConsumerConnections each name a request the generated code no longer has: no request of
        // the client is built by hand
        String all = String.join("\n", errors);
        assertThat(all)
                .contains("symbol:   method resetConsumeOffset(")
                .contains("symbol:   method showConsumerListOrDetails(")
                .contains("symbol:   method showTopicStatus(")
                .contains("symbol:   method showConsumerConnections(");
        assertThat(errors.stream().filter(error -> error.contains("symbol:   method showConsumerListOrDetails(")))
                .as("groupTopics and groupProgress")
                .hasSize(2);
    }

    // ---- the changes

    /** The contract with a new query parameter {@code name} of showTopicStatus, a string. */
    private static String withShowTopicStatusQuery(String name, boolean required) {
        return replaceOnce(
                contract,
                "        - $ref: '#/components/parameters/TopicPath'\n",
                "        - $ref: '#/components/parameters/TopicPath'\n"
                        + "        - name: " + name + "\n          in: query\n          required: " + required + "\n"
                        + "          schema:\n            type: string\n");
    }

    /** The contract without showTopicStatus (its answer's schema stays, as a removed operation leaves it). */
    private static String withoutShowTopicStatus() {
        int start = contract.indexOf("  /v2/{project_id}/instances/{instance_id}/topics/{topic}/status:\n");
        int end = contract.indexOf("  /v2/rocketmq/{project_id}/instances/{instance_id}/groups/{group}/clients:\n");
        assertThat(start).isPositive();
        assertThat(end).isGreaterThan(start);
        return contract.substring(0, start) + contract.substring(end);
    }

    /** The contract with one path left, the reset's older route ({@code resetConsumeOffsetForRocketMq}). */
    private static String withOnlyTheOlderResetRoute() {
        int paths = contract.indexOf("\npaths:\n") + "\npaths:\n".length();
        int olderRoute = contract.indexOf(
                "  /v2/{project_id}/rocketmq/instances/{instance_id}/groups/{group}/reset-message-offset:\n");
        int reads = contract.indexOf("  /v2/{project_id}/instances/{instance_id}/groups/{group}/topics:\n");
        int components = contract.indexOf("\ncomponents:\n");
        assertThat(paths).isPositive();
        assertThat(olderRoute).isGreaterThan(paths);
        assertThat(reads).isGreaterThan(olderRoute);
        assertThat(components).isGreaterThan(reads);
        return contract.substring(0, paths) + contract.substring(olderRoute, reads) + contract.substring(components);
    }

    // ---- how

    private List<String> compileServer(String changedContract) {
        Path module = Repository.file("server-stub");
        Path generated = GeneratorRun.of(module).generate(changedContract, work.resolve("generated"));
        return compile(List.of(generated, module.resolve("src/main/java")), SERVER_CLASSES);
    }

    /** The client runs the generator twice: its models and API, then its requests from its own template. */
    private List<String> compileClient(String changedContract) {
        Path module = Repository.file("client");
        List<GeneratorRun> runs = GeneratorRun.allOf(module);
        assertThat(runs).as("the client's runs of the generator").hasSize(2);
        List<Path> sourceRoots = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            sourceRoots.add(runs.get(i).generate(changedContract, work.resolve("generated-" + i)));
        }
        sourceRoots.add(module.resolve("src/main/java"));
        return compile(sourceRoots, CLIENT_CLASSES);
    }

    /**
     * Compiles every Java file under {@code sourceRoots} on the test's class path, leaving out the
     * classes the module's build compiled (else they would stand in for what the change removed).
     *
     * @return each error as {@code file:line: message} and its lines of source, empty when it compiles
     */
    private List<String> compile(List<Path> sourceRoots, String moduleClasses) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<Path> sources = new ArrayList<>();
            for (Path root : sourceRoots) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(file -> file.toString().endsWith(".java")).forEach(sources::add);
                }
            }
            Path out = Files.createDirectories(work.resolve("classes"));
            List<String> options = List.of(
                    "-d",
                    out.toString(),
                    "-classpath",
                    classPathWithout(moduleClasses),
                    "-proc:none",
                    "-implicit:none",
                    "-nowarn",
                    "-Xmaxerrs",
                    "1000");
            boolean compiled = javac.getTask(
                            new StringWriter(),
                            files,
                            diagnostics,
                            options,
                            null,
                            files.getJavaFileObjectsFromPaths(sources))
                    .call();
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                    .map(ContractChangesBreakTheCompileTest::describe)
                    .toList();
            assertThat(compiled)
                    .as("javac's result agrees with its errors %s", errors)
                    .isEqualTo(errors.isEmpty());
            return errors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
        String file = diagnostic.getSource() == null
                ? "?"
                : Path.of(diagnostic.getSource().toUri()).getFileName().toString();
        String line = "";
        try {
            if (diagnostic.getSource() != null && diagnostic.getLineNumber() > 0) {
                // The line and the next: an error on an annotation (@Override) is named by the method below it.
                line = diagnostic
                        .getSource()
                        .getCharContent(true)
                        .toString()
                        .lines()
                        .skip(diagnostic.getLineNumber() - 1)
                        .limit(2)
                        .map(String::strip)
                        .collect(Collectors.joining(" "));
            }
        } catch (IOException e) {
            line = "(source unreadable)";
        }
        return file + ":" + diagnostic.getLineNumber() + ": " + diagnostic.getMessage(Locale.ROOT) + " | " + line;
    }

    /** The test's class path (surefire's, as it hands it on) without the module's own classes. */
    private static String classPathWithout(String moduleClasses) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Stream.of(classPath.split(java.io.File.pathSeparator))
                .filter(entry -> !entry.replace('\\', '/').endsWith(moduleClasses))
                .filter(entry -> !entry.replace('\\', '/').contains("/offsetkit-client-"))
                .filter(entry -> !entry.replace('\\', '/').endsWith("server-stub/target/test-classes"))
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static String replaceOnce(String text, String target, String replacement) {
        int at = text.indexOf(target);
        assertThat(at).as("the contract holds %s", target).isGreaterThanOrEqualTo(0);
        assertThat(text.indexOf(target, at + 1))
                .as("the contract holds %s once", target)
                .isNegative();
        return text.substring(0, at) + replacement + text.substring(at + target.length());
    }
}
