package io.offsetkit.api.compat.maven;

import io.offsetkit.api.compat.CompatibilityGate;
import io.offsetkit.api.compat.ContractBaseline;
import io.offsetkit.api.compat.ContractDocument;
import io.offsetkit.api.compat.DiffReport;
import io.offsetkit.api.compat.GateResult;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * The contract compatibility gate: compares an OpenAPI document with its released baseline, writes
 * the Markdown report, and fails the build when a change would break clients or servers written
 * against the baseline, unless the major version of {@code info.version} was raised.
 *
 * <p>Either document may be left out, not both: the one left out is the offsetkit contract on the
 * project's class path (the {@code offsetkit-api} jar the project depends on, or the api module's
 * own build output). Give {@code baseline} alone to check an upgrade of {@code offsetkit-api}
 * against the contract a project was written for, or {@code current} alone to check a project's own
 * copy of the contract against the one in the {@code offsetkit-api} jar.
 *
 * <p>A breaking change fails the build ({@link MojoFailureException}, each change named with its
 * JSON pointer); a document that cannot be read or is not OpenAPI is an error of the build's setup
 * ({@link MojoExecutionException}, naming the file).
 */
@Mojo(
        name = "check",
        defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class CheckMojo extends AbstractMojo {

    /**
     * The released document: a YAML or JSON file, or a directory of {@code
     * openapi-MAJOR.MINOR.PATCH.yaml} files whose newest version is taken (its name and its {@code
     * info.version} must agree). When left out, the offsetkit contract on the project's class path.
     */
    @Parameter(property = "contract.gate.baseline")
    File baseline;

    /**
     * The document to check, a YAML or JSON file. When left out, the offsetkit contract on the
     * project's class path.
     */
    @Parameter(property = "contract.gate.current")
    File current;

    /** Where the Markdown report goes: the verdict and every change with its JSON pointer. */
    @Parameter(
            property = "contract.gate.report",
            defaultValue = "${project.build.directory}/contract-diff.md",
            required = true)
    File report;

    /** Skips the gate, for an experiment; never in CI. */
    @Parameter(property = "contract.gate.skip", defaultValue = "false")
    boolean skip;

    /** Where a document left out is looked for, in class path order. */
    @Parameter(defaultValue = "${project.testClasspathElements}", readonly = true, required = true)
    List<String> classPath;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Contract compatibility gate skipped (contract.gate.skip)");
            return;
        }
        if (baseline == null && current == null) {
            throw new MojoExecutionException("The contract compatibility gate needs <baseline>, <current> or both:"
                    + " the one left out is the offsetkit contract on the class path, and it cannot be both");
        }
        GateResult result = compare();
        if (!result.compared()) {
            // Not a verdict on the contract: the documents given cannot be compared at all.
            throw new MojoExecutionException("The contract compatibility gate cannot run: " + result.whyNotCompared());
        }
        write(DiffReport.markdown(result));
        if (!result.passes()) {
            throw new MojoFailureException(result.failureMessage() + "\nReport: " + report);
        }
        getLog().info(result.summary());
        getLog().info("Report: " + report);
    }

    private GateResult compare() throws MojoExecutionException {
        ContractDocument released;
        ContractDocument checked;
        try {
            released =
                    baseline == null ? ClassPathContract.find(classPath) : ContractBaseline.newest(baseline.toPath());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw cannotRun("the baseline: " + e.getMessage(), e);
        }
        try {
            checked = current == null ? ClassPathContract.find(classPath) : ContractDocument.read(current.toPath());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw cannotRun("the document to check: " + e.getMessage(), e);
        }
        getLog().debug("Contract compatibility gate: " + checked.name() + " against " + released.name());
        return CompatibilityGate.compare(released, checked);
    }

    private void write(String markdown) throws MojoExecutionException {
        Path file = report.toPath();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw cannotRun("cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }

    private static MojoExecutionException cannotRun(String reason, Exception cause) {
        return new MojoExecutionException("The contract compatibility gate cannot run: " + reason, cause);
    }
}
