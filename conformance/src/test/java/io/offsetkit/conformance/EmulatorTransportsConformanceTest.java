package io.offsetkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.conformance.cli.Main;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kit against the emulator on each of its transports (Jetty 12, and the JDK's HTTP server that it
 * chooses where that starts faster): the emulator runs in a process of its own on the server's
 * standalone jar (an app's test class path would hold it so), with AK/SK authentication and its
 * bundled fixture (the documented example's data), the transport chosen by its system property. Both
 * runs must pass, with the same verdict for every rule.
 */
class EmulatorTransportsConformanceTest {

    /** The emulator's process main, in the server's test jar; copied out alone onto the child's class path. */
    private static final String MAIN = "io.offsetkit.server.emulator.EmulatorProcessMain";

    /** A rule's line in the console report: its id, level and verdict. */
    private static final Pattern RULE_LINE = Pattern.compile("^(\\S+)\\s+(MUST|SHOULD)\\s+(pass|FAIL|skip|ERROR)\\b");

    private static final Map<String, List<String>> VERDICTS = new HashMap<>();

    @TempDir
    static Path work;

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "jdk"})
    void everyRulePassesAgainstTheEmulatorOnEachTransport(String transport) throws Exception {
        // GIVEN the emulator in a process of its own, on the transport
        String accessKey = "OFFSETKITEMU" + transport.toUpperCase(Locale.ROOT);
        String secretKey = "emulator-secret-key-" + transport;
        Process emulator = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Doffsetkit.emulator.transport=" + transport,
                        // the JDK's server needs it on JDK 17 to 22 (see the emulator's EmulatorTransport)
                        "-Dsun.net.httpserver.nodelay=true",
                        "-cp",
                        serverJar() + java.io.File.pathSeparator + mainOnItsOwn(),
                        MAIN,
                        accessKey,
                        secretKey)
                .redirectError(work.resolve("emulator-" + transport + ".log").toFile())
                .start();
        try {
            String[] started = new BufferedReader(
                            new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8))
                    .readLine()
                    .split(" ");
            assertThat(started)
                    .as("the emulator's base URL, project id and instance id")
                    .hasSize(3);
            // AND it is the transport asked for: the JDK's server writes header names as it stores them
            // (the first letter capital, the rest small), Jetty as the engine names them
            assertThat(requestIdHeaderAsWritten(URI.create(started[0])))
                    .isEqualTo(transport.equals("jdk") ? "X-request-id" : "X-Request-Id");

            // WHEN the kit runs every rule against it, the reference-admin fixture over its /admin API
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(
                    new String[] {
                        "--base-url",
                        started[0],
                        "--project-id",
                        started[1],
                        "--instance-id",
                        started[2],
                        "--documented-data",
                        "--ak",
                        accessKey,
                        "--sk",
                        secretKey,
                        "--fixture",
                        "reference-admin",
                        "--seed",
                        "21",
                        "--report-dir",
                        Files.createDirectories(work.resolve(transport)).toString()
                    },
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            // THEN every rule it runs passes
            String report = out.toString(StandardCharsets.UTF_8);
            assertThat(code).as(report + err.toString(StandardCharsets.UTF_8)).isEqualTo(Main.PASS);
            assertThat(report).contains(" 0 failed (0 MUST)");
            List<String> verdicts = new ArrayList<>();
            for (String line : report.lines().toList()) {
                Matcher rule = RULE_LINE.matcher(line);
                if (rule.find()) {
                    verdicts.add(rule.group(1) + " " + rule.group(3));
                }
                if (line.matches("\\d+ passed, .*")) {
                    verdicts.add(line);
                }
            }
            assertThat(verdicts).as(report).isNotEmpty().noneMatch(verdict -> verdict.endsWith(" FAIL"));
            VERDICTS.put(transport, verdicts);
            // AND the same verdict for every rule on both transports (whichever ran second checks it)
            if (VERDICTS.size() == 2) {
                assertThat(VERDICTS.get("jdk")).isEqualTo(VERDICTS.get("jetty"));
            }
        } finally {
            emulator.getOutputStream().close();
            if (!emulator.waitFor(20, TimeUnit.SECONDS)) {
                emulator.destroyForcibly();
            }
        }
    }

    @AfterAll
    static void bothRan() {
        assertThat(VERDICTS).as("both transports ran").containsOnlyKeys("jetty", "jdk");
    }

    /** The name of the request id's header exactly as it came over the wire, to a GET of /health. */
    private static String requestIdHeaderAsWritten(URI baseUrl) throws IOException {
        try (Socket socket = new Socket(baseUrl.getHost(), baseUrl.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return answer.lines()
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("x-request-id:"))
                    .map(line -> line.substring(0, line.indexOf(':')))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no X-Request-Id in " + answer));
        }
    }

    private static Path serverJar() {
        Path jar = Path.of(
                System.getProperty(ReferenceServerConformanceTest.SERVER_JAR, "server jar not set by the build"));
        assertThat(jar).as("the reference server jar").isRegularFile();
        return jar;
    }

    /** The process main's class file alone in a directory: the test jar's other classes need unrelocated libraries. */
    private static Path mainOnItsOwn() throws IOException {
        String file = MAIN.replace('.', '/') + ".class";
        Path classes = work.resolve("emulator-main");
        Path target = classes.resolve(file);
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            try (InputStream in = ClassLoader.getSystemResourceAsStream(file)) {
                assertThat(in)
                        .as(file + " on the class path (the server's test jar)")
                        .isNotNull();
                Files.copy(in, target);
            }
        }
        return classes;
    }
}
