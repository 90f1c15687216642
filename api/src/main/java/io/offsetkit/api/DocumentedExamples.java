package io.offsetkit.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Finds every example written in an OpenAPI 3.0 document, each paired with the schema it must be
 * valid against.
 *
 * <p>Two places hold examples:
 *
 * <ul>
 *   <li>parameters, headers and media types: {@code example}, or {@code examples/<key>/value}
 *       (local {@code $ref}s to {@code #/components/examples} are followed), checked against
 *       the sibling {@code schema};
 *   <li>schema objects: {@code example}, checked against the schema object itself. Schemas are
 *       found under {@code components/schemas} and under every {@code schema} key, and through
 *       {@code properties}, {@code items}, {@code additionalProperties}, {@code allOf},
 *       {@code anyOf}, {@code oneOf} and {@code not}.
 * </ul>
 *
 * Example values themselves are never searched for further examples.
 */
public final class DocumentedExamples {

    private static final List<String> SCHEMA_LISTS = List.of("allOf", "anyOf", "oneOf");
    private static final List<String> SCHEMA_SINGLES = List.of("items", "additionalProperties", "not");

    private final JsonNode root;
    private final List<DocumentedExample> found = new ArrayList<>();

    private DocumentedExamples(JsonNode root) {
        this.root = root;
    }

    /** Every example of the document, in document order. */
    public static List<DocumentedExample> of(OpenApiDocument document) {
        DocumentedExamples walker = new DocumentedExamples(document.tree());
        walker.walk(document.tree(), "");
        JsonNode schemas = document.tree().path("components").path("schemas");
        for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
            walker.walkSchema(schema.getValue(), "/components/schemas/" + escape(schema.getKey()), schema.getKey());
        }
        return List.copyOf(walker.found);
    }

    /** Escapes one JSON pointer reference token (RFC 6901). */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private void walk(JsonNode node, String pointer) {
        if (node.isObject()) {
            if (node.has("schema")
                    && !node.path("schema").isMissingNode()
                    && node.get("schema").isObject()) {
                collectHolderExamples(node, pointer);
                walkSchema(node.get("schema"), pointer + "/schema", lastToken(pointer));
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                if (key.equals("example") || key.equals("examples") || key.equals("schema") || key.equals("schemas")) {
                    continue;
                }
                walk(field.getValue(), pointer + "/" + escape(key));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i);
            }
        }
    }

    /** A parameter, header or media type: its examples must satisfy its {@code schema}. */
    private void collectHolderExamples(JsonNode holder, String pointer) {
        String schemaPointer = pointer + "/schema";
        String holderName = holder.has("name") ? holder.get("name").asString() : lastToken(pointer);
        if (holder.has("example")) {
            found.add(new DocumentedExample(holderName, pointer + "/example", schemaPointer, holder.get("example")));
        }
        for (Map.Entry<String, JsonNode> example : holder.path("examples").properties()) {
            String examplePointer = pointer + "/examples/" + escape(example.getKey());
            JsonNode exampleObject = example.getValue();
            if (exampleObject.has("$ref")) {
                examplePointer = exampleObject.get("$ref").asString().replaceFirst("^#", "");
                exampleObject = root.at(examplePointer);
            }
            if (exampleObject.has("value")) {
                found.add(new DocumentedExample(
                        example.getKey(), examplePointer + "/value", schemaPointer, exampleObject.get("value")));
            }
        }
    }

    private void walkSchema(JsonNode schema, String pointer, String name) {
        if (!schema.isObject() || schema.has("$ref")) {
            return;
        }
        if (schema.has("example")) {
            found.add(new DocumentedExample(name, pointer + "/example", pointer, schema.get("example")));
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            walkSchema(property.getValue(), pointer + "/properties/" + escape(property.getKey()), property.getKey());
        }
        for (String key : SCHEMA_SINGLES) {
            if (schema.has(key)) {
                walkSchema(schema.get(key), pointer + "/" + key, name);
            }
        }
        for (String key : SCHEMA_LISTS) {
            JsonNode list = schema.path(key);
            for (int i = 0; i < list.size(); i++) {
                walkSchema(list.get(i), pointer + "/" + key + "/" + i, name);
            }
        }
    }

    private static String lastToken(String pointer) {
        String token = pointer.substring(pointer.lastIndexOf('/') + 1);
        return token.replace("~1", "/").replace("~0", "~");
    }
}
