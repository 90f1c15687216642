package io.offsetkit.conformance.check;

import io.offsetkit.conformance.http.RawRequest;
import io.offsetkit.conformance.http.Target;
import io.offsetkit.conformance.rules.Rule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
                List.of(refusal(
                        "engine 'kafka'",
                        RawRequest.postJson(target.resetPath("kafka"), documented(context)),
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
                        RawRequest.postJson(unknown.resetPath(), documented(context)),
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
                        RawRequest.postJson(unknown.resetPath(), documented(context)),
                        Set.of(404),
                        Set.of("DMS.10240405"))));
    }

    static void unknownTopic(KitContext context) {
        Target target = context.target();
        String topic = "offsetkit_ck_no_such_topic_" + context.random().hex("unknown-topic", 4);
        Refusals.check(
                context,
                Rule.NEGATIVE_UNKNOWN_TOPIC,
                List.of(refusal(
                        "topic " + topic,
                        RawRequest.postJson(
                                target.resetPath(),
                                KitContext.resetBody(topic, context.facts().timestamp())),
                        Set.of(400),
                        Set.of("DMS.00400876"))));
    }

    static void emptyBody(KitContext context) {
        Refusals.check(
                context,
                Rule.NEGATIVE_EMPTY_BODY,
                List.of(refusal(
                        "empty body",
                        new RawRequest(
                                "POST",
                                context.target().resetPath(),
                                Map.of("Content-Type", "application/json"),
                                new byte[0]),
                        Set.of(400),
                        Set.of("DMS.00400004"))));
    }

    static void malformedBody(KitContext context) {
        String topic = context.target().topic();
        Refusals.check(
                context,
                Rule.NEGATIVE_MALFORMED_BODY,
                List.of(
                        refusal(
                                "JSON cut short",
                                RawRequest.postJson(
                                        context.target().resetPath(), "{\"topic\":\"" + topic + "\",\"timestamp\":"),
                                Set.of(400),
                                Set.of("DMS.00400005")),
                        refusal(
                                "form-encoded text",
                                RawRequest.postJson(
                                        context.target().resetPath(), "topic=" + topic + "&timestamp=1662652800000"),
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
        for (String timestamp :
                List.of("\"abc\"", "1.5", "-2", "\"\"", "\"1662652800000x\"", "\"-2\"", "92233720368547758070")) {
            cases.add(badBody(
                    context, "timestamp " + timestamp, "{\"topic\":" + topic + ",\"timestamp\":" + timestamp + "}"));
        }
        Refusals.check(context, Rule.NEGATIVE_BAD_TIMESTAMP, cases);
    }

    static void wrongMethod(KitContext context) {
        List<RefusalCase> cases = new ArrayList<>();
        for (String method : List.of("GET", "DELETE")) {
            cases.add(refusal(
                    method + " on the route",
                    RawRequest.of(method, context.target().resetPath()),
                    Set.of(405),
                    Set.of("DMS.00405001")));
        }
        Refusals.check(context, Rule.NEGATIVE_WRONG_METHOD, cases);
    }

    static void unknownRoute(KitContext context) {
        Refusals.check(
                context,
                Rule.NEGATIVE_UNKNOWN_ROUTE,
                List.of(
                        refusal(
                                "POST .../reset-message-offsets (plural)",
                                RawRequest.postJson(context.target().resetPath() + "s", documented(context)),
                                Set.of(404),
                                Set.of("DMS.00404001")),
                        refusal(
                                "GET /v2/offsetkit-conformance/no-such-route",
                                RawRequest.of("GET", "/v2/offsetkit-conformance/no-such-route"),
                                Set.of(404),
                                Set.of("DMS.00404001"))));
    }

    private static RefusalCase badBody(KitContext context, String name, String body) {
        return refusal(name, RawRequest.postJson(context.target().resetPath(), body), Set.of(400), BAD_BODY_CODES);
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
