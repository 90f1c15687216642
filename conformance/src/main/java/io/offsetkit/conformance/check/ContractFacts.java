package io.offsetkit.conformance.check;

import io.offsetkit.api.OpenApiDocument;
import io.offsetkit.conformance.http.Operation;
import io.offsetkit.conformance.http.Operations;
import io.offsetkit.conformance.http.Parameter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the kit takes from the contract itself rather than restating it, through the operations'
 * descriptors ({@link Operations}): the documented example's ids (the parameters' examples), the
 * reset's documented request bodies (numeric and string timestamp) and answers, and the schemas of
 * the parameters and body fields the edge rules walk.
 */
public final class ContractFacts {

    private final OpenApiDocument contract;
    private final Operations operations;

    public ContractFacts(OpenApiDocument contract) {
        this.contract = contract;
        this.operations = Operations.of(contract);
    }

    /** The contract these facts come from. */
    public OpenApiDocument contract() {
        return contract;
    }

    /** The contract's operations. */
    public Operations operations() {
        return operations;
    }

    /** The operation with an id ({@link Operations#RESET} ...). */
    public Operation operation(String id) {
        return operations.get(id);
    }

    /** The documented project id (the {@code project_id} parameter's example). */
    public String projectId() {
        return resetParameter("project_id").example().asString();
    }

    /** The documented instance id. */
    public String instanceId() {
        return resetParameter("instance_id").example().asString();
    }

    /** The documented consumer group. */
    public String group() {
        return resetParameter("group").example().asString();
    }

    /** The documented topic (the reset's documented request's {@code topic}). */
    public String topic() {
        return reset().requestExample("documented").path("topic").asString();
    }

    /** The documented time, as a number. */
    public long timestamp() {
        return reset().requestExample("documented").path("timestamp").asLong();
    }

    /** The documented request body (numeric timestamp), with the topic replaced by the given one. */
    public String numericRequest(String topic) {
        return withTopic("documented", topic);
    }

    /** The same request as the official Java SDK 3.1.80 to 3.1.211 sends it (string timestamp). */
    public String stringRequest(String topic) {
        return withTopic("officialJavaSdk", topic);
    }

    /** The {@code timestamp} schema of the reset's body, with its integer and string branches. */
    public JsonNode timestampSchema() {
        return bodyField("timestamp");
    }

    /** The reset body's {@code topic} schema. */
    public JsonNode topicSchema() {
        return bodyField("topic");
    }

    /** The schema of one of the reset's path parameters, by its name ({@code project_id}, {@code group}). */
    public JsonNode parameterSchema(String name) {
        return resetParameter(name).schema();
    }

    /** The reset's documented answer. */
    public JsonNode documentedResponse() {
        return reset().successExample("documented");
    }

    private Operation reset() {
        return operations.get(Operations.RESET);
    }

    private Parameter resetParameter(String name) {
        return reset().parameter(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "the contract's " + Operations.RESET + " has no parameter '" + name + "'"));
    }

    /** A field of the reset's body schema, its {@code $ref} followed. */
    private JsonNode bodyField(String field) {
        JsonNode schema = contract.at("/components/schemas/" + reset().requestSchema() + "/properties/" + field);
        String ref = schema.path("$ref").asString("");
        return ref.startsWith("#") ? contract.at(ref.substring(1)) : schema;
    }

    private String withTopic(String example, String topic) {
        ObjectNode body = (ObjectNode) reset().requestExample(example).deepCopy();
        body.put("topic", topic);
        return JsonMapper.shared().writeValueAsString(body);
    }
}
