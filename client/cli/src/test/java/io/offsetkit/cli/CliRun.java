package io.offsetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of the command, in this process or in a process of its own (the jar, the launcher), its
 * streams captured.
 *
 * @param exit the exit code
 * @param out the standard output
 * @param err the standard error
 */
record CliRun(int exit, String out, String err) {

    /** Runs {@code args} with {@code environment} as the process environment. */
    static CliRun of(Map<String, String> environment, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = OffsetkitCli.run(args.toArray(String[]::new), environment, Clock.systemUTC(), o, e);
        }
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code command} (the jar through {@code java -jar}, or the launcher) as a process of its own,
     * with this process's environment less every {@code OFFSETKIT_} variable, plus {@code environment};
     * fails the test when it has not ended within two minutes.
     */
    static CliRun process(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("OFFSETKIT_"));
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("cli-out", ".txt");
        Path err = Files.createTempFile("cli-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS))
                    .as("the run ends")
                    .isTrue();
            return new CliRun(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    /** The {@code java} of the JVM that runs the tests. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Both streams, for an assertion's description. */
    String both() {
        return "exit " + exit + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
