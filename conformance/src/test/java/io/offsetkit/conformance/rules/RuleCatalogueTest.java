package io.offsetkit.conformance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue's ids are stable in form: unique, named after their family, numbered from 01 without gaps. */
class RuleCatalogueTest {

    @Test
    void idsAreUniqueAndNumberedWithinTheirFamily() {
        assertThat(Arrays.stream(Rule.values()).map(Rule::id)).doesNotHaveDuplicates();
        for (Family family : Family.values()) {
            List<Rule> rules = Rule.of(family);
            assertThat(rules).as(family.name()).isNotEmpty();
            for (int i = 0; i < rules.size(); i++) {
                assertThat(rules.get(i).id()).isEqualTo("RESET-%s-%02d".formatted(family.name(), i + 1));
            }
        }
    }

    @Test
    void everyRuleQuotesItsSourceAndSaysWhatAFailureMeans() {
        for (Rule rule : Rule.values()) {
            assertThat(rule.source().quote()).as(rule.id()).isNotBlank();
            assertThat(rule.source().document()).as(rule.id()).isNotBlank();
            assertThat(rule.failureMeans()).as(rule.id()).isNotBlank();
            assertThat(Rule.byId(rule.id())).isSameAs(rule);
        }
    }

    @Test
    void onlyAuthenticationDocumentedDataFixtureAndReadBackRulesNeedMoreThanATarget() {
        for (Rule rule : Rule.values()) {
            boolean needsMore = !rule.requires().isEmpty();
            boolean expected = rule.family() == Family.AUTH
                    || rule.family() == Family.EXACT
                    || rule == Rule.EXAMPLE_DOCUMENTED_ANSWER
                    || rule == Rule.EXAMPLE_READS
                    || rule == Rule.EDGE_NAMES_RESET
                    || rule == Rule.NEGATIVE_GROUP_OFFLINE
                    || rule == Rule.NEGATIVE_INTERNAL_ERROR;
            assertThat(needsMore).as(rule.id()).isEqualTo(expected);
        }
    }
}
