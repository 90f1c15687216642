package io.offsetkit.api;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates JSON values against the schemas of one OpenAPI 3.0 document, with OpenAPI 3.0
 * semantics ({@code nullable}; {@code int32} and {@code int64} asserted as ranges), using the networknt
 * json-schema-validator.
 *
 * <p>Schemas are addressed by JSON pointer into the document, so any schema object can be used: a
 * component ({@code /components/schemas/Error}), a media type's schema, a property. {@code $ref}s
 * inside resolve against the same document. Compiled schemas are cached; instances are
 * thread-safe.
 */
public final class ContractSchemas {

    /** The IRI under which the document is registered with the validator; never fetched. */
    private static final String DOCUMENT_IRI = "urn:offsetkit:contract";

    private final OpenApiDocument document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    /** Schemas of the given document. */
    public ContractSchemas(OpenApiDocument document) {
        this.document = document;
        String json = JsonMapper.shared().writeValueAsString(document.tree());
        SchemaRegistryConfig config =
                SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        Dialect openApi30 = Dialect.builder(Dialects.getOpenApi30())
                .formats(List.of(IntegerFormat.values()))
                .build();
        this.registry = SchemaRegistry.withDialect(
                openApi30,
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, json)).schemaRegistryConfig(config));
    }

    /** Schemas of the contract shipped in this jar. */
    public static ContractSchemas bundled() {
        return new ContractSchemas(OpenApiDocument.bundled());
    }

    /** The document these schemas come from. */
    public OpenApiDocument document() {
        return document;
    }

    /**
     * Validates a value against the schema at a JSON pointer of the document.
     *
     * @param schemaPointer e.g. {@code /components/schemas/ResetConsumeOffsetResp}
     * @return the violations, empty when the value is valid
     * @throws IllegalArgumentException when the document has nothing at that pointer
     */
    public List<SchemaViolation> validate(String schemaPointer, JsonNode value) {
        document.at(schemaPointer);
        Schema schema = compiled.computeIfAbsent(
                schemaPointer, pointer -> registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + pointer)));
        List<Error> errors = schema.validate(value);
        return errors.stream()
                .map(e -> new SchemaViolation(e.getInstanceLocation().toString(), e.getKeyword(), e.getMessage()))
                .toList();
    }

    /** Validates a value against a named component schema ({@code /components/schemas/<name>}). */
    public List<SchemaViolation> validateComponent(String schemaName, JsonNode value) {
        return validate("/components/schemas/" + schemaName, value);
    }
}
