package io.offsetkit.conformance.check;

import io.offsetkit.api.OpenApiDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the kit takes from the contract itself rather than restating it: the documented example's
 * ids (the parameters' examples), its request bodies (numeric and string timestamp) and its
 * response.
 */
public final class ContractFacts {

    private static final String REQUEST_EXAMPLES =
            "/components/requestBodies/ResetConsumeOffset/content/application~1json/examples";
    private static final String RESPONSE_EXAMPLE =
            "/components/responses/OffsetReset/content/application~1json/examples/documented/value";

    private final OpenApiDocument contract;

    public ContractFacts(OpenApiDocument contract) {
        this.contract = contract;
    }

    /** The contract these facts come from. */
    public OpenApiDocument contract() {
        return contract;
    }

    /** The documented project id (the {@code project_id} parameter's example). */
    public String projectId() {
        return contract.at("/components/parameters/ProjectId/example").asString();
    }

    /** The documented instance id. */
    public String instanceId() {
        return contract.at("/components/parameters/InstanceId/example").asString();
    }

    /** The documented consumer group. */
    public String group() {
        return contract.at("/components/parameters/Group/example").asString();
    }

    /** The documented topic (the request body's {@code topic} example). */
    public String topic() {
        return contract.at("/components/schemas/ResetConsumeOffsetReq/properties/topic/example")
                .asString();
    }

    /** The documented time, as a number. */
    public long timestamp() {
        return contract.at(REQUEST_EXAMPLES + "/documented/value/timestamp").asLong();
    }

    /** The documented request body (numeric timestamp), with the topic replaced by the given one. */
    public String numericRequest(String topic) {
        return withTopic("documented", topic);
    }

    /** The same request as the official Java SDK 3.1.80 to 3.1.211 sends it (string timestamp). */
    public String stringRequest(String topic) {
        return withTopic("officialJavaSdk", topic);
    }

    /** The {@code timestamp} schema, with its integer and string branches. */
    public JsonNode timestampSchema() {
        return contract.at("/components/schemas/ResetTimestamp");
    }

    /** The request body's {@code topic} schema. */
    public JsonNode topicSchema() {
        return contract.at("/components/schemas/ResetConsumeOffsetReq/properties/topic");
    }

    /** The schema of a path parameter, by its component name ({@code ProjectId}, {@code Group}). */
    public JsonNode parameterSchema(String component) {
        return contract.at("/components/parameters/" + component + "/schema");
    }

    /** The documented response body. */
    public JsonNode documentedResponse() {
        return contract.at(RESPONSE_EXAMPLE);
    }

    private String withTopic(String example, String topic) {
        ObjectNode body = (ObjectNode)
                contract.at(REQUEST_EXAMPLES + "/" + example + "/value").deepCopy();
        body.put("topic", topic);
        return JsonMapper.shared().writeValueAsString(body);
    }
}
