package io.offsetkit.conformance.check;

import io.offsetkit.conformance.fixture.FilledQueue;
import io.offsetkit.conformance.fixture.OffsetOracle;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.rules.Rule;
import java.util.Map;
import java.util.Objects;

/**
 * The rules that read back what a reset left behind, beyond the reset to -1 that RESET-EXACT-11
 * reads: a reset backwards, another group's reset, refused resets ({@link ReadBackScenario}).
 */
final class ReadBackChecks {

    private ReadBackChecks() {}

    static void backwards(KitContext context) {
        ReadBackScenario scenario = ready(context, Rule.EXACT_COMMITTED_BACKWARDS);
        ExactScenario exact = scenario.exact();
        String time = "+" + (scenario.backTime() - exact.origin());
        Map<String, Long> answered = Answers.offsets(ExampleChecks.queuesOf(
                Rule.EXACT_COMMITTED_BACKWARDS, scenario.backAnswer(), "The reset back to t=" + time));
        Findings findings = new Findings(Rule.EXACT_COMMITTED_BACKWARDS);
        for (FilledQueue filled : exact.filledQueues()) {
            String queue = filled.queue().shortName();
            long want = OffsetOracle.offsetAt(filled, scenario.backTime());
            Long got = answered.get(queue);
            Long stored = scenario.afterBack().get(queue);
            if (got == null || got != want) {
                findings.add(
                        queue + ": the answer says " + (got == null ? "nothing" : got) + ", the oracle " + want,
                        scenario.backAnswer());
            } else if (!got.equals(stored)) {
                findings.add(
                        queue + ": the answer says " + got + ", the fixture reads back "
                                + (stored == null ? "no committed offset" : stored),
                        scenario.backAnswer());
            }
        }
        findings.throwIfAny("after the series ending at -1, group " + exact.group() + " reset back to t=" + time
                + " (relative to " + exact.origin() + "): each queue committed at the answer's offset, which is the"
                + " oracle's (the first offset whose store time is >= t)");
    }

    static void otherGroupUntouched(KitContext context) {
        ReadBackScenario scenario = ready(context, Rule.EXACT_OTHER_GROUP_UNTOUCHED);
        Findings findings = new Findings(Rule.EXACT_OTHER_GROUP_UNTOUCHED);
        Exchange other = scenario.otherGroupAnswer();
        if (!other.answered() || other.status() != 200) {
            findings.add(
                    "the other group's reset was answered " + other.statusLine() + ", so it could not show"
                            + " whether it moves this group",
                    other);
        }
        changed(findings, scenario.afterBack(), scenario.afterOtherGroup(), other);
        findings.throwIfAny(
                "group " + scenario.exact().group() + "'s committed offsets unchanged by the reset of group "
                        + scenario.otherGroup() + " to -1 on the same topic: " + scenario.afterBack());
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
        changed(findings, scenario.afterOtherGroup(), scenario.afterRefused(), last);
        scenario.refused().forEach(findings::show);
        findings.throwIfAny("every refused reset (" + scenario.refused().size() + ": a timestamp of -2"
                + (scenario.refused().size() > 1 ? ", and the reset to -1 without credentials" : "")
                + ") leaves group " + scenario.exact().group() + "'s committed offsets as they were: "
                + scenario.afterOtherGroup());
    }

    private static void changed(Findings findings, Map<String, Long> before, Map<String, Long> after, Exchange cause) {
        before.forEach((queue, offset) -> {
            Long now = after.get(queue);
            if (!Objects.equals(offset, now)) {
                findings.add(queue + " was " + offset + ", the fixture now reads back " + now, cause);
            }
        });
    }

    private static ReadBackScenario ready(KitContext context, Rule rule) {
        ExactChecks.ready(context, rule);
        ReadBackScenario scenario = context.readBack();
        scenario.setupFailure().ifPresent(failure -> {
            throw Findings.fail(
                    rule,
                    "the fixture creates a second group and reads back committed offsets",
                    "The fixture failed: " + failure.getMessage());
        });
        return scenario;
    }
}
