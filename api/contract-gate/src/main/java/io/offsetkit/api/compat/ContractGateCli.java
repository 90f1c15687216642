package io.offsetkit.api.compat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Parameters;

/**
 * The gate from a shell or a CI job: {@code java -jar offsetkit-contract-gate.jar OLD NEW}.
 *
 * <p>Standard output gets the Markdown report ({@link DiffReport}) and nothing else, so it can be
 * appended to a CI job summary as it is. Standard error gets the verdict for people: the one-line
 * summary when the gate passes, every breaking change with its JSON pointer when it fails, and a
 * one-line reason when the gate cannot run.
 *
 * <p>Exit status: {@value #COMPATIBLE} the gate passes, {@value #BREAKING} it fails (a breaking
 * change without a major version raise, or a version problem), {@value #CANNOT_RUN} it cannot run
 * (bad arguments, a missing or unreadable document, a document that is not OpenAPI, documents that
 * could not be compared).
 */
@Command(
        name = "offsetkit-contract-gate",
        mixinStandardHelpOptions = true,
        versionProvider = ContractGateCli.Version.class,
        usageHelpWidth = 100,
        customSynopsis = "java -jar offsetkit-contract-gate.jar [-hV] OLD NEW",
        description = {
            "",
            "Compares an OpenAPI 3.0 document with its released baseline and says whether clients and servers"
                    + " written against the baseline keep working. Prints the Markdown report on standard output"
                    + " and the verdict on standard error."
        },
        parameterListHeading = "%n",
        optionListHeading = "%n",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:compatible: no breaking change, or the major version of info.version was raised",
            "1:breaking: a breaking change (each named with its JSON pointer), or info.version lowered or not"
                    + " MAJOR.MINOR.PATCH",
            "2:cannot run: bad arguments, or a document missing, not YAML/JSON or not OpenAPI (the reason on"
                    + " standard error)"
        })
public final class ContractGateCli implements Callable<Integer> {

    public static final int COMPATIBLE = 0;
    public static final int BREAKING = 1;
    public static final int CANNOT_RUN = 2;

    private static final String NAME = "offsetkit-contract-gate";

    @Parameters(
            index = "0",
            paramLabel = "OLD",
            description = "the released document, or a directory of openapi-MAJOR.MINOR.PATCH.yaml files whose"
                    + " newest version is taken (its name and its info.version must agree)")
    private Path baseline;

    @Parameters(index = "1", paramLabel = "NEW", description = "the document to check, YAML or JSON")
    private Path current;

    private final PrintStream out;
    private final PrintStream err;

    private ContractGateCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command line without {@link System#exit}, for tests and embedding; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new ContractGateCli(out, err))
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setParameterExceptionHandler((problem, arguments) -> {
                    // One line, not picocli's usage dump: the reason is what a CI log needs.
                    err.println(NAME + " cannot run: " + problem.getMessage() + " (usage: " + NAME
                            + " OLD NEW; --help for more)");
                    return CANNOT_RUN;
                })
                .setExecutionExceptionHandler((failure, failed, parseResult) -> {
                    // A backstop: the gate reports bad documents itself, but whatever slips through
                    // is still one line and "cannot run", never a stack trace and "breaking".
                    err.println(NAME + " cannot run: " + failure.toString().replaceAll("\\R+", " "));
                    return CANNOT_RUN;
                });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        ContractDocument released;
        ContractDocument checked;
        try {
            released = ContractBaseline.newest(baseline);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return cannotRun(e.getMessage());
        }
        try {
            checked = ContractDocument.read(current);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return cannotRun("the document to check: " + e.getMessage()
                    + (java.nio.file.Files.isDirectory(current)
                            ? " (a directory of baselines goes first, as OLD; the document to check second, as NEW)"
                            : ""));
        }
        GateResult result = CompatibilityGate.compare(released, checked);
        if (!result.compared()) {
            return cannotRun(result.whyNotCompared());
        }
        out.print(DiffReport.markdown(result));
        out.flush();
        if (result.passes()) {
            err.println(result.summary());
            return COMPATIBLE;
        }
        err.println(result.failureMessage());
        return BREAKING;
    }

    private int cannotRun(String reason) {
        err.println(NAME + " cannot run: " + reason);
        return CANNOT_RUN;
    }

    /** {@code --version}: this gate's version and the openapi-diff it compares with, as the build wrote them. */
    static final class Version implements IVersionProvider {

        private static final String RESOURCE = "io/offsetkit/api/compat/gate-version.properties";

        @Override
        public String[] getVersion() throws IOException {
            Properties versions = new Properties();
            try (InputStream in = Version.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in != null) {
                    versions.load(in);
                }
            }
            return new String[] {
                NAME + " " + versions.getProperty("gate", "(version unknown: " + RESOURCE + " missing)"),
                "openapi-diff " + versions.getProperty("openapi-diff", "(version unknown)"),
                "Java " + System.getProperty("java.version")
            };
        }
    }
}
