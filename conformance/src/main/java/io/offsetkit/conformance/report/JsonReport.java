package io.offsetkit.conformance.report;

import io.offsetkit.conformance.coverage.CoverageItem;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.run.KitReport;
import io.offsetkit.conformance.run.NotRun;
import io.offsetkit.conformance.run.Outcome;
import io.offsetkit.conformance.run.RuleResult;
import io.offsetkit.conformance.run.RunInfo;
import io.offsetkit.conformance.run.Verdict;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report as JSON, for machines: {@code {"contract", "kit", "target", "started", "finished",
 * "seed", "selection", "baseline", "summary" (with "result", the result line, and "mustNotRun", how
 * many MUST rules did not run, with "mustNotRunCauses"), "results": [{"id", "level", "family", "statement",
 * "source", "verdict", "outcome", "baselineReason", "reason", "message", "exchanges": [...]}],
 * "coverage": [{"dimension", "item", "exercised", "detail"}]}}. {@code verdict} is the rule's own
 * (PASSED, FAILED, SKIPPED, ERROR: the kit failed, no verdict on the target); {@code outcome} is what
 * it means against the baseline (PASSED, FAILED, KNOWN_FAILURE, FIXED, SKIPPED, ERROR).
 */
public final class JsonReport {

    private JsonReport() {}

    public static String render(KitReport report) {
        JsonMapper json = JsonMapper.shared();
        ObjectNode root = json.createObjectNode();
        RunInfo info = report.info();
        ObjectNode contract = root.putObject("contract");
        contract.put("title", info.specTitle());
        contract.put("version", info.specVersion());
        contract.put("sha256", info.specSha256());
        root.putObject("kit").put("version", info.kitVersion());
        root.put("target", info.target());
        root.put("fixture", info.fixture());
        root.put("credentials", info.credentials());
        root.put("started", info.started().toString());
        root.put("finished", info.finished().toString());
        root.put("seed", info.seed());
        root.put("selection", info.selection());
        ObjectNode baseline = root.putObject("baseline");
        baseline.put("source", report.baseline().source());
        ObjectNode known = baseline.putObject("rules");
        report.baseline().reasons().forEach((rule, reason) -> known.put(rule.id(), reason));
        ObjectNode summary = root.putObject("summary");
        summary.put("passed", report.count(Verdict.PASSED));
        summary.put("failed", report.count(Verdict.FAILED));
        summary.put("skipped", report.count(Verdict.SKIPPED));
        summary.put("errors", report.count(Verdict.ERROR));
        summary.put("newFailures", report.withOutcome(Outcome.FAILED).size());
        summary.put("knownFailures", report.withOutcome(Outcome.KNOWN_FAILURE).size());
        summary.put("fixed", report.withOutcome(Outcome.FIXED).size());
        summary.put("mustRulesPass", report.mustRulesPass());
        summary.put("passes", report.passes());
        summary.put("mustNotRun", report.mustNotRun().size());
        summary.put("mustNotRunCauses", NotRun.causes(report.mustNotRun()));
        summary.put("failOnSkippedMust", report.skippedMustFails());
        summary.put("result", report.resultLine());
        ArrayNode results = root.putArray("results");
        for (RuleResult result : report.results()) {
            ObjectNode node = results.addObject();
            node.put("id", result.rule().id());
            node.put("level", result.rule().level().name());
            node.put("family", result.rule().family().title());
            node.put("statement", result.rule().statement());
            node.put("source", result.rule().source().toString());
            node.put("verdict", result.verdict().name());
            node.put("outcome", report.outcome(result).name());
            report.baseline().reason(result.rule()).ifPresent(reason -> node.put("baselineReason", reason));
            node.put("reason", result.reason());
            node.put("message", result.message());
            node.put("elapsedMillis", result.elapsed().toMillis());
            ArrayNode exchanges = node.putArray("exchanges");
            for (Exchange exchange : result.exchanges()) {
                ObjectNode item = exchanges.addObject();
                item.put("method", exchange.method());
                item.put("uri", exchange.uri().toString());
                item.put("requestBody", exchange.requestText());
                item.put("status", exchange.status());
                item.put("responseBody", exchange.responseText());
                exchange.header("X-Request-Id").ifPresent(id -> item.put("requestId", id));
            }
        }
        ArrayNode coverage = root.putArray("coverage");
        for (CoverageItem item : report.coverage().items()) {
            ObjectNode node = coverage.addObject();
            node.put("dimension", item.dimension());
            node.put("item", item.name());
            node.put("exercised", item.exercised());
            node.put("detail", item.detail());
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
