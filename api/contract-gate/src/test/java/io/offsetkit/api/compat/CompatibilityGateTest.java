package io.offsetkit.api.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.api.compat.ContractChange.Severity;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gate on mutated copies of the released baseline: every kind of breaking change fails it,
 * naming the change and its JSON pointer; compatible changes pass and are listed.
 */
class CompatibilityGateTest {

    /** The first released contract, the fixture every mutation starts from. */
    static final ContractDocument BASELINE = ContractDocument.read(RepositoryContract.RELEASED_1_0_0);

    static final String OPERATION =
            "/paths/~1v2~1{engine}~1{project_id}~1instances~1{instance_id}~1groups~1{group}~1reset-message-offset/post";
    static final String OLD_ROUTE =
            "/paths/~1v2~1{project_id}~1rocketmq~1instances~1{instance_id}~1groups~1{group}~1reset-message-offset";
    static final String REQUEST = "/components/schemas/ResetConsumeOffsetReq";
    static final String QUEUE = "/components/schemas/ResetConsumeOffsetRespQueues";
    static final String TIMESTAMP = "/components/schemas/ResetTimestamp";

    @Nested
    @DisplayName("a breaking change fails the gate, named with its JSON pointer")
    class Breaking {

        @Test
        @DisplayName("removed path")
        void removedPath() {
            GateResult result = gate(tree -> object(tree, "/paths").remove(unescape(OLD_ROUTE.substring(7))));

            assertFailsWith(
                    result,
                    "path /v2/{project_id}/rocketmq/instances/{instance_id}/groups/{group}/reset-message-offset removed",
                    OLD_ROUTE + " (in the baseline)");
        }

        @Test
        @DisplayName("removed operation (the path stays, its POST becomes a PUT)")
        void removedOperation() {
            GateResult result = gate(tree -> {
                ObjectNode path = object(tree, OLD_ROUTE);
                path.set("put", path.remove("post"));
            });

            assertFailsWith(
                    result,
                    "operation resetConsumeOffsetForRocketMq (POST /v2/{project_id}/rocketmq/",
                    OLD_ROUTE + "/post (in the baseline)");
            assertThat(result.compatible())
                    .extracting(ContractChange::summary)
                    .anyMatch(s -> s.startsWith("new operation"));
        }

        @Test
        @DisplayName("removed response field (required)")
        void removedRequiredResponseField() {
            GateResult result = gate(tree -> object(tree, QUEUE + "/properties").remove("timestamp_offset"));

            assertFailsWith(
                    result,
                    "field `queues[].timestamp_offset` in the 200 response removed",
                    QUEUE + "/properties/timestamp_offset (in the baseline)");
            assertThat(result.breaking().get(0).seenIn())
                    .containsExactly("resetConsumeOffset", "resetConsumeOffsetForRocketMq");
        }

        @Test
        @DisplayName("removed response field (optional): our own rule, the library rates it compatible")
        void removedOptionalResponseField() {
            // GIVEN a released document whose queue entries also had an optional field
            ObjectNode released = (ObjectNode) BASELINE.tree().deepCopy();
            object(released, QUEUE + "/properties").putObject("store_time").put("type", "integer");

            // WHEN the current document no longer has it
            GateResult result = CompatibilityGate.compare(document("released.yaml", released), BASELINE);

            // THEN it is breaking, found by our rule
            assertFailsWith(
                    result,
                    "field `queues[].store_time` in the 200 response removed",
                    QUEUE + "/properties/store_time (in the baseline)");
            assertThat(result.breaking().get(0).foundBy()).isEqualTo(SchemaChangeReader.OWN_RESPONSE_FIELD_RULE);
        }

        @Test
        @DisplayName("new required request field")
        void newRequiredRequestField() {
            GateResult result = gate(tree -> {
                object(tree, REQUEST + "/properties").putObject("dry_run").put("type", "boolean");
                ((ArrayNode) tree.at(REQUEST + "/required")).add("dry_run");
            });

            assertFailsWith(
                    result, "new required field `dry_run` in the request body", REQUEST + "/properties/dry_run");
        }

        @Test
        @DisplayName("new required parameter")
        void newRequiredParameter() {
            GateResult result = gate(tree -> ((ArrayNode) tree.at(OPERATION + "/parameters"))
                    .addObject()
                    .put("name", "X-Tenant")
                    .put("in", "header")
                    .put("required", true)
                    .putObject("schema")
                    .put("type", "string"));

            assertFailsWith(result, "new required parameter `X-Tenant` (in header)", OPERATION + "/parameters/4");
        }

        @Test
        @DisplayName("narrowed type: queue_id from integer to string")
        void queueIdBecomesString() {
            GateResult result = gate(tree -> {
                ObjectNode queueId = object(tree, QUEUE + "/properties/queue_id");
                queueId.put("type", "string").remove("format");
                queueId.remove("minimum");
            });

            assertFailsWith(
                    result,
                    "field `queues[].queue_id` in the 200 response: type changed from integer (int32) to string",
                    QUEUE + "/properties/queue_id");
        }

        @Test
        @DisplayName("narrowed format: timestamp_offset from int64 to int32")
        void offsetFormatNarrowed() {
            GateResult result = gate(
                    tree -> object(tree, QUEUE + "/properties/timestamp_offset").put("format", "int32"));

            assertFailsWith(
                    result,
                    "field `queues[].timestamp_offset` in the 200 response: type changed from integer (int64) to integer (int32)",
                    QUEUE + "/properties/timestamp_offset");
        }

        @Test
        @DisplayName("narrowed request constraint: topic maxLength 127 to 64")
        void topicMaxLengthNarrowed() {
            GateResult result =
                    gate(tree -> object(tree, REQUEST + "/properties/topic").put("maxLength", 64));

            assertFailsWith(
                    result,
                    "field `topic` in the request body: maxLength changed from `127` to `64`",
                    REQUEST + "/properties/topic/maxLength");
        }

        @Test
        @DisplayName("narrowed request constraint: topic minLength 1 to 3 (a library check we turn on)")
        void topicMinLengthRaised() {
            GateResult result =
                    gate(tree -> object(tree, REQUEST + "/properties/topic").put("minLength", 3));

            assertFailsWith(
                    result,
                    "field `topic` in the request body: minLength changed from `1` to `3`",
                    REQUEST + "/properties/topic/minLength");
        }

        @Test
        @DisplayName(
                "narrowed inline oneOf alternative: the string timestamp's pattern (our naming of inline alternatives)")
        void inlineAlternativePatternNarrowed() {
            GateResult result =
                    gate(tree -> object(tree, TIMESTAMP + "/oneOf/1").put("pattern", "^[0-9]{1,13}$"));

            assertFailsWith(
                    result,
                    "field `timestamp` in the request body: pattern changed from `^(-1|[0-9]{1,19})$` to `^[0-9]{1,13}$`",
                    TIMESTAMP + "/oneOf/1/pattern");
            assertThat(result.breaking().get(0).foundBy()).isEqualTo(SchemaChangeReader.LIBRARY_ON_NAMED_ALTERNATIVE);
        }

        @Test
        @DisplayName("narrowed inline oneOf alternative: the integer timestamp from int64 to int32")
        void inlineAlternativeFormatNarrowed() {
            GateResult result =
                    gate(tree -> object(tree, TIMESTAMP + "/oneOf/0").put("format", "int32"));

            assertFailsWith(
                    result,
                    "field `timestamp` in the request body: type changed from integer (int64) to integer (int32)",
                    TIMESTAMP + "/oneOf/0");
        }

        @Test
        @DisplayName("removed oneOf alternative in a request: the string form of timestamp")
        void requestAlternativeRemoved() {
            GateResult result = gate(tree -> ((ArrayNode) tree.at(TIMESTAMP + "/oneOf")).remove(1));

            assertFailsWith(
                    result,
                    "field `timestamp` in the request body: a oneOf alternative was removed",
                    TIMESTAMP + "/oneOf/1 (in the baseline)");
        }

        @Test
        @DisplayName("removed enum value in a request: engine loses reliability")
        void requestEnumValueRemoved() {
            GateResult result = gate(tree -> {
                ArrayNode values = (ArrayNode) tree.at("/components/parameters/Engine/schema/enum");
                values.remove(1);
            });

            assertFailsWith(
                    result,
                    "parameter `engine` (in path): enum value(s) `reliability` removed",
                    "/components/parameters/Engine/schema/enum");
        }

        @Test
        @DisplayName("changed status code of a documented response: 404 becomes 410")
        void statusCodeChanged() {
            GateResult result = gate(tree -> {
                ObjectNode responses = object(tree, OPERATION + "/responses");
                responses.set("410", responses.remove("404"));
            });

            assertFailsWith(result, "response status 404 removed", OPERATION + "/responses/404 (in the baseline)");
            assertThat(result.compatible()).extracting(ContractChange::summary).contains("new response status 410");
        }

        @Test
        @DisplayName("new required security requirement: a second header scheme beside iamToken (our own check)")
        void securitySchemeAddedToRequirement() {
            GateResult result = gate(tree -> {
                object(tree, "/components/securitySchemes")
                        .putObject("tenantToken")
                        .put("type", "apiKey")
                        .put("in", "header")
                        .put("name", "X-Tenant-Token");
                ((ObjectNode) tree.at("/security/0")).putArray("tenantToken");
            });

            assertFailsWith(
                    result,
                    "new required security requirement: clients authenticating with {`iamToken`} must now also present {`tenantToken`}",
                    "/security");
            assertThat(result.breaking().get(0).foundBy()).isEqualTo(SecurityRequirementsCheck.NAME);
        }

        @Test
        @DisplayName("new required security requirement: AK/SK signing no longer accepted on its own")
        void securityAlternativeRemoved() {
            GateResult result = gate(tree -> ((ArrayNode) tree.at("/security")).remove(1));

            assertFailsWith(
                    result,
                    "security alternative {`akskSignature`} removed: clients authenticating with it are refused",
                    "/security");
        }

        @Test
        @DisplayName(
                "new required security requirement: authentication where the baseline had none (the library rates it compatible)")
        void authenticationNewlyRequired() {
            // GIVEN a released document without any security requirement
            ObjectNode released = (ObjectNode) BASELINE.tree().deepCopy();
            released.remove("security");

            // WHEN the current document requires the token or the signature
            GateResult result = CompatibilityGate.compare(document("released.yaml", released), BASELINE);

            // THEN that is a new required security requirement
            assertFailsWith(
                    result,
                    "new required security requirement: the operation now requires authentication {`iamToken`} or {`akskSignature`}; it did not before",
                    "/security");
        }

        @Test
        @DisplayName("security scheme renamed (the library sees no change; generated clients look schemes up by name)")
        void securitySchemeRenamed() {
            GateResult result = gate(tree -> {
                ObjectNode schemes = object(tree, "/components/securitySchemes");
                schemes.set("token", schemes.remove("iamToken"));
                ObjectNode first = (ObjectNode) tree.at("/security/0");
                first.set("token", first.remove("iamToken"));
            });

            assertFailsWith(
                    result,
                    "security alternative {`iamToken`} removed: clients authenticating with it are refused",
                    "/security");
        }

        @Test
        @DisplayName("security scheme moved to another header")
        void securitySchemeHeaderChanged() {
            GateResult result = gate(
                    tree -> object(tree, "/components/securitySchemes/iamToken").put("name", "X-Token"));

            assertFailsWith(
                    result,
                    "security scheme `iamToken`: name changed from `X-Auth-Token` to `X-Token`",
                    "/components/securitySchemes/iamToken/name");
        }

        @Test
        @DisplayName("existing request field made required")
        void requestFieldMadeRequired() {
            // GIVEN a released document with an optional dry_run
            ObjectNode released = (ObjectNode) BASELINE.tree().deepCopy();
            object(released, REQUEST + "/properties").putObject("dry_run").put("type", "boolean");
            ObjectNode current = released.deepCopy();
            ((ArrayNode) current.at(REQUEST + "/required")).add("dry_run");

            // WHEN it becomes required
            GateResult result =
                    CompatibilityGate.compare(document("released.yaml", released), document("current.yaml", current));

            // THEN
            assertFailsWith(result, "field `dry_run` in the request body is now required", REQUEST + "/required");
        }

        @Test
        @DisplayName("request body made required")
        void requestBodyMadeRequired() {
            ObjectNode released = (ObjectNode) BASELINE.tree().deepCopy();
            object(released, "/components/requestBodies/ResetConsumeOffset").put("required", false);

            GateResult result = CompatibilityGate.compare(document("released.yaml", released), BASELINE);

            assertFailsWith(result, "the request body is now required", "/components/requestBodies/ResetConsumeOffset");
        }

        @Test
        @DisplayName("narrowed request range: the integer timestamp no longer accepts -1")
        void requestRangeNarrowed() {
            GateResult result =
                    gate(tree -> object(tree, TIMESTAMP + "/oneOf/0").put("minimum", 0));

            assertFailsWith(
                    result,
                    "field `timestamp` in the request body: allowed range changed from `>= -1` to `>= 0`",
                    TIMESTAMP + "/oneOf/0");
        }

        @Test
        @DisplayName("request bounds tighter than the pattern and the format: maxLength 18, maximum int32's")
        void requestBoundsBelowTheImpliedOnes() {
            GateResult result = gate(tree -> {
                object(tree, TIMESTAMP + "/oneOf/1").put("maxLength", 18);
                object(tree, TIMESTAMP + "/oneOf/0").put("maximum", Integer.MAX_VALUE);
            });

            assertFailsWith(
                    result,
                    "field `timestamp` in the request body: maxLength changed from none to `18`",
                    TIMESTAMP + "/oneOf/1/maxLength");
            assertFailsWith(
                    result,
                    "field `timestamp` in the request body: allowed range changed from `>= -1` to `>= -1 and <="
                            + " 2147483647`",
                    TIMESTAMP + "/oneOf/0");
            assertThat(result.breaking())
                    .noneSatisfy(change -> assertThat(change.summary()).contains("no value is refused"));
        }

        @Test
        @DisplayName("widened response range: timestamp_offset may be negative (a library check we turn on)")
        void responseRangeWidened() {
            GateResult result = gate(
                    tree -> object(tree, QUEUE + "/properties/timestamp_offset").put("minimum", -1));

            assertFailsWith(
                    result,
                    "field `queues[].timestamp_offset` in the 200 response: allowed range changed from `>= 0` to `>= -1`",
                    QUEUE + "/properties/timestamp_offset");
        }

        @Test
        @DisplayName("new enum value in a response")
        void responseEnumValueAdded() {
            ObjectNode released = (ObjectNode) BASELINE.tree().deepCopy();
            object(released, QUEUE + "/properties/broker_name").putArray("enum").add("broker-1");
            ObjectNode current = released.deepCopy();
            ((ArrayNode) current.at(QUEUE + "/properties/broker_name/enum")).add("broker-2");

            GateResult result =
                    CompatibilityGate.compare(document("released.yaml", released), document("current.yaml", current));

            assertFailsWith(
                    result,
                    "field `queues[].broker_name` in the 200 response: new enum value(s) `broker-2`, unknown to existing clients",
                    QUEUE + "/properties/broker_name/enum");
        }

        @Test
        @DisplayName("removed response header")
        void responseHeaderRemoved() {
            GateResult result = gate(tree ->
                    object(tree, "/components/responses/OffsetReset/headers").remove("X-Request-Id"));

            assertFailsWith(
                    result,
                    "response header `X-Request-Id` of the 200 response removed",
                    "/components/responses/OffsetReset/headers/X-Request-Id (in the baseline)");
        }

        @Test
        @DisplayName("component schema renamed (the library sees no change; the generated model class is renamed)")
        void componentSchemaRenamed() {
            GateResult result = gate(tree -> {
                ObjectNode schemas = object(tree, "/components/schemas");
                schemas.set("ResetRequest", schemas.remove("ResetConsumeOffsetReq"));
                object(tree, "/components/requestBodies/ResetConsumeOffset/content/application~1json/schema")
                        .put("$ref", "#/components/schemas/ResetRequest");
            });

            assertFailsWith(
                    result,
                    "component schema `ResetConsumeOffsetReq` removed or renamed: generated clients lose their `ResetConsumeOffsetReq` model class",
                    REQUEST + " (in the baseline)");
            assertThat(result.compatible())
                    .extracting(ContractChange::summary)
                    .contains("new component schema `ResetRequest`");
        }

        @Test
        @DisplayName("operationId changed (a library check we turn on: generated clients rename the method)")
        void operationIdChanged() {
            GateResult result = gate(tree -> object(tree, OPERATION).put("operationId", "resetOffset"));

            assertFailsWith(
                    result,
                    "operationId changed from `resetConsumeOffset` to `resetOffset`",
                    OPERATION + "/operationId");
        }
    }

    @Nested
    @DisplayName("a compatible change passes the gate and is listed")
    class Compatible {

        @Test
        @DisplayName("request bounds that state what the pattern and the format implied: the timestamp's"
                + " maxLength 19, minLength 1 and int64 maximum")
        void impliedRequestBoundsStated() {
            // GIVEN the string timestamp bounded to the lengths its pattern allows, the integer one to int64
            GateResult result = gate(tree -> {
                object(tree, TIMESTAMP + "/oneOf/1").put("maxLength", 19).put("minLength", 1);
                object(tree, TIMESTAMP + "/oneOf/0").put("maximum", Long.MAX_VALUE);
            });

            // THEN nothing breaks, and each change says why
            assertPassesWith(
                    result,
                    "field `timestamp` in the request body: maxLength changed from none to `19`; the pattern"
                            + " `^(-1|[0-9]{1,19})$` already allowed 1 to 19 characters only, so no value is refused",
                    TIMESTAMP + "/oneOf/1/maxLength");
            assertPassesWith(
                    result,
                    "field `timestamp` in the request body: minLength changed from none to `1`",
                    TIMESTAMP + "/oneOf/1/minLength");
            assertPassesWith(
                    result,
                    "field `timestamp` in the request body: allowed range changed from `>= -1` to `>= -1 and <="
                            + " 9223372036854775807`; the format int64 already bounded it, so no value is refused",
                    TIMESTAMP + "/oneOf/0");
        }

        @Test
        @DisplayName("new optional request field")
        void newOptionalRequestField() {
            GateResult result = gate(tree ->
                    object(tree, REQUEST + "/properties").putObject("dry_run").put("type", "boolean"));

            assertPassesWith(
                    result, "new optional field `dry_run` in the request body", REQUEST + "/properties/dry_run");
        }

        @Test
        @DisplayName("new response field")
        void newResponseField() {
            GateResult result = gate(tree ->
                    object(tree, QUEUE + "/properties").putObject("store_time").put("type", "integer"));

            assertPassesWith(
                    result, "new field `queues[].store_time` in the 200 response", QUEUE + "/properties/store_time");
        }

        @Test
        @DisplayName("new operation")
        void newOperation() {
            GateResult result = gate(tree -> object(tree, "/paths")
                    .putObject("/v2/{project_id}/instances/{instance_id}/groups")
                    .putObject("get")
                    .put("operationId", "listGroups")
                    .putObject("responses")
                    .putObject("200")
                    .put("description", "The groups."));

            assertPassesWith(
                    result,
                    "new operation listGroups (GET /v2/{project_id}/instances/{instance_id}/groups)",
                    "/paths/~1v2~1{project_id}~1instances~1{instance_id}~1groups/get");
        }

        @Test
        @DisplayName("new example")
        void newExample() {
            GateResult result = gate(tree -> object(
                            tree, "/components/requestBodies/ResetConsumeOffset/content/application~1json/examples")
                    .putObject("earliest")
                    .putObject("value")
                    .put("topic", "topic_01")
                    .put("timestamp", 0));

            assertPassesWith(
                    result,
                    "the request body: examples changed",
                    "/components/requestBodies/ResetConsumeOffset/content/application~1json/examples");
        }

        @Test
        @DisplayName("description edits, of a schema and of an operation")
        void descriptionEdits() {
            GateResult result = gate(tree -> {
                object(tree, REQUEST).put("description", "What to reset, and to which time.");
                object(tree, OPERATION).put("description", "Resets the offsets.");
            });

            assertPassesWith(result, "the request body: description edited", REQUEST);
            assertPassesWith(result, "description of resetConsumeOffset edited", OPERATION + "/description");
        }

        @Test
        @DisplayName("security alternatives reordered (the library alone rates this incompatible)")
        void securityAlternativesReordered() {
            GateResult result = gate(tree -> {
                ArrayNode security = (ArrayNode) tree.at("/security");
                security.add(security.remove(0));
            });

            assertThat(result.breaking()).isEmpty();
            assertThat(result.passes()).isTrue();
        }

        @Test
        @DisplayName("inline oneOf alternatives reordered: the string form of timestamp first")
        void inlineAlternativesReordered() {
            GateResult result = gate(tree -> {
                ArrayNode alternatives = (ArrayNode) tree.at(TIMESTAMP + "/oneOf");
                alternatives.add(alternatives.remove(0));
            });

            assertThat(result.breaking()).isEmpty();
            assertThat(result.passes()).isTrue();
        }

        @Test
        @DisplayName("new optional parameter and new response status")
        void newOptionalParameterAndStatus() {
            GateResult result = gate(tree -> {
                ((ArrayNode) tree.at(OPERATION + "/parameters"))
                        .addObject()
                        .put("name", "dry_run")
                        .put("in", "query")
                        .putObject("schema")
                        .put("type", "boolean");
                object(tree, OPERATION + "/responses").putObject("409").put("description", "A reset is running.");
            });

            assertPassesWith(result, "new optional parameter `dry_run` (in query)", OPERATION + "/parameters/4");
            assertPassesWith(result, "new response status 409", OPERATION + "/responses/409");
        }
    }

    @Nested
    @DisplayName("versions")
    class Versions {

        @Test
        @DisplayName("the unchanged document passes with no change")
        void unchangedPasses() {
            GateResult result = gate(tree -> {});

            assertThat(result.passes()).isTrue();
            assertThat(result.changes()).isEmpty();
            assertThat(result.failureMessage()).isEmpty();
        }

        @Test
        @DisplayName("a raised major version lets a breaking change pass, still listed as breaking")
        void majorRaisedAcceptsBreak() {
            GateResult result = gate(tree -> {
                object(tree, QUEUE + "/properties/queue_id")
                        .put("type", "string")
                        .remove("format");
                object(tree, "/info").put("version", "2.0.0");
            });

            assertThat(result.passes()).isTrue();
            assertThat(result.majorRaised()).isTrue();
            assertThat(result.breaking())
                    .singleElement()
                    .extracting(ContractChange::summary)
                    .asString()
                    .contains("queue_id");
        }

        @Test
        @DisplayName("a raised minor version does not excuse a breaking change")
        void minorRaisedDoesNotAcceptBreak() {
            GateResult result = gate(tree -> {
                object(tree, QUEUE + "/properties").remove("timestamp_offset");
                object(tree, "/info").put("version", "1.1.0");
            });

            assertThat(result.passes()).isFalse();
            assertThat(result.failureMessage()).contains("raise the major version: info.version 2.0.0");
        }

        @Test
        @DisplayName("a version below the baseline's fails, even with no other change")
        void lowerVersionFails() {
            GateResult result = gate(tree -> object(tree, "/info").put("version", "0.9.0"));

            assertThat(result.passes()).isFalse();
            assertThat(result.failureMessage())
                    .contains("info.version 0.9.0 of mutated.yaml is lower than the baseline's 1.0.0");
        }

        @Test
        @DisplayName("a version that is not MAJOR.MINOR.PATCH fails")
        void nonSemanticVersionFails() {
            GateResult result = gate(tree -> object(tree, "/info").put("version", "v1"));

            assertThat(result.passes()).isFalse();
            assertThat(result.failureMessage()).contains("'v1' is not a semantic version");
        }
    }

    @Nested
    @DisplayName("documents that cannot be compared are reported as not compared, not as breaking")
    class NotCompared {

        @Test
        @DisplayName("components that is not an object, beside an inline oneOf")
        void malformedComponents() {
            // GIVEN the baseline with its components replaced by a number and an inline oneOf elsewhere
            // WHEN it is compared
            GateResult result = gate(tree -> {
                tree.put("components", 5);
                ArrayNode oneOf = tree.putObject("x-value").putObject("schema").putArray("oneOf");
                oneOf.addObject().put("type", "string");
                oneOf.addObject().put("type", "integer");
            });

            // THEN no exception: the result is "not compared", says why, and lists no change
            assertThat(result.compared()).isFalse();
            assertThat(result.passes()).isFalse();
            assertThat(result.changes()).isEmpty();
            assertThat(result.notCompared())
                    .containsExactly("mutated.yaml cannot be read as OpenAPI: /components is number, not an object");
            assertThat(DiffReport.markdown(result))
                    .contains("**Verdict: not compared: the gate cannot run (see Not compared)**")
                    .contains("## Not compared\n\n- mutated.yaml cannot be read as OpenAPI:");
        }

        @Test
        @DisplayName("components that is not an object, where the parser or openapi-diff trips on it")
        void componentsTheLibrariesTripOn() {
            // GIVEN the baseline with its components (and with them every schema) replaced by a number
            // WHEN it is compared
            GateResult result = gate(tree -> tree.put("components", 5));

            // THEN no exception escapes: whichever library fails, the result is "not compared", with a reason
            assertThat(result.compared()).isFalse();
            assertThat(result.passes()).isFalse();
            assertThat(result.whyNotCompared()).isNotBlank().doesNotContain("\n");
        }
    }

    /** The baseline, mutated, compared with the baseline. */
    static GateResult gate(Consumer<ObjectNode> mutation) {
        ObjectNode tree = (ObjectNode) BASELINE.tree().deepCopy();
        mutation.accept(tree);
        return CompatibilityGate.compare(BASELINE, document("mutated.yaml", tree));
    }

    static ContractDocument document(String name, JsonNode tree) {
        return ContractDocument.parse(name, JsonMapper.shared().writeValueAsBytes(tree));
    }

    static ObjectNode object(JsonNode tree, String pointer) {
        return (ObjectNode) tree.at(pointer);
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    private static void assertFailsWith(GateResult result, String summary, String where) {
        assertThat(result.passes()).as("the gate passes").isFalse();
        assertThat(result.breaking()).as("breaking changes").anySatisfy(change -> {
            assertThat(change.summary()).contains(summary);
            assertThat(change.where()).isEqualTo(where);
        });
        assertThat(result.failureMessage()).contains(summary).contains("at " + where);
    }

    private static void assertPassesWith(GateResult result, String summary, String where) {
        assertThat(result.breaking()).as("breaking changes").isEmpty();
        assertThat(result.passes()).isTrue();
        assertThat(result.changes()).as("listed changes").anySatisfy(change -> {
            assertThat(change.severity()).isEqualTo(Severity.COMPATIBLE);
            assertThat(change.summary()).contains(summary);
            assertThat(change.where()).isEqualTo(where);
        });
    }
}
