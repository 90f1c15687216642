package io.offsetkit.api.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The committed, reviewed list of generator warnings the contract is allowed to cause.
 *
 * <p>Format: one warning a line, {@code generator: message}, the message exactly as
 * {@link GeneratorWarning} spells it (paths of the run replaced by {@code <contract>} and
 * {@code <output>}). Lines starting with {@code #} are the review: each entry should be preceded by
 * why it is accepted rather than fixed in the document. Blank lines are ignored. An entry accepts
 * every occurrence of its warning for that generator.
 */
public final class AcceptedWarnings {

    private final Set<String> entries;

    private AcceptedWarnings(Set<String> entries) {
        this.entries = Set.copyOf(entries);
    }

    /** No warning accepted. */
    public static AcceptedWarnings none() {
        return new AcceptedWarnings(Set.of());
    }

    /**
     * Reads the list from a file.
     *
     * @throws IllegalArgumentException for a line that names no checked generator, with its number
     */
    public static AcceptedWarnings read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the accepted generator warnings " + file, e);
        }
        Set<String> entries = new LinkedHashSet<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(
                        file + " line " + number + ": expected 'generator: message', got '" + line + "'");
            }
            try {
                ClientGenerator.named(line.substring(0, colon).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage(), e);
            }
            entries.add(line);
        }
        return new AcceptedWarnings(entries);
    }

    /** Whether the list accepts this warning. */
    public boolean accepts(GeneratorWarning warning) {
        return entries.contains(warning.toString());
    }

    /** The entries for {@code generator} that none of {@code warnings} matched: the document no longer causes them. */
    public List<String> unusedBy(ClientGenerator generator, List<GeneratorWarning> warnings) {
        Set<String> seen = new LinkedHashSet<>();
        warnings.forEach(warning -> seen.add(warning.toString()));
        List<String> unused = new ArrayList<>();
        for (String entry : entries) {
            if (entry.startsWith(generator.generatorName() + ":") && !seen.contains(entry)) {
                unused.add(entry);
            }
        }
        return unused;
    }
}
