package io.offsetkit.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.conformance.rules.Rule;
import org.junit.jupiter.api.Test;

class BaselineTest {

    @Test
    void readsIdsWithReasonsSkippingCommentsAndBlankLines() {
        Baseline baseline = Baseline.parse(
                "# known failures\n\nRESET-DOMAIN-09   the older route is not served (GW-1)\r\nreset-auth-04 clock skew of 2 days\n",
                "ci/baseline.txt");

        assertThat(baseline.reasons())
                .containsOnlyKeys(Rule.DOMAIN_OLDER_ROUTE, Rule.AUTH_STALE_DATE)
                .containsEntry(Rule.DOMAIN_OLDER_ROUTE, "the older route is not served (GW-1)");
        assertThat(baseline.source()).isEqualTo("ci/baseline.txt");
    }

    @Test
    void refusesAnUnknownIdAMissingReasonAndADuplicateNamingTheLine() {
        assertThatThrownBy(() -> Baseline.parse("RESET-DOMAIN-9 why", "b"))
                .hasMessage("b:1: no rule has the id 'RESET-DOMAIN-9'; the closest is RESET-DOMAIN-09");
        assertThatThrownBy(() -> Baseline.parse("# x\nRESET-DOMAIN-09", "b"))
                .hasMessageStartingWith("b:2: RESET-DOMAIN-09 has no reason");
        assertThatThrownBy(() -> Baseline.parse("RESET-DOMAIN-09 a\nRESET-DOMAIN-09 b", "b"))
                .hasMessage("b:2: RESET-DOMAIN-09 is listed twice");
    }
}
