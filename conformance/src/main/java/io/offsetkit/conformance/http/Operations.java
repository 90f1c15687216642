package io.offsetkit.conformance.http;

import io.offsetkit.api.OpenApiDocument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The contract's operations, read from the document at run time: for each {@code operationId}, an
 * {@link Operation} with its method, path template, parameters (their schemas resolved), success
 * schema and documented errors. The constants name the operations the kit's rules use; a new
 * operation of the contract is here as soon as the document has it.
 */
public final class Operations {

    /** Reset a group's offsets to a time (the main route, with the engine segment). */
    public static final String RESET = "resetConsumeOffset";
    /** The same reset on the older route, without the engine segment. */
    public static final String RESET_OLDER_ROUTE = "resetConsumeOffsetForRocketMq";
    /** A group's topics, or its progress on one topic ({@code ?topic=}). */
    public static final String GROUP_TOPICS = "showConsumerListOrDetails";
    /** A topic's queues and their offsets. */
    public static final String TOPIC_STATUS = "showTopicStatus";
    /** A group's consumers. */
    public static final String CONSUMERS = "showConsumerConnections";

    /** The methods a contract may give a route; the others are never any operation's. */
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private final Map<String, Operation> byId;

    private Operations(Map<String, Operation> byId) {
        this.byId = byId;
    }

    /** The operations of a contract, in the document's order. */
    public static Operations of(OpenApiDocument contract) {
        Map<String, Operation> byId = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> path : contract.at("/paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                JsonNode operation = entry.getValue();
                String id = operation.path("operationId").asString();
                byId.put(
                        id,
                        new Operation(
                                id,
                                entry.getKey().toUpperCase(Locale.ROOT),
                                path.getKey(),
                                parameters(contract, path.getValue(), operation),
                                successSchema(contract, operation),
                                errors(contract, operation),
                                requestSchema(contract, operation),
                                examples(contract, resolve(contract, operation.path("requestBody"))),
                                examples(
                                        contract,
                                        resolve(
                                                contract,
                                                operation.path("responses").path("200")))));
            }
        }
        return new Operations(Collections.unmodifiableMap(byId));
    }

    /**
     * The operation with an id.
     *
     * @throws IllegalArgumentException naming the id when the contract has no such operation
     */
    public Operation get(String id) {
        Operation operation = byId.get(id);
        if (operation == null) {
            throw new IllegalArgumentException("The contract has no operation '" + id + "'; it has " + byId.keySet());
        }
        return operation;
    }

    /** Every operation, in the document's order. */
    public List<Operation> all() {
        return List.copyOf(byId.values());
    }

    /** The methods the contract gives an operation's path (the operation's own and any other on the path). */
    public Set<String> methodsOn(Operation operation) {
        Set<String> methods = new LinkedHashSet<>();
        for (Operation other : byId.values()) {
            if (other.pathTemplate().equals(operation.pathTemplate())) {
                methods.add(other.method());
            }
        }
        return methods;
    }

    /** Methods that are no operation's on this operation's path, in a fixed order: the "wrong method" requests. */
    public List<String> wrongMethods(Operation operation) {
        Set<String> allowed = methodsOn(operation);
        return METHODS.stream()
                .map(method -> method.toUpperCase(Locale.ROOT))
                .filter(method -> !allowed.contains(method))
                .toList();
    }

    private static List<Parameter> parameters(OpenApiDocument contract, JsonNode pathItem, JsonNode operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode list : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : list) {
                JsonNode resolved = resolve(contract, parameter);
                parameters.add(new Parameter(
                        resolved.path("name").asString(),
                        resolved.path("in").asString(),
                        resolved.path("required").asBoolean(false),
                        resolve(contract, resolved.path("schema")),
                        resolved.path("example")));
            }
        }
        return parameters;
    }

    private static String successSchema(OpenApiDocument contract, JsonNode operation) {
        JsonNode response = resolve(contract, operation.path("responses").path("200"));
        return componentName(response.path("content").path("application/json").path("schema"));
    }

    private static String requestSchema(OpenApiDocument contract, JsonNode operation) {
        return componentName(resolve(contract, operation.path("requestBody"))
                .path("content")
                .path("application/json")
                .path("schema"));
    }

    private static Map<String, JsonNode> examples(OpenApiDocument contract, JsonNode withContent) {
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> example : withContent
                .path("content")
                .path("application/json")
                .path("examples")
                .properties()) {
            examples.put(example.getKey(), resolve(contract, example.getValue()).path("value"));
        }
        return examples;
    }

    private static String componentName(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.startsWith("#/components/schemas/") ? ref.substring("#/components/schemas/".length()) : "";
    }

    private static Map<Integer, Set<String>> errors(OpenApiDocument contract, JsonNode operation) {
        Map<Integer, Set<String>> errors = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
            if (!response.getKey().matches("[45][0-9][0-9]")) {
                continue;
            }
            Set<String> codes = new LinkedHashSet<>();
            JsonNode examples = resolve(contract, response.getValue())
                    .path("content")
                    .path("application/json")
                    .path("examples");
            for (JsonNode example : examples) {
                JsonNode code = example.path("value").path("error_code");
                if (code.isString()) {
                    codes.add(code.asString());
                }
            }
            errors.put(Integer.parseInt(response.getKey()), codes);
        }
        return errors;
    }

    /** The node a {@code $ref} points to, or the node itself. */
    private static JsonNode resolve(OpenApiDocument contract, JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 8 && current.path("$ref").isString(); depth++) {
            String ref = current.path("$ref").asString();
            if (!ref.startsWith("#")) {
                throw new IllegalArgumentException("only local references are read; found " + ref);
            }
            current = contract.at(ref.substring(1));
        }
        return current;
    }
}
