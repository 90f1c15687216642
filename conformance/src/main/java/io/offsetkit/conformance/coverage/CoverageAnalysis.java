package io.offsetkit.conformance.coverage;

import static io.offsetkit.conformance.rules.Rule.*;

import io.offsetkit.api.OpenApiDocument;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.http.Operation;
import io.offsetkit.conformance.http.Operations;
import io.offsetkit.conformance.rules.Rule;
import io.offsetkit.conformance.run.RuleResult;
import io.offsetkit.conformance.run.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Works out a run's {@link Coverage} from what it actually sent and received: the items come from
 * the contract (its routes, the engine's values, the documented statuses and error codes, the
 * timestamp's forms, the security schemes) and from the official clients (the wire forms); each is
 * exercised when a recorded exchange shows it. An item nothing exercised says why: the rules that
 * provoke it were skipped (with their reasons) or ran and the target answered otherwise, or no rule
 * can provoke it (and why not).
 */
public final class CoverageAnalysis {

    static final String ROUTES = "Routes";
    static final String ENGINES = "Engines";
    static final String STATUSES = "Status codes";
    static final String ERROR_CODES = "Error codes";
    static final String TIMESTAMP_FORMS = "Timestamp forms";
    static final String AUTH_SCHEMES = "Authentication schemes";
    static final String WIRE_FORMS = "Wire forms";

    /** The rules that provoke each documented error code; codes missing here have no rule. */
    private static final Map<String, Set<Rule>> CODE_RULES = Map.ofEntries(
            Map.entry("DMS.00400004", Set.of(NEGATIVE_EMPTY_BODY)),
            Map.entry("DMS.00400005", Set.of(NEGATIVE_MALFORMED_BODY)),
            Map.entry(
                    "DMS.00400800",
                    Set.of(
                            NEGATIVE_UNKNOWN_ENGINE,
                            NEGATIVE_WRONG_TYPES,
                            NEGATIVE_MISSING_FIELD,
                            NEGATIVE_READ_PAGING)),
            Map.entry("DMS.10240042", Set.of(NEGATIVE_READ_PAGING)),
            Map.entry("DMS.10240043", Set.of(NEGATIVE_READ_PAGING)),
            Map.entry("DMS.00400142", Set.of(NEGATIVE_BAD_TIMESTAMP)),
            Map.entry("DMS.00400876", Set.of(NEGATIVE_UNKNOWN_TOPIC, EDGE_NAMES, NEGATIVE_READ_UNKNOWN)),
            Map.entry("DMS.50050004", Set.of(NEGATIVE_GROUP_OFFLINE)),
            Map.entry("DMS.00500000", Set.of(NEGATIVE_INTERNAL_ERROR)),
            Map.entry("DMS.10240101", Set.of(AUTH_WRONG_TOKEN, AUTH_BAD_SIGNATURE, AUTH_STALE_DATE)),
            Map.entry("DMS.10240102", Set.of(AUTH_EXPIRED_TOKEN)),
            Map.entry("DMS.10240103", Set.of(AUTH_NO_CREDENTIALS, AUTH_READS)),
            Map.entry("DMS.10240104", Set.of(AUTH_OTHER_PROJECT_TOKEN)),
            Map.entry("DMS.00403007", Set.of(AUTH_READ_ONLY)),
            Map.entry("DMS.00404001", Set.of(NEGATIVE_UNKNOWN_ROUTE, RESPONSE_REQUEST_ID)),
            Map.entry("DMS.00404022", Set.of(NEGATIVE_UNKNOWN_INSTANCE, EDGE_NAMES, NEGATIVE_READ_UNKNOWN)),
            Map.entry("DMS.10240405", Set.of(NEGATIVE_UNKNOWN_GROUP, EDGE_NAMES, NEGATIVE_READ_UNKNOWN)),
            Map.entry("DMS.00405001", Set.of(NEGATIVE_WRONG_METHOD, NEGATIVE_READ_WRONG_METHOD)));

    /** Why no rule provokes the documented codes that have none: every documented code has one now. */
    private static final Map<String, String> CODE_WHY_NOT = Map.of();

    private static final Map<String, Set<Rule>> STATUS_RULES = Map.of(
            "200", Set.of(EXAMPLE_NUMERIC),
            "400", Set.of(NEGATIVE_EMPTY_BODY, NEGATIVE_MALFORMED_BODY, NEGATIVE_BAD_TIMESTAMP),
            "401",
                    Set.of(
                            AUTH_NO_CREDENTIALS,
                            AUTH_WRONG_TOKEN,
                            AUTH_BAD_SIGNATURE,
                            AUTH_STALE_DATE,
                            AUTH_READS,
                            AUTH_EXPIRED_TOKEN,
                            AUTH_OTHER_PROJECT_TOKEN),
            "403", Set.of(AUTH_READ_ONLY),
            "404", Set.of(NEGATIVE_UNKNOWN_ROUTE, NEGATIVE_UNKNOWN_INSTANCE, NEGATIVE_UNKNOWN_GROUP),
            "405", Set.of(NEGATIVE_WRONG_METHOD),
            "500", Set.of(NEGATIVE_INTERNAL_ERROR));

    /** Why no rule provokes the documented statuses that have none: every documented status has one now. */
    private static final Map<String, String> STATUS_WHY_NOT = Map.of();

    private static final Map<String, Set<Rule>> ENGINE_RULES = Map.of(
            "rocketmq", Set.of(EXAMPLE_NUMERIC, DOMAIN_ENGINE_ALIAS),
            "reliability", Set.of(DOMAIN_ENGINE_ALIAS, WIRE_JAVA_SDK));

    private static final Map<String, Set<Rule>> SCHEME_RULES =
            Map.of("iamToken", Set.of(AUTH_WRONG_TOKEN), "akskSignature", Set.of(AUTH_BAD_SIGNATURE, AUTH_STALE_DATE));

    /** One thing to look for in the exchanges. */
    private record Item(
            String dimension, String name, Predicate<Seen> exercisedBy, Set<Rule> provokedBy, String whyNoRule) {}

    /** An exchange, with what the items look for read once. */
    private record Seen(Exchange exchange, String operationId, String engine, JsonNode timestamp, String errorCode) {}

    private final OpenApiDocument contract;
    private final Operations operations;

    public CoverageAnalysis(OpenApiDocument contract) {
        this.contract = contract;
        this.operations = Operations.of(contract);
    }

    /** The coverage of a run that recorded these exchanges and got these results. */
    public Coverage of(List<Exchange> exchanges, List<RuleResult> results) {
        List<Seen> seen = exchanges.stream()
                .filter(Exchange::answered)
                .map(CoverageAnalysis::see)
                .toList();
        Map<Rule, RuleResult> byRule = new EnumMap<>(Rule.class);
        results.forEach(result -> byRule.put(result.rule(), result));
        List<CoverageItem> items = new ArrayList<>();
        for (Item item : items()) {
            List<Seen> matching = seen.stream().filter(item.exercisedBy()).toList();
            items.add(
                    matching.isEmpty()
                            ? new CoverageItem(item.dimension(), item.name(), false, whyNot(item, byRule))
                            : new CoverageItem(item.dimension(), item.name(), true, howOften(matching)));
        }
        return new Coverage(items);
    }

    private List<Item> items() {
        List<Item> items = new ArrayList<>();
        for (Operation operation : operations.all()) {
            items.add(new Item(
                    ROUTES,
                    operation.route(),
                    s -> operation.id().equals(s.operationId()),
                    rulesSending(operation.id()),
                    "no rule of the kit sends it"));
        }
        for (JsonNode engine : contract.at("/components/parameters/Engine/schema/enum")) {
            String name = engine.asString();
            items.add(new Item(
                    ENGINES,
                    name,
                    s -> name.equals(s.engine()),
                    ENGINE_RULES.getOrDefault(name, Set.of()),
                    "no rule of the kit sends it"));
        }
        for (String status : statuses()) {
            int code = Integer.parseInt(status);
            items.add(new Item(
                    STATUSES,
                    status,
                    s -> s.exchange().status() == code,
                    STATUS_RULES.getOrDefault(status, Set.of()),
                    STATUS_WHY_NOT.getOrDefault(status, "no rule provokes it")));
        }
        for (String code : errorCodes()) {
            items.add(new Item(
                    ERROR_CODES,
                    code,
                    s -> code.equals(s.errorCode()),
                    CODE_RULES.getOrDefault(code, Set.of()),
                    CODE_WHY_NOT.getOrDefault(code, "no rule provokes it")));
        }
        items.add(new Item(
                TIMESTAMP_FORMS,
                "JSON integer",
                s -> s.timestamp() != null && s.timestamp().isIntegralNumber(),
                Set.of(EXAMPLE_NUMERIC),
                ""));
        items.add(new Item(
                TIMESTAMP_FORMS,
                "JSON integer -1 (latest)",
                s -> s.timestamp() != null
                        && s.timestamp().isIntegralNumber()
                        && s.timestamp().canConvertToLong()
                        && s.timestamp().asLong() == -1,
                Set.of(DOMAIN_LATEST, EDGE_TIMESTAMP_INTEGER),
                ""));
        items.add(new Item(
                TIMESTAMP_FORMS,
                "JSON string of digits",
                s -> s.timestamp() != null && s.timestamp().isString(),
                Set.of(EXAMPLE_STRING),
                ""));
        items.add(new Item(
                TIMESTAMP_FORMS,
                "JSON string \"-1\" (latest)",
                s -> s.timestamp() != null
                        && s.timestamp().isString()
                        && s.timestamp().asString().equals("-1"),
                Set.of(EDGE_TIMESTAMP_STRING),
                ""));
        for (Map.Entry<String, JsonNode> scheme :
                contract.at("/components/securitySchemes").properties()) {
            String header = scheme.getValue().path("name").asString();
            items.add(new Item(
                    AUTH_SCHEMES,
                    scheme.getKey() + " (" + header + ")",
                    s -> s.exchange().requestHeaders().keySet().stream().anyMatch(header::equalsIgnoreCase),
                    SCHEME_RULES.getOrDefault(scheme.getKey(), Set.of()),
                    "no rule of the kit sends it"));
        }
        items.add(new Item(
                WIRE_FORMS,
                "body with Content-Length",
                s -> !s.exchange().chunked() && s.exchange().requestBody().length > 0,
                Set.of(EXAMPLE_NUMERIC),
                ""));
        items.add(new Item(
                WIRE_FORMS,
                "chunked body, no Content-Length (official Java SDK)",
                s -> s.exchange().chunked(),
                Set.of(WIRE_CHUNKED, WIRE_JAVA_SDK),
                ""));
        items.add(new Item(
                WIRE_FORMS,
                "official Java SDK headers (User-Agent, X-Project-Id signed)",
                s -> header(s.exchange(), "User-Agent").startsWith("huaweicloud-usdk-java"),
                Set.of(WIRE_JAVA_SDK),
                ""));
        items.add(new Item(
                WIRE_FORMS,
                "official Node.js SDK headers (lower-case content-type, signed)",
                s -> s.exchange().requestHeaders().containsKey("content-type"),
                Set.of(WIRE_NODE_SDK),
                ""));
        return items;
    }

    /** The rules whose requests go to an operation, by the operations each rule carries. */
    private static Set<Rule> rulesSending(String operationId) {
        return Arrays.stream(Rule.values())
                .filter(rule -> rule.operations().contains(operationId))
                .collect(Collectors.toSet());
    }

    private List<String> statuses() {
        Set<String> statuses = new LinkedHashSet<>();
        for (JsonNode path : contract.at("/paths")) {
            for (JsonNode operation : path) {
                operation.path("responses").propertyNames().forEach(statuses::add);
            }
        }
        return new ArrayList<>(statuses);
    }

    private List<String> errorCodes() {
        Set<String> codes = new LinkedHashSet<>();
        for (JsonNode response : contract.at("/components/responses")) {
            for (JsonNode example :
                    response.path("content").path("application/json").path("examples")) {
                JsonNode code = example.path("value").path("error_code");
                if (code.isString()) {
                    codes.add(code.asString());
                }
            }
        }
        return new ArrayList<>(codes);
    }

    /**
     * What an exchange shows: its operation is the one the kit built the request for (a request to a
     * wrong method or an unknown route carries the operation it provokes, or none), its engine the
     * value the request's path holds where the operation's template has {@code {engine}}.
     */
    private static Seen see(Exchange exchange) {
        Operation operation = exchange.operation();
        boolean served = operation != null && operation.method().equals(exchange.method());
        String engine =
                served ? operation.pathValuesOf(exchange.uri().getRawPath()).get("engine") : null;
        JsonNode timestamp = json(exchange.requestBody()).path("timestamp");
        return new Seen(
                exchange,
                served ? operation.id() : null,
                engine,
                timestamp.isMissingNode() ? null : timestamp,
                exchange.status() >= 400
                        ? textOrNull(json(exchange.responseBody()).path("error_code"))
                        : null);
    }

    private static String whyNot(Item item, Map<Rule, RuleResult> results) {
        if (item.provokedBy().isEmpty()) {
            return item.whyNoRule();
        }
        List<Rule> rules = item.provokedBy().stream().sorted().toList();
        Map<String, List<String>> skipped = new LinkedHashMap<>();
        List<String> notRun = new ArrayList<>();
        for (Rule rule : rules) {
            RuleResult result = results.get(rule);
            if (result == null) {
                notRun.add(rule.id());
            } else if (result.verdict() == Verdict.SKIPPED) {
                skipped.computeIfAbsent(result.reason(), reason -> new ArrayList<>())
                        .add(rule.id());
            }
        }
        List<String> why = new ArrayList<>();
        skipped.forEach((reason, ids) -> why.add(String.join(", ", ids) + " skipped: " + reason));
        if (!notRun.isEmpty()) {
            why.add(String.join(", ", notRun) + " not run");
        }
        if (why.isEmpty()) {
            return rules.stream().map(Rule::id).collect(Collectors.joining(", "))
                    + " ran; the target answered otherwise (another documented code or status)";
        }
        return String.join("; ", why);
    }

    private static String howOften(List<Seen> matching) {
        long succeeded =
                matching.stream().filter(s -> s.exchange().status() / 100 == 2).count();
        return matching.size() + (matching.size() == 1 ? " request, " : " requests, ") + succeeded + " answered 2xx";
    }

    private static String header(Exchange exchange, String name) {
        return exchange.requestHeaders().entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("");
    }

    private static JsonNode json(byte[] body) {
        if (body.length == 0) {
            return JsonMapper.shared().missingNode();
        }
        try {
            JsonNode node = JsonMapper.shared().readTree(body);
            return node == null ? JsonMapper.shared().missingNode() : node;
        } catch (JacksonException e) {
            return JsonMapper.shared().missingNode();
        }
    }

    private static String textOrNull(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }
}
