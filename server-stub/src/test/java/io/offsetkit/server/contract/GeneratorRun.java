package io.offsetkit.server.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * One run of the contract's generator as a module's build runs it: the generator, library, packages,
 * template directory, schema mappings and options are read from an {@code openapi-generator-maven-plugin}
 * execution of the module's {@code pom.xml}, so the run here cannot drift from the build's. A module
 * may run the generator more than once (the client: its models and API, then its requests from its
 * own template); {@link #allOf} gives every run.
 *
 * @param moduleDir the module whose pom configures the run
 * @param settings the plugin execution's configuration, by element name (nested ones flattened)
 * @param schemaMappings the execution's schema mappings
 * @param configOptions the execution's generator options
 */
record GeneratorRun(
        Path moduleDir,
        Map<String, String> settings,
        Map<String, String> schemaMappings,
        Map<String, String> configOptions) {

    /** The run the pom of {@code moduleDir} configures (its first execution of the generator). */
    static GeneratorRun of(Path moduleDir) {
        return allOf(moduleDir).get(0);
    }

    /** Every run the pom of {@code moduleDir} configures, in the order of its executions. */
    static List<GeneratorRun> allOf(Path moduleDir) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            Document pom = factory.newDocumentBuilder()
                    .parse(moduleDir.resolve("pom.xml").toFile());
            List<GeneratorRun> runs = new ArrayList<>();
            for (Element configuration : generatorConfigurations(pom)) {
                runs.add(run(moduleDir, configuration));
            }
            return List.copyOf(runs);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the generator's configuration of " + moduleDir, e);
        }
    }

    private static GeneratorRun run(Path moduleDir, Element configuration) {
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> schemaMappings = new LinkedHashMap<>();
        Map<String, String> configOptions = new LinkedHashMap<>();
        for (Node child = configuration.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element element)) {
                continue;
            }
            switch (element.getTagName()) {
                case "schemaMappings" -> {
                    NodeList mappings = element.getElementsByTagName("schemaMapping");
                    for (int i = 0; i < mappings.getLength(); i++) {
                        String[] pair =
                                mappings.item(i).getTextContent().strip().split("=", 2);
                        schemaMappings.put(pair[0], pair[1]);
                    }
                }
                case "configOptions" -> {
                    for (Node option = element.getFirstChild(); option != null; option = option.getNextSibling()) {
                        if (option instanceof Element value) {
                            configOptions.put(
                                    value.getTagName(), value.getTextContent().strip());
                        }
                    }
                }
                default ->
                    settings.put(
                            element.getTagName(),
                            element.getTextContent().strip().replace("${project.basedir}", moduleDir.toString()));
            }
        }
        return new GeneratorRun(moduleDir, settings, schemaMappings, configOptions);
    }

    private static List<Element> generatorConfigurations(Document pom) {
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            Node artifactId = plugin.getElementsByTagName("artifactId").item(0);
            if (artifactId != null && artifactId.getTextContent().strip().equals("openapi-generator-maven-plugin")) {
                NodeList executions = plugin.getElementsByTagName("execution");
                List<Element> configurations = new ArrayList<>();
                for (int e = 0; e < executions.getLength(); e++) {
                    configurations.add((Element) ((Element) executions.item(e))
                            .getElementsByTagName("configuration")
                            .item(0));
                }
                return configurations;
            }
        }
        throw new IllegalStateException("the pom runs no openapi-generator-maven-plugin");
    }

    /**
     * Generates from {@code contract} into {@code outputDir}.
     *
     * @return the directory of the generated Java sources
     */
    Path generate(String contract, Path outputDir) {
        try {
            Files.createDirectories(outputDir);
            Path spec = outputDir.resolve("openapi.yaml");
            Files.writeString(spec, contract);
            CodegenConfigurator configurator = new CodegenConfigurator()
                    .setGeneratorName(settings.get("generatorName"))
                    .setInputSpec(spec.toString())
                    .setOutputDir(outputDir.toString())
                    .setValidateSpec(false);
            if (settings.containsKey("library")) {
                configurator.setLibrary(settings.get("library"));
            }
            if (settings.containsKey("templateDirectory")) {
                configurator.setTemplateDir(settings.get("templateDirectory"));
            }
            configurator.setApiPackage(settings.get("apiPackage"));
            if (settings.containsKey("apiNameSuffix")) {
                configurator.setApiNameSuffix(settings.get("apiNameSuffix"));
            }
            configurator.setModelPackage(settings.get("modelPackage"));
            if (settings.containsKey("invokerPackage")) {
                configurator.setInvokerPackage(settings.get("invokerPackage"));
            }
            schemaMappings.forEach(configurator::addSchemaMapping);
            configOptions.forEach(configurator::addAdditionalProperty);
            configurator.addGlobalProperty("apiTests", "false");
            configurator.addGlobalProperty("modelTests", "false");
            configurator.addGlobalProperty("apiDocs", "false");
            configurator.addGlobalProperty("modelDocs", "false");
            // As the plugin does: once one kind of file is turned off, each kind left on is named (an
            // empty value selects all of that kind) and the others are not generated.
            List<String> kinds = List.of("apis", "models", "supportingFiles");
            List<String> switches = List.of("generateApis", "generateModels", "generateSupportingFiles");
            if (switches.stream().anyMatch(name -> "false".equals(settings.get(name)))) {
                for (int i = 0; i < kinds.size(); i++) {
                    if (!"false".equals(settings.get(switches.get(i)))) {
                        configurator.addGlobalProperty(kinds.get(i), "");
                    }
                }
            }
            DefaultGenerator generator = new DefaultGenerator();
            generator.setGenerateMetadata(false);
            generator.opts(configurator.toClientOptInput()).generate();
            return outputDir.resolve(configOptions.getOrDefault("sourceFolder", "src/main/java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
