package io.offsetkit.conformance.check;

import io.offsetkit.api.SchemaViolation;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.rules.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Sends requests that must be refused and judges each refusal: an acceptable status, Content-Type
 * application/json, a body valid against the contract's {@code Error} schema, and an acceptable
 * documented {@code error_code}.
 */
final class Refusals {

    private Refusals() {}

    static void check(KitContext context, Rule rule, List<RefusalCase> cases) {
        Findings findings = new Findings(rule);
        List<Exchange> exchanges = send(context, cases);
        for (int i = 0; i < cases.size(); i++) {
            String problem = problem(context, cases.get(i), exchanges.get(i));
            if (problem != null) {
                findings.add(cases.get(i).name() + ": " + problem, exchanges.get(i));
            }
        }
        StringBuilder expected = new StringBuilder("each request refused with its documented status and an error body"
                + " {\"error_code\", \"error_msg\"} valid against #/components/schemas/Error:");
        for (RefusalCase refusal : cases) {
            expected.append("\n- ")
                    .append(refusal.name())
                    .append(": ")
                    .append(
                            refusal.statuses().size() == 1
                                    ? refusal.statuses().iterator().next()
                                    : new TreeSet<>(refusal.statuses()))
                    .append(" with error_code ")
                    .append(
                            refusal.codes().size() == 1
                                    ? refusal.codes().iterator().next()
                                    : "one of " + new TreeSet<>(refusal.codes()));
        }
        findings.throwIfAny(expected.toString());
    }

    /**
     * Sends the cases at once: they must all be refused, so on a conforming target they change
     * nothing and their order does not matter. Cases that differ in authentication go in two batches.
     */
    static List<Exchange> send(KitContext context, List<RefusalCase> cases) {
        List<Exchange> exchanges = new ArrayList<>(Collections.nCopies(cases.size(), (Exchange) null));
        for (boolean authenticated : List.of(true, false)) {
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                if (cases.get(i).authenticated() == authenticated) {
                    indexes.add(i);
                }
            }
            List<Exchange> sent = context.http()
                    .sendAll(indexes.stream().map(i -> cases.get(i).request()).toList(), authenticated);
            for (int j = 0; j < indexes.size(); j++) {
                exchanges.set(indexes.get(j), sent.get(j));
            }
        }
        return exchanges;
    }

    /** What is wrong with a refusal, or null when it is refused as the case allows. */
    static String problem(KitContext context, RefusalCase refusal, Exchange exchange) {
        if (!exchange.answered()) {
            return "no response (" + exchange.transportError() + ")";
        }
        if (!refusal.statuses().contains(exchange.status())) {
            return "answered " + exchange.status() + ", expected " + describe(refusal.statuses());
        }
        Optional<String> type = exchange.header("Content-Type");
        if (type.isEmpty() || !ResponseChecks.isJson(type.get())) {
            return "answered " + exchange.status() + " with Content-Type "
                    + type.map(t -> "'" + t + "'").orElse("missing") + ", expected application/json";
        }
        Optional<JsonNode> body = Answers.json(exchange);
        if (body.isEmpty()) {
            return "answered " + exchange.status() + " with a body that is not JSON";
        }
        List<SchemaViolation> violations = context.schemas().validateComponent("Error", body.get());
        if (!violations.isEmpty()) {
            return "answered " + exchange.status() + " with an error body not valid against the Error schema: "
                    + violations.get(0).instanceLocation() + " "
                    + violations.get(0).message();
        }
        String code = body.get().path("error_code").asString();
        if (!refusal.codes().contains(code)) {
            return "answered " + exchange.status() + " with error_code " + code + ", expected "
                    + (refusal.codes().size() == 1
                            ? refusal.codes().iterator().next()
                            : "one of " + new TreeSet<>(refusal.codes()));
        }
        return null;
    }

    private static String describe(Set<Integer> statuses) {
        return statuses.size() == 1 ? String.valueOf(statuses.iterator().next()) : "one of " + new TreeSet<>(statuses);
    }
}
