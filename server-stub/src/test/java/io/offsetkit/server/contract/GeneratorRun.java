package io.offsetkit.server.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
 * template directory, schema mappings and options are read from the {@code openapi-generator-maven-plugin}
 * execution of the module's {@code pom.xml}, so the run here cannot drift from the build's.
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

    /** The run the pom of {@code moduleDir} configures (its one execution of the generator). */
    static GeneratorRun of(Path moduleDir) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            Document pom = factory.newDocumentBuilder()
                    .parse(moduleDir.resolve("pom.xml").toFile());
            Element configuration = generatorConfiguration(pom);
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
                                        value.getTagName(),
                                        value.getTextContent().strip());
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
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the generator's configuration of " + moduleDir, e);
        }
    }

    private static Element generatorConfiguration(Document pom) {
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            Node artifactId = plugin.getElementsByTagName("artifactId").item(0);
            if (artifactId != null && artifactId.getTextContent().strip().equals("openapi-generator-maven-plugin")) {
                NodeList executions = plugin.getElementsByTagName("execution");
                return (Element) ((Element) executions.item(0))
                        .getElementsByTagName("configuration")
                        .item(0);
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
            if ("false".equals(settings.get("generateSupportingFiles"))) {
                // As the plugin does: apis and models only (an empty value selects all of them).
                configurator.addGlobalProperty("apis", "");
                configurator.addGlobalProperty("models", "");
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
