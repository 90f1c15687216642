package io.offsetkit.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code offsetkit}, the operator's command line: {@code offsetkit reset}. The entry point of
 * {@code offsetkit-cli.jar}. Bad input ends with one line naming the option and exit code 2, before
 * anything is read or changed; a service that cannot be read ends with one line and exit code 1.
 */
@Command(
        name = "offsetkit",
        mixinStandardHelpOptions = true,
        versionProvider = OffsetkitCli.Version.class,
        description = "Consumer offsets of a DMS for RocketMQ instance (or any implementation of its API).",
        subcommands = {CommandLine.HelpCommand.class})
public final class OffsetkitCli {

    OffsetkitCli() {}

    /** Runs the command and exits with its code. */
    public static void main(String[] args) {
        // The output buffered, flushed once at the end: a plan of 100 groups is hundreds of lines.
        PrintStream out = new PrintStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int exit = run(args, System.getenv(), Clock.systemUTC(), out, err);
        out.flush();
        err.flush();
        System.exit(exit);
    }

    /**
     * Runs the command in this process: what {@link #main} does, without exiting.
     *
     * @param environment where the credentials are read from ({@code OFFSETKIT_AK}, ...)
     * @return the exit code
     */
    public static int run(
            String[] args, Map<String, String> environment, Clock clock, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new OffsetkitCli());
        commandLine.addSubcommand(new CommandLine(new ResetCommand(environment, clock, out, err)));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            // One line, naming the option; the usage is one --help away, not printed in its place.
            err.println("offsetkit: " + e.getMessage() + " (see --help)");
            return ExitCode.BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((e, parsed, result) -> {
            if (e instanceof BadInputException) {
                err.println("offsetkit: " + e.getMessage());
                return ExitCode.BAD_INPUT;
            }
            if (e instanceof ServiceException) {
                err.println("offsetkit: " + e.getMessage() + "; nothing was changed");
                return ExitCode.NOTHING_APPLIED;
            }
            throw e;
        });
        if (args.length == 0) {
            commandLine.usage(err);
            return ExitCode.BAD_INPUT;
        }
        return commandLine.execute(args);
    }

    /** The version in the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = OffsetkitCli.class.getPackage().getImplementationVersion();
            return new String[] {"offsetkit-cli " + (version == null ? "(development build)" : version)};
        }
    }
}
