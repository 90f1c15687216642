package io.offsetkit.conformance.check;

import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.rules.Rule;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The rule on what an error body says to a person: every error response the run received, and the
 * paging refusals it sends itself, whose message must name the refused parameter.
 */
final class ErrorMessageChecks {

    /** Messages that say nothing a person can act on: HTTP's own reason phrases and placeholders. */
    private static final Set<String> EMPTY_WORDS = Set.of(
            "error",
            "failed",
            "failure",
            "null",
            "undefined",
            "bad request",
            "not found",
            "unauthorized",
            "forbidden",
            "method not allowed",
            "internal server error",
            "invalid",
            "invalid parameter",
            "invalid request");

    private ErrorMessageChecks() {}

    static void errorMessages(KitContext context) {
        Findings findings = new Findings(Rule.RESPONSE_ERROR_MESSAGE);
        List<ReadChecks.PagingCase> paging = ReadChecks.pagingCases();
        List<Exchange> refusals = ReadChecks.pagingRefusals(context);
        for (int i = 0; i < paging.size(); i++) {
            Exchange refusal = refusals.get(i);
            String parameter = paging.get(i).parameter();
            message(refusal).ifPresent(text -> {
                if (!text.toLowerCase(Locale.ROOT).contains(parameter)) {
                    findings.add(
                            refusal.requestLine() + " was refused with error_msg \"" + text + "\", which does not"
                                    + " name the parameter " + parameter,
                            refusal);
                }
            });
        }
        int judged = 0;
        for (Exchange exchange : context.http().recorded()) {
            if (!exchange.answered() || exchange.status() < 400) {
                continue;
            }
            Optional<JsonNode> body = Answers.json(exchange);
            if (body.isEmpty() || !body.get().path("error_code").isString()) {
                continue; // not an error body at all: the refusal rules report it
            }
            judged++;
            String code = body.get().path("error_code").asString();
            String text = body.get().path("error_msg").isString()
                    ? body.get().path("error_msg").asString().trim()
                    : "";
            String plain = text.toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "");
            if (text.isEmpty() || text.equalsIgnoreCase(code) || EMPTY_WORDS.contains(plain)) {
                findings.add(
                        exchange.requestLine() + " was answered " + exchange.status() + " " + code + " with error_msg "
                                + body.get().path("error_msg") + ", which tells a person nothing",
                        exchange);
            }
        }
        if (judged == 0) {
            findings.add("no error body was received, so no message could be judged", null);
        }
        findings.throwIfAny("every error_msg a sentence a person can act on (not blank, not the code, not a bare HTTP"
                + " reason phrase), and each refused paging parameter named in its message");
    }

    private static Optional<String> message(Exchange exchange) {
        return Answers.json(exchange)
                .filter(body -> body.path("error_msg").isString())
                .map(body -> body.path("error_msg").asString());
    }
}
