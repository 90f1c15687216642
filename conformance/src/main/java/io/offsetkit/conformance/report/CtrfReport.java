package io.offsetkit.conformance.report;

import io.offsetkit.conformance.run.KitReport;
import io.offsetkit.conformance.run.RuleResult;
import io.offsetkit.conformance.run.RunInfo;
import io.offsetkit.conformance.run.Verdict;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report in the Common Test Report Format (CTRF, ctrf.io), the JSON test report that CI
 * dashboards and their plug-ins read whatever tool produced it: {@code {"reportFormat": "CTRF",
 * "specVersion", "results": {"tool": {"name", "version"}, "summary": {"tests", "passed", "failed",
 * "skipped", "pending", "other", "start", "stop"}, "tests": [{"name", "status", "duration",
 * "message", "suite", "tags", "rawStatus", "extra"}], "environment", "extra"}}}.
 *
 * <p>One test per rule of the catalogue, named {@code RESET-DOMAIN-04 (MUST) <statement>}; its
 * status is the rule's own verdict ({@code passed}, {@code failed}, {@code skipped}, and {@code other}
 * for an error of the kit, which is no verdict on the target), so the summary counts the console's;
 * what a verdict means against a baseline is its {@code rawStatus} ({@code KNOWN_FAILURE}, {@code
 * FIXED}, {@code ERROR}, ...). The kit has no pending rule: that count is 0. Times are milliseconds
 * since the epoch, durations milliseconds.
 */
public final class CtrfReport {

    /** The CTRF specification version the report follows. */
    public static final String SPEC_VERSION = "1.0.0";

    /** The tool's name in every report. */
    public static final String TOOL = "offsetkit-conformance";

    private CtrfReport() {}

    public static String render(KitReport report) {
        JsonMapper json = JsonMapper.shared();
        ObjectNode root = json.createObjectNode();
        root.put("reportFormat", "CTRF");
        root.put("specVersion", SPEC_VERSION);
        RunInfo info = report.info();
        root.put("timestamp", info.finished().toString());
        root.put("generatedBy", TOOL + " " + info.kitVersion());
        ObjectNode results = root.putObject("results");
        ObjectNode tool = results.putObject("tool");
        tool.put("name", TOOL);
        tool.put("version", info.kitVersion());
        ObjectNode summary = results.putObject("summary");
        summary.put("tests", report.results().size());
        summary.put("passed", report.count(Verdict.PASSED));
        summary.put("failed", report.count(Verdict.FAILED));
        summary.put("skipped", report.count(Verdict.SKIPPED));
        summary.put("pending", 0);
        // CTRF has no "error" status: an error of the kit is "other", apart from the target's "failed"
        summary.put("other", report.count(Verdict.ERROR));
        summary.put("start", info.started().toEpochMilli());
        summary.put("stop", info.finished().toEpochMilli());
        ArrayNode tests = results.putArray("tests");
        for (RuleResult result : report.results()) {
            ObjectNode test = tests.addObject();
            test.put("name", result.rule().label() + " " + result.rule().statement());
            test.put("status", status(result.verdict()));
            test.put("duration", result.elapsed().toMillis());
            if (result.verdict() != Verdict.PASSED) {
                test.put(
                        "message",
                        result.verdict() == Verdict.FAILED || result.verdict() == Verdict.ERROR
                                ? result.message()
                                : result.reason());
            }
            test.putArray("suite").add(result.rule().family().title());
            ArrayNode tags = test.putArray("tags");
            tags.add(result.rule().level().name());
            tags.add(result.rule().family().name());
            test.put("rawStatus", report.outcome(result).name());
            test.put("type", "conformance");
            ObjectNode extra = test.putObject("extra");
            extra.put("id", result.rule().id());
            extra.put("level", result.rule().level().name());
            ArrayNode operations = extra.putArray("operations");
            result.rule().operations().forEach(operations::add);
            extra.put("source", result.rule().source().toString());
            if (!result.reason().isEmpty()) {
                extra.put("reason", result.reason());
            }
            report.baseline().reason(result.rule()).ifPresent(reason -> extra.put("baselineReason", reason));
        }
        ObjectNode environment = results.putObject("environment");
        environment.put("appName", info.target());
        ObjectNode extra = results.putObject("extra");
        extra.put("contract", info.specTitle() + " " + info.specVersion());
        extra.put("contractSha256", info.specSha256());
        extra.put("fixture", info.fixture());
        extra.put("credentials", info.credentials());
        extra.put("seed", info.seed());
        extra.put("selection", info.selection());
        extra.put("passes", report.passes());
        extra.put("result", report.resultLine());
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** CTRF's status of a verdict; an error of the kit is {@code other}. */
    static String status(Verdict verdict) {
        return switch (verdict) {
            case PASSED -> "passed";
            case FAILED -> "failed";
            case SKIPPED -> "skipped";
            case ERROR -> "other";
        };
    }
}
