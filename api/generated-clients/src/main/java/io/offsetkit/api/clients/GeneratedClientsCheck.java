package io.offsetkit.api.clients;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The build check: generates every {@link ClientGenerator}'s client from the contract and judges
 * the generators' warnings against the {@link AcceptedWarnings}. It fails on a warning the list does
 * not accept (the document gained a construct some generator mishandles) and on an entry of the
 * list no generator logged any more (the list must say what is true today, so that it can be
 * reviewed).
 */
public final class GeneratedClientsCheck {

    /** Where the contract is on the class path, in the {@code offsetkit-api} jar. */
    public static final String CONTRACT_RESOURCE = "io/offsetkit/api/openapi.yaml";

    private GeneratedClientsCheck() {}

    /**
     * Copies the contract from the class path (the {@code offsetkit-api} jar, the bytes every other
     * module reads) to {@code directory}, for the generators, which read files.
     *
     * @return the copy
     */
    public static Path bundledContract(Path directory) {
        try (InputStream contract =
                GeneratedClientsCheck.class.getClassLoader().getResourceAsStream(CONTRACT_RESOURCE)) {
            if (contract == null) {
                throw new IllegalStateException(
                        CONTRACT_RESOURCE + " is not on the class path: offsetkit-api is missing");
            }
            Files.createDirectories(directory);
            Path copy = directory.resolve("openapi.yaml");
            Files.copy(contract, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the contract to " + directory, e);
        }
    }

    /**
     * Generates the clients of {@code generators} from {@code contract}, each into its own directory
     * under {@code outputRoot} (named after the generator), and judges their warnings.
     */
    public static Result run(
            Path contract, Path outputRoot, AcceptedWarnings accepted, List<ClientGenerator> generators) {
        Map<ClientGenerator, List<GeneratorWarning>> warnings = new LinkedHashMap<>();
        List<GeneratorWarning> unexpected = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        for (ClientGenerator generator : generators) {
            List<GeneratorWarning> logged =
                    ClientGeneration.generate(generator, contract, outputRoot.resolve(generator.generatorName()));
            warnings.put(generator, logged);
            logged.stream()
                    .filter(warning -> !accepted.accepts(warning))
                    .distinct()
                    .forEach(unexpected::add);
            unused.addAll(accepted.unusedBy(generator, logged));
        }
        return new Result(contract, warnings, unexpected, unused);
    }

    /**
     * What one run found.
     *
     * @param warnings every generator's warnings, in the order generated, duplicates kept
     * @param unexpected the distinct warnings the list does not accept
     * @param unused the list's entries that no generator logged
     */
    public record Result(
            Path contract,
            Map<ClientGenerator, List<GeneratorWarning>> warnings,
            List<GeneratorWarning> unexpected,
            List<String> unused) {

        /** Whether the check passes: no unexpected warning and no unused entry. */
        public boolean passed() {
            return unexpected.isEmpty() && unused.isEmpty();
        }

        /** How many warnings the generator logged, duplicates counted. */
        public int count(ClientGenerator generator) {
            return warnings.getOrDefault(generator, List.of()).size();
        }

        /** The verdict in words: the counts per generator, then what fails, one line each. */
        public String report() {
            StringBuilder text = new StringBuilder();
            text.append(passed() ? "Generated clients check passed" : "Generated clients check FAILED")
                    .append(" for ")
                    .append(contract.getFileName())
                    .append(System.lineSeparator());
            warnings.forEach((generator, logged) -> text.append("  ")
                    .append(generator.generatorName())
                    .append(": ")
                    .append(logged.size())
                    .append(logged.size() == 1 ? " warning" : " warnings")
                    .append(System.lineSeparator()));
            if (!unexpected.isEmpty()) {
                text.append("Warnings not in the accepted list (fix the document, or accept one with its reason):")
                        .append(System.lineSeparator());
                unexpected.forEach(warning -> text.append("  ").append(warning).append(System.lineSeparator()));
            }
            if (!unused.isEmpty()) {
                text.append("Accepted warnings no generator logged any more (remove them from the list):")
                        .append(System.lineSeparator());
                unused.forEach(entry -> text.append("  ").append(entry).append(System.lineSeparator()));
            }
            return text.toString();
        }
    }
}
