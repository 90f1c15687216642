package io.offsetkit.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * The names the command gives its users, for the documentation checks that a README names only
 * what the code has: its options, as picocli reads them, and the environment variables it reads.
 */
public final class CliNames {

    /** The variable the launcher script ({@code target/offsetkit}) reads: options for the command's JVM. */
    public static final String LAUNCHER_JAVA_OPTIONS = "OFFSETKIT_JAVA_OPTS";

    private CliNames() {}

    /** Every option of {@code offsetkit} and {@code offsetkit reset}, such as {@code --to-datetime}. */
    public static Set<String> options() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        CommandLine reset = new CommandLine(new ResetCommand(Map.of(), Clock.systemUTC(), nowhere, nowhere));
        CommandLine top = new CommandLine(new OffsetkitCli());
        return java.util.stream.Stream.concat(
                        reset.getCommandSpec().options().stream(), top.getCommandSpec().options().stream())
                .flatMap(option -> Arrays.stream(option.names()))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The environment variables the command reads (the credentials) and the one its launcher reads. */
    public static Set<String> environmentVariables() {
        return Set.of(ConnectionOptions.AK, ConnectionOptions.SK, ConnectionOptions.TOKEN, LAUNCHER_JAVA_OPTIONS);
    }
}
