package io.offsetkit.conformance.check;

import io.offsetkit.conformance.fixture.FilledQueue;
import io.offsetkit.conformance.fixture.FixtureException;
import io.offsetkit.conformance.fixture.OffsetOracle;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.rules.Rule;
import java.util.Map;
import java.util.Objects;

/**
 * The rules that read back what a reset left behind ({@link ReadBackScenario}): the reset to -1, a
 * reset backwards, another group's reset, refused resets. Black-box through the contract's progress
 * read when the target implements it, else through the fixture.
 */
public final class ReadBackChecks {

    private ReadBackChecks() {}

    static void committed(KitContext context) {
        ReadBackScenario scenario = ready(context, Rule.EXACT_COMMITTED);
        Exchange latest = scenario.latestAnswer();
        Map<String, Long> answered = Answers.offsets(
                ExampleChecks.queuesOf(Rule.EXACT_COMMITTED, latest, "The reset to -1 of group " + scenario.group()));
        Findings findings = new Findings(Rule.EXACT_COMMITTED);
        if (answered.isEmpty()) {
            findings.add("the reset to -1 answered no queue, so nothing could be read back", latest);
        }
        sameAsAnswered(findings, scenario, answered, scenario.afterLatest(), latest);
        findings.throwIfAny("after the reset to -1 of group " + scenario.group() + " on topic " + scenario.topic()
                + ", " + scenario.reader().name() + " reads back the offsets the answer listed");
    }

    static void backwards(KitContext context) {
        ReadBackScenario scenario = ready(context, Rule.EXACT_COMMITTED_BACKWARDS);
        Map<String, Long> latest = Answers.offsets(
                ExampleChecks.queuesOf(Rule.EXACT_COMMITTED_BACKWARDS, scenario.latestAnswer(), "The reset to -1"));
        Map<String, Long> answered = Answers.offsets(ExampleChecks.queuesOf(
                Rule.EXACT_COMMITTED_BACKWARDS, scenario.backAnswer(), "The reset back to " + scenario.backTime()));
        Findings findings = new Findings(Rule.EXACT_COMMITTED_BACKWARDS);
        if (scenario.exact().isPresent()) {
            ExactScenario exact = scenario.exact().get();
            for (FilledQueue filled : exact.filledQueues()) {
                String queue = filled.queue().shortName();
                long want = OffsetOracle.offsetAt(filled, scenario.backTime());
                Long got = answered.get(queue);
                if (got == null || got != want) {
                    findings.add(
                            queue + ": the answer says " + (got == null ? "nothing" : got) + ", the oracle " + want,
                            scenario.backAnswer());
                }
            }
        } else if (answered.equals(latest)) {
            // a reset that lands where the group stands shows nothing about the direction
            throw new RuleSkipped("every queue of topic " + scenario.topic() + " answered the same offset at 0 as at"
                    + " -1 (the topic holds no message), so no reset can move the group backwards there");
        } else {
            answered.forEach((queue, offset) -> {
                Long before = latest.get(queue);
                if (before != null && offset > before) {
                    findings.add(
                            queue + ": the reset back to 0 answers " + offset + ", after " + before + " at -1",
                            scenario.backAnswer());
                }
            });
        }
        sameAsAnswered(findings, scenario, answered, scenario.afterBack(), scenario.backAnswer());
        String time = scenario.exact()
                .map(exact -> "t=+" + (scenario.backTime() - exact.origin()) + " (relative to " + exact.origin()
                        + "): each queue at the oracle's offset (the first offset whose store time is >= t),")
                .orElse("0: each queue at or before its offset at -1,");
        findings.throwIfAny("after the reset to -1, group " + scenario.group() + " reset back to " + time + " and "
                + scenario.reader().name() + " reads back the offsets the answer listed");
    }

    /** How a skip for want of a second group begins; the result line counts such skips by it. */
    public static final String NO_OTHER_GROUP = "no fixture creates a second group and none was named";

    static void otherGroupUntouched(KitContext context) {
        ReadBackScenario scenario = ready(context, Rule.EXACT_OTHER_GROUP_UNTOUCHED);
        if (scenario.otherGroup().isEmpty()) {
            throw new RuleSkipped(NO_OTHER_GROUP + " (a second existing group on the topic, --other-group), so no"
                    + " other group's reset can be sent");
        }
        Findings findings = new Findings(Rule.EXACT_OTHER_GROUP_UNTOUCHED);
        Exchange other = scenario.otherGroupAnswer();
        if (!other.answered() || other.status() != 200) {
            findings.add(
                    "the other group's reset was answered " + other.statusLine() + ", so it could not show"
                            + " whether it moves this group",
                    other);
        }
        changed(findings, scenario, scenario.afterBack(), scenario.afterOtherGroup(), other);
        findings.throwIfAny("group " + scenario.group() + "'s committed offsets unchanged by the reset of group "
                + scenario.otherGroup().get() + " to -1 on the same topic: " + scenario.afterBack());
    }

    static void refusedChangesNothing(KitContext context) {
        ReadBackScenario scenario = ready(context, Rule.EXACT_REFUSED_CHANGES_NOTHING);
        Findings findings = new Findings(Rule.EXACT_REFUSED_CHANGES_NOTHING);
        for (Exchange refused : scenario.refused()) {
            if (refused.answered() && refused.status() / 100 == 2) {
                findings.add(
                        refused.requestLine() + " (" + refused.requestText() + ") was answered " + refused.status()
                                + ", not refused",
                        refused);
            }
        }
        Exchange last = scenario.refused().get(scenario.refused().size() - 1);
        changed(findings, scenario, scenario.afterOtherGroup(), scenario.afterRefused(), last);
        scenario.refused().forEach(findings::show);
        findings.throwIfAny("every refused reset (" + scenario.refused().size() + ": a timestamp of -2"
                + (scenario.refused().size() > 1 ? ", and the reset to -1 without credentials" : "")
                + ") leaves group " + scenario.group() + "'s committed offsets as they were: "
                + scenario.afterOtherGroup());
    }

    /** Each answered queue read back at the answered offset; a queue read back without one is a finding. */
    private static void sameAsAnswered(
            Findings findings,
            ReadBackScenario scenario,
            Map<String, Long> answered,
            Map<String, Long> readBack,
            Exchange cause) {
        answered.forEach((queue, offset) -> {
            Long stored = readBack.get(queue);
            if (!offset.equals(stored)) {
                findings.add(
                        queue + ": the answer says " + offset + ", "
                                + scenario.reader().name() + " reads back "
                                + (stored == null ? "no committed offset" : stored),
                        cause);
            }
        });
        scenario.reader().exchanges().stream()
                .skip(Math.max(0, scenario.reader().exchanges().size() - 1))
                .forEach(findings::show);
    }

    /**
     * Each queue read back before is read back the same after; a comparison with a missing offset before,
     * on any queue, is a finding, not a pass (nothing was read back to compare).
     */
    private static void changed(
            Findings findings,
            ReadBackScenario scenario,
            Map<String, Long> before,
            Map<String, Long> after,
            Exchange cause) {
        if (before.values().stream().allMatch(Objects::isNull)) {
            findings.add(
                    scenario.reader().name() + " read back no committed offset of group " + scenario.group()
                            + " before the step, so nothing could show that it is left as it was",
                    cause);
            return;
        }
        before.forEach((queue, offset) -> {
            Long now = after.get(queue);
            if (offset == null) {
                // no committed offset on this queue before: nothing to compare it with after
                findings.add(
                        queue + ": " + scenario.reader().name() + " read back no committed offset before the step,"
                                + " so nothing shows that it is left as it was",
                        cause);
            } else if (!Objects.equals(offset, now)) {
                findings.add(
                        queue + " was " + offset + ", " + scenario.reader().name() + " now reads back " + now, cause);
            }
        });
    }

    private static ReadBackScenario ready(KitContext context, Rule rule) {
        ReadBackScenario scenario = context.readBack();
        scenario.setupFailure().ifPresent(failure -> {
            // the fixture broke, not the rule: an error of the kit, no verdict on the target
            throw new FixtureException(
                    "the read-back of group " + scenario.group() + "'s committed offsets ("
                            + scenario.reader().name() + ") could not be set up: " + failure.getMessage(),
                    failure);
        });
        return scenario;
    }
}
