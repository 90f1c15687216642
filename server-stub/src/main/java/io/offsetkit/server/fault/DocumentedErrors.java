package io.offsetkit.server.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The errors the contract documents for each operation, read from the contract itself (the {@code
 * api} module's {@code openapi.yaml}): for each operation, each status of its responses, each
 * example of that response's body, its {@code error_code} and {@code error_msg}. A fault of kind
 * {@link FaultKind#ERROR} answers one of these, with the status and the words the contract gives it,
 * so that a code the contract does not document for an operation cannot be set on it. Read once, on
 * first use (no emulator or server start pays for it). Immutable and thread-safe.
 */
public final class DocumentedErrors {

    /** Where the contract is on the class path. */
    static final String CONTRACT = "io/offsetkit/api/openapi.yaml";

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

    @SuppressWarnings("unchecked")
    private static DocumentedErrors read() {
        Map<String, Object> contract;
        try (InputStream in = DocumentedErrors.class.getClassLoader().getResourceAsStream(CONTRACT)) {
            if (in == null) {
                throw new IllegalStateException("the contract " + CONTRACT + " is not on the class path");
            }
            contract = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the contract " + CONTRACT + " cannot be read", e);
        }
        Map<String, Object> responses = map(map(contract, "components"), "responses");
        Map<String, Map<String, DocumentedError>> byOperation = new LinkedHashMap<>();
        for (Object path : map(contract, "paths").values()) {
            for (Object operation : ((Map<String, Object>) path).values()) {
                if (!(operation instanceof Map<?, ?> op) || op.get("operationId") == null) {
                    continue;
                }
                Map<String, DocumentedError> errors = new TreeMap<>();
                Map<String, Object> byStatus = (Map<String, Object>) op.get("responses");
                byStatus.forEach((status, response) -> {
                    int code = Integer.parseInt(String.valueOf(status));
                    if (code < 400) {
                        return;
                    }
                    Map<String, Object> resolved = resolve((Map<String, Object>) response, responses);
                    Map<String, Object> json = map(map(resolved, "content"), "application/json");
                    for (Object example : map(json, "examples").values()) {
                        Map<String, Object> value = map((Map<String, Object>) example, "value");
                        String errorCode = String.valueOf(value.get("error_code"));
                        errors.put(
                                errorCode,
                                new DocumentedError(code, errorCode, String.valueOf(value.get("error_msg"))));
                    }
                });
                byOperation.put(String.valueOf(op.get("operationId")), Collections.unmodifiableMap(errors));
            }
        }
        return new DocumentedErrors(Collections.unmodifiableMap(byOperation));
    }

    /** A response, or the one of {@code components/responses} its {@code $ref} names. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> response, Map<String, Object> responses) {
        Object ref = response.get("$ref");
        if (ref == null) {
            return response;
        }
        String name = String.valueOf(ref).substring(String.valueOf(ref).lastIndexOf('/') + 1);
        return (Map<String, Object>) responses.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }
}
