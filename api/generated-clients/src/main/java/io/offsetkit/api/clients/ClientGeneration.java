package io.offsetkit.api.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.config.GlobalSettings;

/**
 * Generates one client from a contract with openapi-generator, in this JVM, and returns the warnings
 * the generator logged meanwhile. The output directory is emptied first, so that what it holds
 * afterwards is exactly this run's client.
 */
public final class ClientGeneration {

    private static final String ONCE_LOGGER_ENABLED = "org.openapitools.codegen.utils.oncelogger.enabled";

    private ClientGeneration() {}

    /**
     * Generates {@code generator}'s client from {@code contract} into {@code outputDirectory}.
     *
     * @return the generator's warnings, in the order it logged them, duplicates kept (a warning
     *     logged once per operation counts once per operation)
     * @throws RuntimeException what the generator throws for a document it cannot generate from
     *     (an invalid one, say)
     */
    public static List<GeneratorWarning> generate(ClientGenerator generator, Path contract, Path outputDirectory) {
        return generate(generator, contract, outputDirectory, Map.of());
    }

    /**
     * As {@link #generate(ClientGenerator, Path, Path)}, with the generator's {@code modelNameMappings}:
     * schema name to the model name an app wants instead.
     */
    public static List<GeneratorWarning> generate(
            ClientGenerator generator, Path contract, Path outputDirectory, Map<String, String> modelNameMappings) {
        deleteRecursively(outputDirectory);
        CodegenConfigurator configurator = new CodegenConfigurator()
                .setGeneratorName(generator.generatorName())
                .setInputSpec(contract.toAbsolutePath().toString())
                .setOutputDir(outputDirectory.toAbsolutePath().toString())
                .setValidateSpec(true)
                .setAdditionalProperties(new HashMap<>(generator.options()));
        modelNameMappings.forEach(configurator::addModelNameMapping);
        try (WarningCapture capture = WarningCapture.open()) {
            // Reading the document (parser and validation messages) is part of what is checked.
            unthrottled();
            ClientOptInput input = configurator.toClientOptInput();
            unthrottled();
            new DefaultGenerator().opts(input).generate();
            return capture.messages().stream()
                    .map(message -> new GeneratorWarning(generator, normalized(message, contract, outputDirectory)))
                    .toList();
        }
    }

    /**
     * Turns off the generator's throttle of repeated warnings (a message repeated within two seconds,
     * across runs, is dropped), so that each run reports its own warnings, every time. The setting is
     * the generator's per-thread global settings, which reading the document may reset: set it again
     * after.
     */
    private static void unthrottled() {
        GlobalSettings.setProperty(ONCE_LOGGER_ENABLED, "false");
    }

    /** The message with this run's paths replaced by placeholders (see {@link GeneratorWarning}). */
    private static String normalized(String message, Path contract, Path outputDirectory) {
        String text = message == null ? "" : message;
        text = text.replace(outputDirectory.toAbsolutePath().toString(), "<output>");
        text = text.replace(contract.toAbsolutePath().toString(), "<contract>");
        // One warning is one line of the accepted list.
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the output directory " + directory, e);
        }
    }
}
