package io.offsetkit.conformance.check;

import io.offsetkit.api.SchemaViolation;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.http.RawRequest;
import io.offsetkit.conformance.rules.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The response conformance rules of the reset. They judge every 200 of a reset the kit has received
 * so far (at least the documented requests and the sweep, which they send when not yet sent), and
 * the request-id rules every response of any operation and any status.
 */
final class ResponseChecks {

    static final String RESPONSE_SCHEMA = "ResetConsumeOffsetResp";

    private static final Probe<Exchange> REQUEST_ID_ERROR = new Probe<>("request-id-error-probe");

    private ResponseChecks() {}

    static void contentType(KitContext context) {
        Findings findings = new Findings(Rule.RESPONSE_CONTENT_TYPE);
        for (Exchange exchange : successes(context, Rule.RESPONSE_CONTENT_TYPE)) {
            Optional<String> type = exchange.header("Content-Type");
            if (type.isEmpty() || !isJson(type.get())) {
                findings.add(
                        exchange.requestLine() + " was answered 200 with Content-Type "
                                + type.map(t -> "'" + t + "'").orElse("missing"),
                        exchange);
            }
        }
        findings.throwIfAny("every 200 answer with Content-Type application/json (parameters such as charset allowed)");
    }

    static void schema(KitContext context) {
        Findings findings = new Findings(Rule.RESPONSE_SCHEMA);
        for (Exchange exchange : successes(context, Rule.RESPONSE_SCHEMA)) {
            Optional<JsonNode> body = Answers.json(exchange);
            if (body.isEmpty()) {
                findings.add(exchange.requestLine() + " was answered 200 with a body that is not JSON", exchange);
                continue;
            }
            List<SchemaViolation> violations = context.schemas().validateComponent(RESPONSE_SCHEMA, body.get());
            for (SchemaViolation violation : violations) {
                findings.add(
                        exchange.requestLine() + ": " + violation.instanceLocation() + ": " + violation.message(),
                        exchange);
            }
        }
        findings.throwIfAny(
                "every 200 body valid against #/components/schemas/" + RESPONSE_SCHEMA
                        + ": {\"queues\": [{\"broker_name\": string, \"queue_id\": int32 >= 0, \"timestamp_offset\": int64 >= 0}]}");
    }

    static void strictTypes(KitContext context) {
        Findings findings = new Findings(Rule.RESPONSE_STRICT_TYPES);
        for (Exchange exchange : successes(context, Rule.RESPONSE_STRICT_TYPES)) {
            JsonNode queues = Answers.json(exchange).orElseGet(() -> null);
            if (queues == null || !queues.path("queues").isArray()) {
                continue; // no queues to judge: RESET-RESPONSE-02 reports the body
            }
            JsonNode list = queues.path("queues");
            for (int i = 0; i < list.size(); i++) {
                JsonNode queue = list.get(i);
                integer(findings, exchange, queue, i, "queue_id");
                integer(findings, exchange, queue, i, "timestamp_offset");
                JsonNode broker = queue.path("broker_name");
                if (!broker.isMissingNode() && !broker.isString()) {
                    findings.add(
                            exchange.requestLine() + ": queues[" + i + "].broker_name is " + kind(broker) + " " + broker
                                    + ", not a JSON string",
                            exchange);
                }
            }
        }
        findings.throwIfAny("queue_id and timestamp_offset written as JSON integers (no quotes, no fraction, no"
                + " exponent) and broker_name as a JSON string, in every 200 body");
    }

    static void requestId(KitContext context) {
        sendRequestIdProbes(context);
        Findings findings = new Findings(Rule.RESPONSE_REQUEST_ID);
        int answered = 0;
        for (Exchange exchange : context.http().recorded()) {
            if (!exchange.answered()) {
                continue;
            }
            answered++;
            Optional<String> id = exchange.header("X-Request-Id");
            if (id.isEmpty() || id.get().isBlank()) {
                findings.add(
                        exchange.requestLine() + " was answered " + exchange.status() + " "
                                + (id.isEmpty() ? "without X-Request-Id" : "with a blank X-Request-Id"),
                        exchange);
            }
        }
        if (answered == 0) {
            findings.add("no request was answered at all", null);
        }
        findings.throwIfAny("a non-empty X-Request-Id header on every response, 200 or error");
    }

    static void requestIdUnique(KitContext context) {
        sendRequestIdProbes(context);
        Map<String, List<Exchange>> byId = new LinkedHashMap<>();
        for (Exchange exchange : context.http().recorded()) {
            Optional<String> id = exchange.answered() ? exchange.header("X-Request-Id") : Optional.empty();
            if (id.isPresent() && !id.get().isBlank()) {
                byId.computeIfAbsent(id.get(), key -> new ArrayList<>()).add(exchange);
            }
        }
        Findings findings = new Findings(Rule.RESPONSE_REQUEST_ID_UNIQUE);
        int responses = byId.values().stream().mapToInt(List::size).sum();
        byId.forEach((id, shared) -> {
            if (shared.size() > 1) {
                findings.add(
                        "X-Request-Id " + id + " came back on " + shared.size() + " responses: "
                                + shared.get(0).requestLine() + " answered "
                                + shared.get(0).status() + ", "
                                + shared.get(1).requestLine() + " answered "
                                + shared.get(1).status()
                                + (shared.size() > 2 ? ", ..." : ""),
                        shared.get(0));
                findings.show(shared.get(1));
            }
        });
        if (responses < 2) {
            findings.add("fewer than two responses carried an X-Request-Id, so none could be told apart", null);
        }
        findings.throwIfAny("a different X-Request-Id on each of the " + responses
                + " responses that carried one (a request id identifies its request)");
    }

    /** The successful probes and one error, so that the request-id rules see both kinds of answer. */
    private static void sendRequestIdProbes(KitContext context) {
        context.sendSuccessProbes();
        context.once(
                REQUEST_ID_ERROR,
                () -> context.http()
                        .send(RawRequest.postJson(
                                "/v2/offsetkit-conformance/no-such-route",
                                KitContext.resetBody(
                                        context.target().topic(),
                                        context.facts().timestamp()))));
    }

    private static List<Exchange> successes(KitContext context, Rule rule) {
        context.sendSuccessProbes();
        // the reset's answers, on either route: the 200s of the operations whose success schema is the reset's
        List<Exchange> successes = context.http().recorded().stream()
                .filter(exchange -> exchange.answered() && exchange.status() == 200)
                .filter(exchange -> exchange.operation() != null
                        && exchange.operation().successSchema().equals(RESPONSE_SCHEMA))
                .toList();
        if (successes.isEmpty()) {
            throw Findings.fail(
                    rule,
                    "at least the documented request answered 200, to judge its answer",
                    "no request was answered 200; the documented request was answered "
                            + context.documentedNumeric().statusLine(),
                    context.documentedNumeric());
        }
        return successes;
    }

    private static void integer(Findings findings, Exchange exchange, JsonNode queue, int index, String field) {
        JsonNode value = queue.path(field);
        if (!value.isMissingNode() && !value.isIntegralNumber()) {
            findings.add(
                    exchange.requestLine() + ": queues[" + index + "]." + field + " is " + kind(value) + " " + value
                            + ", not a JSON integer",
                    exchange);
        }
    }

    static String kind(JsonNode value) {
        if (value.isString()) {
            return "the JSON string";
        }
        if (value.isNumber()) {
            return "the JSON number";
        }
        if (value.isBoolean()) {
            return "the JSON boolean";
        }
        if (value.isNull()) {
            return "JSON";
        }
        return value.isArray() ? "the JSON array" : "the JSON object";
    }

    static boolean isJson(String contentType) {
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json");
    }
}
