package io.offsetkit.server.fault;

import io.offsetkit.api.OpenApiDocument;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The errors the contract documents for each operation, read from the contract itself (the {@code
 * api} module's {@code openapi.yaml}): for each operation, each status of its responses, each
 * example of that response's body, its {@code error_code} and {@code error_msg}. A fault of kind
 * {@link FaultKind#ERROR} answers one of these, with the status and the words the contract gives it,
 * so that a code the contract does not document for an operation cannot be set on it. Read once, on
 * first use (no emulator or server start pays for it). Immutable and thread-safe.
 */
public final class DocumentedErrors {

    /** One documented error: its HTTP status, its {@code error_code} and the vendor's {@code error_msg}. */
    public record DocumentedError(int status, String code, String message) {}

    private final Map<String, Map<String, DocumentedError>> byOperation;

    private DocumentedErrors(Map<String, Map<String, DocumentedError>> byOperation) {
        this.byOperation = byOperation;
    }

    /** The contract's documented errors. */
    public static DocumentedErrors contract() {
        return Holder.CONTRACT_ERRORS;
    }

    /**
     * The error {@code code} as documented for {@code operationId}, or null when the contract does not
     * document that code for that operation.
     */
    public DocumentedError find(String operationId, String code) {
        return byOperation.getOrDefault(operationId, Map.of()).get(code);
    }

    /** The codes documented for an operation, sorted. */
    public List<String> codes(String operationId) {
        return List.copyOf(byOperation.getOrDefault(operationId, Map.of()).keySet());
    }

    private static final class Holder {
        static final DocumentedErrors CONTRACT_ERRORS = read();
    }

    private static DocumentedErrors read() {
        // The api module's reading of the contract: from the JSON form the build writes beside the YAML,
        // without a YAML parser's start in a JVM that may set one fault and then end.
        JsonNode contract = OpenApiDocument.bundled().tree();
        JsonNode responses = contract.path("components").path("responses");
        Map<String, Map<String, DocumentedError>> byOperation = new LinkedHashMap<>();
        for (JsonNode path : contract.path("paths")) {
            for (JsonNode operation : path) {
                if (!operation.isObject() || !operation.hasNonNull("operationId")) {
                    continue;
                }
                Map<String, DocumentedError> errors = new TreeMap<>();
                for (Map.Entry<String, JsonNode> byStatus :
                        operation.path("responses").properties()) {
                    int code = Integer.parseInt(byStatus.getKey());
                    if (code < 400) {
                        continue;
                    }
                    JsonNode json = resolve(byStatus.getValue(), responses)
                            .path("content")
                            .path("application/json");
                    for (JsonNode example : json.path("examples")) {
                        JsonNode value = example.path("value");
                        String errorCode = text(value.path("error_code"));
                        errors.put(errorCode, new DocumentedError(code, errorCode, text(value.path("error_msg"))));
                    }
                }
                byOperation.put(text(operation.path("operationId")), Collections.unmodifiableMap(errors));
            }
        }
        return new DocumentedErrors(Collections.unmodifiableMap(byOperation));
    }

    /** A response, or the one of {@code components/responses} its {@code $ref} names. */
    private static JsonNode resolve(JsonNode response, JsonNode responses) {
        JsonNode ref = response.path("$ref");
        if (ref.isMissingNode()) {
            return response;
        }
        String name = ref.asString();
        return responses.path(name.substring(name.lastIndexOf('/') + 1));
    }

    /** A scalar's text, {@code "null"} for none (as the contract's examples never have). */
    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? "null" : node.asString();
    }
}
