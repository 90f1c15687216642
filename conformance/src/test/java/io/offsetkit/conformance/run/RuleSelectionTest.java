package io.offsetkit.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.conformance.rules.Level;
import io.offsetkit.conformance.rules.Rule;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSelectionTest {

    private static List<Rule> selected(RuleSelection selection) {
        return Arrays.stream(Rule.values())
                .filter(rule -> selection.whyLeftOut(rule).isEmpty())
                .toList();
    }

    @Test
    void withoutPatternsEveryRuleIsSelected() {
        assertThat(selected(RuleSelection.all())).containsExactly(Rule.values());
        assertThat(RuleSelection.all().describe()).isEqualTo("every rule");
    }

    @Test
    void idsGlobsFamiliesAndLevelsSelectCaseInsensitively() {
        assertThat(selected(RuleSelection.of(List.of("reset-auth-*"), List.of())))
                .containsExactly(
                        Rule.AUTH_NO_CREDENTIALS,
                        Rule.AUTH_WRONG_TOKEN,
                        Rule.AUTH_BAD_SIGNATURE,
                        Rule.AUTH_STALE_DATE,
                        Rule.AUTH_READS,
                        Rule.AUTH_KIT_CREDENTIALS,
                        Rule.AUTH_EXPIRED_TOKEN,
                        Rule.AUTH_OTHER_PROJECT_TOKEN,
                        Rule.AUTH_READ_ONLY);
        assertThat(selected(RuleSelection.of(List.of("WIRE,RESET-EXAMPLE-01"), List.of())))
                .containsExactly(
                        Rule.EXAMPLE_NUMERIC,
                        Rule.WIRE_CHUNKED,
                        Rule.WIRE_JAVA_SDK,
                        Rule.WIRE_NODE_SDK,
                        Rule.WIRE_READ_SDK,
                        Rule.WIRE_CHARSET);
        assertThat(selected(RuleSelection.of(List.of("SHOULD"), List.of())))
                .allMatch(rule -> rule.level() == Level.SHOULD);
        assertThat(selected(RuleSelection.of(List.of("RESET-EXACT-1?"), List.of())))
                .hasSize(5)
                .allMatch(rule -> rule.id().startsWith("RESET-EXACT-1"));
    }

    @Test
    void excludesWinOverIncludesAndSayWhichPatternLeftARuleOut() {
        RuleSelection selection = RuleSelection.of(List.of("AUTH", "MUST"), List.of("RESET-AUTH-04", "EXACT"));

        assertThat(selection.whyLeftOut(Rule.AUTH_STALE_DATE))
                .hasValue("not selected: left out by --exclude RESET-AUTH-04");
        assertThat(selection.whyLeftOut(Rule.EXACT_LATEST)).hasValue("not selected: left out by --exclude EXACT");
        assertThat(selection.whyLeftOut(Rule.DOMAIN_OLDER_ROUTE))
                .hasValue("not selected: no --include pattern matches it (AUTH,MUST)");
        assertThat(selection.whyLeftOut(Rule.AUTH_BAD_SIGNATURE)).isEmpty();
        assertThat(selection.describe()).isEqualTo("--include AUTH,MUST --exclude RESET-AUTH-04,EXACT");
    }

    @Test
    void aPatternThatMatchesNothingIsRefusedWithTheClosest() {
        assertThatThrownBy(() -> RuleSelection.of(List.of("RESET-EDGE-9"), List.of()))
                .hasMessageStartingWith("'RESET-EDGE-9' matches no rule; the closest is RESET-EDGE-0");
        assertThatThrownBy(() -> RuleSelection.of(List.of(), List.of("AUHT")))
                .hasMessageStartingWith("'AUTH' matches no rule".replace("AUTH", "AUHT"))
                .hasMessageContaining("the closest is AUTH");
    }
}
