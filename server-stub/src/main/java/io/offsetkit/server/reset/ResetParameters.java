package io.offsetkit.server.reset;

import io.offsetkit.api.OpenApiDocument;
import io.offsetkit.server.web.DmsError;
import io.offsetkit.server.web.DmsException;
import io.offsetkit.server.web.ErrorText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The constraints on the operation's path parameters and topic, read from the contract itself (so
 * that they cannot drift from it): {@code engine}'s enum, and the length and pattern of
 * {@code project_id}, {@code instance_id}, {@code group} and {@code topic}.
 */
public final class ResetParameters {

    private final List<String> engines;
    private final NameRule projectId;
    private final NameRule instanceId;
    private final NameRule group;
    private final NameRule topic;

    /** The constraints of the given contract. */
    public ResetParameters(OpenApiDocument contract) {
        List<String> values = new ArrayList<>();
        contract.at("/components/parameters/Engine/schema/enum").forEach(value -> values.add(value.asString()));
        this.engines = List.copyOf(values);
        this.projectId = rule("project_id", contract.at("/components/parameters/ProjectId/schema"));
        this.instanceId = rule("instance_id", contract.at("/components/parameters/InstanceId/schema"));
        this.group = rule("group", contract.at("/components/parameters/Group/schema"));
        this.topic = rule("topic", contract.at("/components/schemas/ResetConsumeOffsetReq/properties/topic"));
    }

    /** The constraints of the contract shipped in the api jar. */
    public static ResetParameters bundled() {
        return Holder.BUNDLED;
    }

    /** @throws DmsException {@code DMS.00400800} when the engine is not one of the contract's */
    public void checkEngine(String engine) {
        if (engine == null || !engines.contains(engine)) {
            throw new DmsException(
                    DmsError.INVALID_PARAMETER,
                    "engine " + ErrorText.quote(engine) + " is not supported; it must be one of " + engines + ".");
        }
    }

    public NameRule projectId() {
        return projectId;
    }

    public NameRule instanceId() {
        return instanceId;
    }

    public NameRule group() {
        return group;
    }

    public NameRule topic() {
        return topic;
    }

    private static NameRule rule(String field, JsonNode schema) {
        return new NameRule(
                field,
                schema.path("minLength").asInt(1),
                schema.required("maxLength").asInt(),
                Pattern.compile(schema.required("pattern").asString()));
    }

    private static final class Holder {
        static final ResetParameters BUNDLED = new ResetParameters(OpenApiDocument.bundled());
    }
}
