package io.offsetkit.api.compat;

import io.offsetkit.api.OpenApiDocument;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the contract compatibility gate from a build or a shell.
 *
 * <pre>
 * java -cp ... io.offsetkit.api.compat.ContractGateCli [--baseline FILE|DIR] [--current FILE] [--report FILE]
 * </pre>
 *
 * <ul>
 *   <li>{@code --baseline}: the released document, or a directory of {@code
 *       openapi-MAJOR.MINOR.PATCH.yaml} whose newest is taken. Default: the contract inside the
 *       offsetkit-api jar on the class path (what a project depending on that jar compares with).
 *   <li>{@code --current}: the document to check. Default: the contract inside the jar.
 *   <li>{@code --report}: where to write the Markdown report (directories are created).
 * </ul>
 *
 * Exit status: 0 the gate passes, 1 it fails (the reasons are printed), 2 it cannot run.
 */
public final class ContractGateCli {

    private ContractGateCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The CLI without {@link System#exit}, for tests and embedding; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path baselinePath = null;
        Path currentPath = null;
        Path reportPath = null;
        for (int i = 0; i < args.length; i++) {
            if (i + 1 >= args.length) {
                err.println("Missing value after " + args[i] + "\n" + usage());
                return 2;
            }
            switch (args[i]) {
                case "--baseline" -> baselinePath = Path.of(args[++i]);
                case "--current" -> currentPath = Path.of(args[++i]);
                case "--report" -> reportPath = Path.of(args[++i]);
                default -> {
                    err.println("Unknown option " + args[i] + "\n" + usage());
                    return 2;
                }
            }
        }
        GateResult result;
        try {
            OpenApiDocument baseline =
                    baselinePath == null ? OpenApiDocument.bundled() : ContractBaseline.newest(baselinePath);
            OpenApiDocument current = currentPath == null ? OpenApiDocument.bundled() : read(currentPath);
            result = CompatibilityGate.compare(baseline, current);
            if (reportPath != null) {
                write(reportPath, DiffReport.markdown(result));
            }
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            err.println("The contract compatibility gate cannot run: " + e.getMessage());
            return 2;
        }
        if (result.passes()) {
            out.println(result.summary() + (reportPath == null ? "" : "; report: " + reportPath));
            return 0;
        }
        out.println(result.failureMessage());
        if (reportPath != null) {
            out.println("Report: " + reportPath);
        }
        return 1;
    }

    private static OpenApiDocument read(Path file) {
        try {
            return OpenApiDocument.parse(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report " + file, e);
        }
    }

    private static String usage() {
        return "Usage: ContractGateCli [--baseline FILE|DIR] [--current FILE] [--report FILE]";
    }
}
