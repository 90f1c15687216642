package io.offsetkit.conformance.check;

import io.offsetkit.conformance.http.Operation;
import io.offsetkit.conformance.http.Operations;
import io.offsetkit.conformance.http.RawRequest;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.rules.Rule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * The negative-input rules: each documented error, provoked on purpose. Unknown names are fresh
 * random ones, so that they cannot exist on the target; every request is one the target must
 * refuse without changing anything.
 */
final class NegativeChecks {

    static final String BAD_PARAMETER = "DMS.00400800";
    static final String BAD_PARAMETER_ALSO = "DMS.00400062";
    static final String BAD_TIMESTAMP = "DMS.00400142";
    /** The codes documented for a body of the wrong shape. */
    static final Set<String> BAD_BODY_CODES = Set.of(BAD_PARAMETER, BAD_PARAMETER_ALSO, BAD_TIMESTAMP);

    private NegativeChecks() {}

    static void unknownEngine(KitContext context) {
        Target target = context.target();
        Refusals.check(
                context,
                Rule.NEGATIVE_UNKNOWN_ENGINE,
                List.of(
                        refusal(
                                "engine 'kafka'",
                                context.resetRequest(target, "kafka", documented(context)),
                                Set.of(400, 404),
                                Set.of(BAD_PARAMETER, BAD_PARAMETER_ALSO, "DMS.00404001")),
                        // the contract's enum spells engines in lower case: another spelling is another engine
                        refusal(
                                "engine 'RocketMQ' (not the contract's spelling)",
                                context.resetRequest(target, "RocketMQ", documented(context)),
                                Set.of(400, 404),
                                Set.of(BAD_PARAMETER, BAD_PARAMETER_ALSO, "DMS.00404001"))));
    }

    static void unknownInstance(KitContext context) {
        Target target = context.target();
        Target unknown =
                target.with(context.random().uuid("unknown-instance").toString(), target.group(), target.topic());
        Refusals.check(
                context,
                Rule.NEGATIVE_UNKNOWN_INSTANCE,
                List.of(refusal(
                        "instance " + unknown.instanceId(),
                        context.resetRequest(unknown, unknown.engine(), documented(context)),
                        Set.of(404),
                        Set.of("DMS.00404022"))));
    }

    static void unknownGroup(KitContext context) {
        Target target = context.target();
        Target unknown = target.with(
                target.instanceId(),
                "offsetkit_ck_no_such_group_" + context.random().hex("unknown-group", 4),
                target.topic());
        Refusals.check(
                context,
                Rule.NEGATIVE_UNKNOWN_GROUP,
                List.of(refusal(
                        "group " + unknown.group(),
                        context.resetRequest(unknown, unknown.engine(), documented(context)),
                        Set.of(404),
                        Set.of("DMS.10240405"))));
    }

    /**
     * A group the fixture made with no consumer online, reset on the target's topic: the service's
     * precondition refuses it, whatever the topic holds.
     */
    static void groupOffline(KitContext context) {
        Target target = context.target();
        String group = "offsetkit_ck_offline_" + context.random().hex("offline-group", 4);
        context.fixture().orElseThrow().createOfflineGroup(group);
        Target offline = target.with(target.instanceId(), group, target.topic());
        Refusals.check(
                context,
                Rule.NEGATIVE_GROUP_OFFLINE,
                List.of(refusal(
                        "group " + group + ", its consumers offline",
                        context.resetRequest(offline, offline.engine(), documented(context)),
                        Set.of(400),
                        Set.of("DMS.50050004"))));
    }

    /**
     * The documented reset, on the target's topic, of a group the fixture made (with a consumer
     * online), once the fixture made the target's next reset of that group fail: the service answers a
     * failure it cannot complete with its documented internal error, which an app's retry and error
     * handling reads. A group of its own, not the target's: a target that refuses the reset for another
     * reason leaves the induced failure pending, and it must not fall on another rule's reset.
     */
    static void internalError(KitContext context) {
        Target target = context.target();
        String group = "offsetkit_ck_failing_" + context.random().hex("failing-group", 4);
        context.fixture().orElseThrow().createGroup(group);
        context.fixture().orElseThrow().induceInternalError(group, target.topic());
        Target failing = target.with(target.instanceId(), group, target.topic());
        Refusals.check(
                context,
                Rule.NEGATIVE_INTERNAL_ERROR,
                List.of(refusal(
                        "group " + group + " on topic " + target.topic() + ", its reset made to fail",
                        context.resetRequest(failing, failing.engine(), documented(context)),
                        Set.of(500),
                        Set.of("DMS.00500000"))));
    }

    static void unknownTopic(KitContext context) {
        Target target = context.target();
        String topic = "offsetkit_ck_no_such_topic_" + context.random().hex("unknown-topic", 4);
        Refusals.check(
                context,
                Rule.NEGATIVE_UNKNOWN_TOPIC,
                List.of(refusal(
                        "topic " + topic,
                        context.resetRequest(
                                KitContext.resetBody(topic, context.facts().timestamp())),
                        Set.of(400),
                        Set.of("DMS.00400876"))));
    }

    static void emptyBody(KitContext context) {
        Refusals.check(
                context,
                Rule.NEGATIVE_EMPTY_BODY,
                List.of(refusal("empty body", context.resetRequest(""), Set.of(400), Set.of("DMS.00400004"))));
    }

    static void malformedBody(KitContext context) {
        String topic = context.target().topic();
        Refusals.check(
                context,
                Rule.NEGATIVE_MALFORMED_BODY,
                List.of(
                        refusal(
                                "JSON cut short",
                                context.resetRequest("{\"topic\":\"" + topic + "\",\"timestamp\":"),
                                Set.of(400),
                                Set.of("DMS.00400005")),
                        refusal(
                                "form-encoded text",
                                context.resetRequest("topic=" + topic + "&timestamp=1662652800000"),
                                Set.of(400),
                                Set.of("DMS.00400005"))));
    }

    static void wrongTypes(KitContext context) {
        String topic = quoted(context.target().topic());
        long time = context.facts().timestamp();
        List<RefusalCase> cases = new ArrayList<>();
        cases.add(badBody(context, "body is a JSON array", "[{\"topic\":" + topic + ",\"timestamp\":" + time + "}]"));
        cases.add(badBody(context, "topic is a number", "{\"topic\":1,\"timestamp\":" + time + "}"));
        cases.add(badBody(context, "timestamp is a boolean", "{\"topic\":" + topic + ",\"timestamp\":true}"));
        cases.add(badBody(
                context, "timestamp is an object", "{\"topic\":" + topic + ",\"timestamp\":{\"ms\":" + time + "}}"));
        Refusals.check(context, Rule.NEGATIVE_WRONG_TYPES, cases);
    }

    static void missingField(KitContext context) {
        String topic = quoted(context.target().topic());
        long time = context.facts().timestamp();
        Refusals.check(
                context,
                Rule.NEGATIVE_MISSING_FIELD,
                List.of(
                        badBody(context, "no topic", "{\"timestamp\":" + time + "}"),
                        badBody(context, "no timestamp", "{\"topic\":" + topic + "}")));
    }

    static void badTimestamp(KitContext context) {
        String topic = quoted(context.target().topic());
        List<RefusalCase> cases = new ArrayList<>();
        for (String timestamp : List.of(
                "\"abc\"",
                "1.5",
                "-2",
                "\"\"",
                "\"1662652800000x\"",
                "\"-2\"",
                "92233720368547758070",
                // outside the string branch's pattern, though a lenient number parser reads them
                "\"+1662652800000\"",
                "\" 1662652800000\"")) {
            cases.add(badBody(
                    context, "timestamp " + timestamp, "{\"topic\":" + topic + ",\"timestamp\":" + timestamp + "}"));
        }
        Refusals.check(context, Rule.NEGATIVE_BAD_TIMESTAMP, cases);
    }

    static void wrongMethod(KitContext context) {
        Refusals.check(context, Rule.NEGATIVE_WRONG_METHOD, wrongMethods(context, Operations.RESET, 2));
    }

    /**
     * Requests with methods the contract gives no operation on an operation's route (the first
     * {@code howMany} of them), each to be refused 405 with the documented code.
     */
    static List<RefusalCase> wrongMethods(KitContext context, String operationId, int howMany) {
        Operation operation = context.operation(operationId);
        List<RefusalCase> cases = new ArrayList<>();
        for (String method : context.facts().operations().wrongMethods(operation).stream()
                .limit(howMany)
                .toList()) {
            cases.add(refusal(
                    method + " on " + operation.route(),
                    context.request(operationId).withMethod(method),
                    Set.of(405),
                    Set.of("DMS.00405001")));
        }
        return cases;
    }

    static void unknownRoute(KitContext context) {
        Refusals.check(
                context,
                Rule.NEGATIVE_UNKNOWN_ROUTE,
                List.of(
                        refusal(
                                "POST .../reset-message-offsets (plural)",
                                context.resetRequest(documented(context))
                                        .withPath(context.request(Operations.RESET)
                                                        .path()
                                                + "s"),
                                Set.of(404),
                                Set.of("DMS.00404001")),
                        refusal(
                                "GET /v2/offsetkit-conformance/no-such-route",
                                RawRequest.of("GET", "/v2/offsetkit-conformance/no-such-route"),
                                Set.of(404),
                                Set.of("DMS.00404001"))));
    }

    private static RefusalCase badBody(KitContext context, String name, String body) {
        return refusal(name, context.resetRequest(body), Set.of(400), BAD_BODY_CODES);
    }

    private static RefusalCase refusal(String name, RawRequest request, Set<Integer> statuses, Set<String> codes) {
        return new RefusalCase(name, request, true, statuses, codes);
    }

    private static String documented(KitContext context) {
        return context.facts().numericRequest(context.target().topic());
    }

    private static String quoted(String text) {
        return new String(JsonMapper.shared().writeValueAsBytes(text), StandardCharsets.UTF_8);
    }
}
