package io.offsetkit.api.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The last released contract: the newest {@code openapi-MAJOR.MINOR.PATCH.yaml} of a baseline
 * directory (in this repository {@code api/src/main/contract-baseline}).
 *
 * <p>A released document is copied there, named by its {@code info.version}, when the contract is
 * released; the gate then compares every later build with it. The file name and the version
 * inside must agree, so that a copy cannot be filed under the wrong release.
 */
public final class ContractBaseline {

    private static final Pattern FILE_NAME = Pattern.compile("openapi-(\\d+\\.\\d+\\.\\d+)\\.ya?ml");

    private ContractBaseline() {}

    /**
     * The newest baseline of a directory, or the file itself when {@code location} is a file.
     *
     * @throws IllegalArgumentException when {@code location} does not exist, a directory holds no
     *     baseline, the newest one's name and its version disagree, or it is not YAML or JSON
     */
    public static ContractDocument newest(Path location) {
        if (!Files.exists(location)) {
            throw new IllegalArgumentException("The baseline " + location + " does not exist");
        }
        if (!Files.isDirectory(location)) {
            return ContractDocument.read(location);
        }
        Map<SemanticVersion, Path> byVersion = new TreeMap<>(Comparator.reverseOrder());
        try (Stream<Path> files = Files.list(location)) {
            files.forEach(file -> {
                Matcher name = FILE_NAME.matcher(file.getFileName().toString());
                if (name.matches()) {
                    byVersion.put(versionOf(file, name.group(1)), file);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the baseline directory " + location, e);
        }
        if (byVersion.isEmpty()) {
            throw new IllegalArgumentException(
                    "The baseline directory " + location + " holds no openapi-MAJOR.MINOR.PATCH.yaml");
        }
        Map.Entry<SemanticVersion, Path> newest =
                byVersion.entrySet().iterator().next();
        ContractDocument document = ContractDocument.read(newest.getValue());
        if (!newest.getKey().toString().equals(document.version())) {
            throw new IllegalArgumentException("The baseline " + newest.getValue() + " says info.version "
                    + document.version() + ", not the " + newest.getKey() + " its name says");
        }
        return document;
    }

    private static SemanticVersion versionOf(Path file, String version) {
        try {
            return SemanticVersion.parse(version);
        } catch (IllegalArgumentException badVersion) {
            throw new IllegalArgumentException(
                    "The baseline " + file + " has a name the gate cannot order: " + badVersion.getMessage());
        }
    }
}
