package io.offsetkit.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * One run of the command in this process, its streams captured.
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

    /** Both streams, for an assertion's description. */
    String both() {
        return "exit " + exit + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
