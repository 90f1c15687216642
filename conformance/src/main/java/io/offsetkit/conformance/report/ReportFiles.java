package io.offsetkit.conformance.report;

import io.offsetkit.conformance.run.KitReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes every file report of a run into one directory: {@value #JSON}, {@value #JUNIT_XML},
 * {@value #HTML}, {@value #MARKDOWN} and {@value #CTRF} (the Common Test Report Format).
 */
public final class ReportFiles {

    public static final String JSON = "offsetkit-conformance.json";
    public static final String JUNIT_XML = "TEST-offsetkit-conformance.xml";
    public static final String HTML = "offsetkit-conformance.html";
    public static final String MARKDOWN = "offsetkit-conformance.md";
    public static final String CTRF = "offsetkit-conformance.ctrf.json";

    private ReportFiles() {}

    /**
     * Writes the reports, creating the directory if needed.
     *
     * @return the files written
     */
    public static List<Path> write(KitReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        return List.of(
                write(directory.resolve(JSON), JsonReport.render(report)),
                write(directory.resolve(JUNIT_XML), JunitXmlReport.render(report)),
                write(directory.resolve(HTML), HtmlReport.render(report)),
                write(directory.resolve(MARKDOWN), MarkdownReport.render(report)),
                write(directory.resolve(CTRF), CtrfReport.render(report)));
    }

    /** Writes the CTRF report alone to a file, creating its directory if needed. */
    public static Path writeCtrf(KitReport report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return write(file, CtrfReport.render(report));
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
