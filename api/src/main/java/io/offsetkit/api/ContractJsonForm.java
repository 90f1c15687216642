package io.offsetkit.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundled contract's tree written as JSON at build time, beside the YAML, so that {@link
 * OpenApiDocument#bundled()} reads it with the JSON parser every module loads anyway instead of the
 * YAML one: in a JVM that lives seconds (the conformance kit's run) the YAML parser's start and parse
 * were a sixth of the kit's CPU samples, the JSON parse of the same tree about a third of the YAML's.
 *
 * <p>The file is named after the YAML's SHA-256 ({@link #resourceFor}): a JSON form left from another
 * version of the YAML is never found, and {@code bundled()} reads the YAML itself. The build writes it
 * only when it reads back to a tree equal to the YAML's, node type for node type; else the build fails.
 */
public final class ContractJsonForm {

    private ContractJsonForm() {}

    /** The class-path resource of the JSON form of the YAML whose SHA-256 is given. */
    static String resourceFor(String yamlSha256) {
        return "io/offsetkit/api/openapi-" + yamlSha256 + ".json";
    }

    /** Reads a JSON form's bytes into a tree. */
    static JsonNode read(byte[] json) {
        return JsonMapper.shared().readTree(json);
    }

    /**
     * Writes the JSON form of the bundled YAML into the classes directory given (the build's {@code
     * process-classes} step).
     *
     * @param args the classes directory, where the YAML already is
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ContractJsonForm <classes directory>");
        }
        Path classes = Path.of(args[0]);
        OpenApiDocument yaml = OpenApiDocument.parse(
                OpenApiDocument.BUNDLED_RESOURCE,
                Files.readAllBytes(classes.resolve(OpenApiDocument.BUNDLED_RESOURCE)));
        byte[] json = JsonMapper.shared().writeValueAsBytes(yaml.tree());
        if (!read(json).equals(yaml.tree())) {
            throw new IllegalStateException("the contract's JSON form does not read back to the YAML's tree");
        }
        Path target = classes.resolve(resourceFor(yaml.sha256()));
        try (var old = Files.list(target.getParent())) {
            // one JSON form in the classes, that of this YAML
            for (Path stale : old.filter(p -> p.getFileName().toString().matches("openapi-[0-9a-f]{64}\\.json"))
                    .toList()) {
                Files.delete(stale);
            }
        }
        Files.write(target, json);
    }
}
