package io.offsetkit.conformance.run;

import io.offsetkit.api.ContractSchemas;
import io.offsetkit.api.OpenApiDocument;
import io.offsetkit.conformance.check.ContractFacts;
import io.offsetkit.conformance.check.KitContext;
import io.offsetkit.conformance.check.KitRandom;
import io.offsetkit.conformance.check.RuleChecks;
import io.offsetkit.conformance.check.RuleFailure;
import io.offsetkit.conformance.check.RuleSkipped;
import io.offsetkit.conformance.coverage.CoverageAnalysis;
import io.offsetkit.conformance.fixture.FixtureException;
import io.offsetkit.conformance.http.KitHttp;
import io.offsetkit.conformance.rules.Family;
import io.offsetkit.conformance.rules.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the catalogue against one target: every selected rule, each to a {@link RuleResult} reported in
 * catalogue order (the response rules checked last, so that they judge every response of the run),
 * then works out the run's coverage from what was sent and received. One instance is
 * one run; the probes several rules share are sent once.
 *
 * <p>A rule whose check throws something else than a failure or a skip (a bug of the kit, a fixture
 * that broke mid-way) is reported as failed with the exception's message, never passed. A rule left
 * out by the selection is reported as skipped with the pattern that left it out. Every result is
 * redacted: no secret of the credentials, no whole signature, reaches a report.
 */
public final class ConformanceKit {

    private final KitConfig config;
    private final OpenApiDocument contract;
    private final KitContext context;
    private final Redactor redactor;

    public ConformanceKit(KitConfig config) {
        this(config, OpenApiDocument.bundled());
    }

    public ConformanceKit(KitConfig config, OpenApiDocument contract) {
        this.config = config;
        this.contract = contract;
        this.context = new KitContext(
                config.target(),
                new KitHttp(config.target().baseUrl(), config.credentials(), config.clock()),
                config.fixture(),
                config.documentedData(),
                new ContractFacts(contract),
                new ContractSchemas(contract),
                new KitRandom(config.seed()),
                config.otherGroup());
        this.redactor = new Redactor(config.credentials());
    }

    /** The context rules are checked in (the JUnit base class checks rules one at a time through it). */
    public KitContext context() {
        return context;
    }

    /** Checks every rule and reports. */
    public KitReport run() {
        Instant started = config.clock().instant();
        // The response rules judge every response the run received, whichever rule provoked it: they
        // run after all the others, and their results take their place in catalogue order.
        Map<Rule, RuleResult> byRule = new EnumMap<>(Rule.class);
        for (Rule rule : Rule.values()) {
            if (rule.family() != Family.RESPONSE) {
                byRule.put(rule, check(rule));
            }
        }
        for (Rule rule : Rule.of(Family.RESPONSE)) {
            byRule.put(rule, check(rule));
        }
        List<RuleResult> results = new ArrayList<>(byRule.values());
        Instant finished = config.clock().instant();
        return new KitReport(
                info(started, finished),
                results,
                new CoverageAnalysis(contract).of(context.http().recorded(), results),
                Baseline.none());
    }

    /** Checks one rule, unless the selection leaves it out. */
    public RuleResult check(Rule rule) {
        Optional<String> leftOut = config.selection().whyLeftOut(rule);
        if (leftOut.isPresent()) {
            return RuleResult.skipped(rule, leftOut.get(), Duration.ZERO);
        }
        return redactor.redact(checkSelected(rule));
    }

    private RuleResult checkSelected(Rule rule) {
        Instant start = config.clock().instant();
        try {
            RuleChecks.check(rule, context);
            return RuleResult.passed(rule, since(start));
        } catch (RuleFailure failure) {
            return RuleResult.failed(failure, since(start));
        } catch (RuleSkipped skipped) {
            return RuleResult.skipped(rule, skipped.getMessage(), since(start));
        } catch (FixtureException e) {
            return RuleResult.failed(
                    new RuleFailure(
                            rule,
                            "the fixture builds the rule's data",
                            "The fixture failed: " + e.getMessage(),
                            List.of()),
                    since(start));
        } catch (RuntimeException e) {
            // Not a verdict on the target, but it must not pass either: report it with its type.
            return RuleResult.failed(
                    new RuleFailure(
                            rule,
                            "the rule can be checked",
                            "The kit could not check the rule: " + e.getClass().getName() + ": " + e.getMessage(),
                            List.of()),
                    since(start));
        }
    }

    /** The report header of a run that started and finished at the given times. */
    public RunInfo info(Instant started, Instant finished) {
        return new RunInfo(
                contract.tree().path("info").path("title").asString(""),
                contract.version(),
                contract.sha256(),
                KitVersion.get(),
                config.target().describe(),
                config.fixtureName(),
                config.credentialsKind(),
                started,
                finished,
                config.seed(),
                config.selection().describe());
    }

    private Duration since(Instant start) {
        return Duration.between(start, config.clock().instant());
    }
}
