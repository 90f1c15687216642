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
import io.offsetkit.conformance.rules.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the catalogue against one target: every selected rule, each to a {@link RuleResult} reported in
 * catalogue order, then works out the run's coverage from what was sent and received. One instance is
 * one run; the probes several rules share are sent once, and each rule is checked once.
 *
 * <p>Verdicts do not depend on the order rules are asked in (the command line's, JUnit's, one alone):
 * before a rule is checked, the rules it {@linkplain Rule#needs() needs} and the rules it is {@linkplain
 * Rule#checkedAfter() checked after} are checked (once, even when the selection leaves them out of the
 * report, for the rules it needs). A rule whose needed rule failed, erred or was itself blocked is not
 * checked: it is skipped as {@code blocked by <id>: <that rule's cause>}, naming the first rule of the
 * chain that did not hold.
 *
 * <p>A rule whose check throws something else than a failure or a skip (a bug of the kit, a fixture
 * that broke mid-way) gets the verdict {@link Verdict#ERROR}, with the exception: it is no verdict on
 * the target, and never a pass. A rule left out by the selection is reported as skipped with the
 * pattern that left it out. Every result is redacted: no secret of the credentials, no whole
 * signature, reaches a report.
 */
public final class ConformanceKit {

    /** How the reason of a rule blocked by another begins: {@code blocked by RESET-EXAMPLE-01: ...}. */
    public static final String BLOCKED_BY = "blocked by ";

    private static final int ERROR_FRAMES = 8;

    /**
     * The rules whose check builds each scenario {@link KitContext#buildAhead} can build, among those
     * that need the fixture alone (so that whether they will be checked is known before the run
     * without building anything).
     */
    private static final Map<KitContext.Scenario, Set<Rule>> BUILT_BY = Map.of(
            KitContext.Scenario.LONG_NAMES,
            EnumSet.of(Rule.EDGE_NAMES_RESET),
            KitContext.Scenario.EXACT,
            EnumSet.of(
                    Rule.EXACT_BEFORE_FIRST,
                    Rule.EXACT_AT_MESSAGE,
                    Rule.EXACT_BETWEEN,
                    Rule.EXACT_EQUAL_TIMESTAMPS,
                    Rule.EXACT_AFTER_LAST,
                    Rule.EXACT_EMPTY_QUEUE,
                    Rule.EXACT_LATEST));

    private final KitConfig config;
    private final OpenApiDocument contract;
    private final KitContext context;
    private final Redactor redactor;
    /** Each rule's result once checked, the selection aside. */
    private final Map<Rule, RuleResult> checked = new EnumMap<>(Rule.class);
    /** For a blocked rule, the result of the rule at the root of what blocks it. */
    private final Map<Rule, RuleResult> rootBlockers = new EnumMap<>(Rule.class);
    /** The rules being checked, to refuse a cycle of needs instead of overflowing the stack. */
    private final Set<Rule> underway = EnumSet.noneOf(Rule.class);

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

    /**
     * Checks every rule and reports. The fixture's scenarios that a rule of the run will need are built
     * beside the rules, on a thread of their own ({@link KitContext#buildAhead}); the rules are checked
     * one after the other, in catalogue order, as without.
     */
    public KitReport run() {
        Instant started = config.clock().instant();
        context.buildAhead(scenariosNeeded());
        List<RuleResult> results = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            results.add(check(rule));
        }
        Instant finished = config.clock().instant();
        return new KitReport(
                info(started, finished),
                results,
                new CoverageAnalysis(contract).of(context.http().recorded(), results),
                Baseline.none());
    }

    /** The scenarios that a rule of the run will build: one selected, with the fixture, that nothing blocks. */
    private Set<KitContext.Scenario> scenariosNeeded() {
        Set<KitContext.Scenario> needed = EnumSet.noneOf(KitContext.Scenario.class);
        BUILT_BY.forEach((scenario, rules) -> {
            if (rules.stream().anyMatch(this::willBeChecked)) {
                needed.add(scenario);
            }
        });
        return needed;
    }

    /**
     * Whether the rule will be checked in this run: selected, lacking no capability, blocked by none of
     * the rules it needs (which are checked now for it, as they would be before it).
     */
    private boolean willBeChecked(Rule rule) {
        return config.selection().whyLeftOut(rule).isEmpty()
                && missingCapability(rule).isEmpty()
                && rootBlocker(rule).isEmpty();
    }

    /**
     * Checks one rule, unless the selection leaves it out; the same result whenever it is asked, first
     * or last, once or again.
     */
    public RuleResult check(Rule rule) {
        Optional<String> leftOut = config.selection().whyLeftOut(rule);
        if (leftOut.isPresent()) {
            return RuleResult.skipped(rule, leftOut.get(), Duration.ZERO);
        }
        return evaluate(rule);
    }

    private RuleResult evaluate(Rule rule) {
        RuleResult known = checked.get(rule);
        if (known != null) {
            return known;
        }
        if (!underway.add(rule)) {
            throw new IllegalStateException("the rules' needs form a cycle through " + rule.id());
        }
        try {
            for (Rule before : rule.checkedAfter()) {
                if (config.selection().whyLeftOut(before).isEmpty()) {
                    evaluate(before);
                }
            }
            // a rule that could never run here says so, rather than what else blocks it
            Optional<String> missing = missingCapability(rule);
            Optional<RuleResult> blocker = missing.isPresent() ? Optional.empty() : rootBlocker(rule);
            RuleResult result;
            if (missing.isPresent()) {
                result = RuleResult.skipped(rule, missing.get(), Duration.ZERO);
            } else if (blocker.isPresent()) {
                rootBlockers.put(rule, blocker.get());
                result = RuleResult.skipped(
                        rule,
                        BLOCKED_BY + blocker.get().rule().id() + ": "
                                + blocker.get().reason(),
                        Duration.ZERO);
            } else {
                result = redactor.redact(checkSelected(rule));
            }
            checked.put(rule, result);
            return result;
        } finally {
            underway.remove(rule);
        }
    }

    /** Why the rule lacks a capability, if it does; the probe that decides one may fail like any check. */
    private Optional<String> missingCapability(Rule rule) {
        try {
            return RuleChecks.missingCapability(rule, context);
        } catch (RuntimeException e) {
            // the check reports it, as a failure, a skip or an error of the kit
            return Optional.empty();
        }
    }

    /** The first rule it needs that did not hold (failed or erred), or the root of what blocks that one. */
    private Optional<RuleResult> rootBlocker(Rule rule) {
        for (Rule needed : rule.needs()) {
            RuleResult result = evaluate(needed);
            if (result.verdict() == Verdict.FAILED || result.verdict() == Verdict.ERROR) {
                return Optional.of(result);
            }
            if (rootBlockers.containsKey(needed)) {
                return Optional.of(rootBlockers.get(needed));
            }
        }
        return Optional.empty();
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
            return error(rule, "the fixture failed: " + e.getMessage(), e, start);
        } catch (RuntimeException e) {
            // Not a verdict on the target, and not a pass either: an error of the kit, with its type.
            return error(rule, "the kit could not check the rule: " + e, e, start);
        }
    }

    private RuleResult error(Rule rule, String reason, RuntimeException cause, Instant start) {
        StringBuilder message = new StringBuilder(rule.label())
                .append(" could not be checked (an error of the kit, not a verdict on the target): ")
                .append(reason)
                .append('\n');
        // where the kit failed, for its maintainers: the first frames are enough to find it
        Arrays.stream(cause.getStackTrace())
                .limit(ERROR_FRAMES)
                .forEach(frame -> message.append("    at ").append(frame).append('\n'));
        int newline = reason.indexOf('\n');
        return RuleResult.error(
                rule, newline < 0 ? reason : reason.substring(0, newline), message.toString(), since(start));
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
