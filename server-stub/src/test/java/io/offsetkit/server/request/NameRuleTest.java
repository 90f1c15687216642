package io.offsetkit.server.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Constraint;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Operation;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A name is checked against the contract's pattern: the table the rule makes of a character class
 * repeated refuses exactly what the pattern refuses, and the message names the first refused character.
 */
class NameRuleTest {

    private static final String CLASS_REPEATED = "^[%|a-zA-Z0-9_-]+$";

    private static boolean accepted(NameRule rule, String value) {
        try {
            rule.check(value);
            return true;
        } catch (DmsException e) {
            assertThat(e.error()).isEqualTo(DmsError.INVALID_PARAMETER);
            return false;
        }
    }

    @Test
    void theRuleAcceptsExactlyWhatTheContractsPatternMatches() {
        // GIVEN the contract's pattern of a group, and random values of ASCII and other characters
        Pattern pattern = Pattern.compile(CLASS_REPEATED);
        NameRule rule = new NameRule("group", 1, 64, pattern);
        Random random = new Random(21);
        char[] alphabet = "aZ09_-%|/\\ \"\t\u0000\u007f\u00e9\u4e2d.:~".toCharArray();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int j = 0; j < length; j++) {
                value.append(
                        random.nextInt(4) == 0
                                ? (char) random.nextInt(0x3000)
                                : alphabet[random.nextInt(alphabet.length)]);
            }
            // WHEN each is checked THEN it passes exactly when the pattern matches it whole
            assertThat(accepted(rule, value.toString()))
                    .as("value %s", value)
                    .isEqualTo(pattern.matcher(value).matches());
        }
        // and every single character alone, the surrogates included
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            assertThat(accepted(rule, String.valueOf(c)))
                    .isEqualTo(pattern.matcher(String.valueOf(c)).matches());
        }
        String supplementary = new String(Character.toChars(0x1F600));
        assertThat(accepted(rule, "a" + supplementary)).isFalse();
    }

    @Test
    void aPatternThatIsNotAClassRepeatedIsMatchedAsItIs() {
        // GIVEN a pattern the table cannot stand for (an alternation)
        NameRule rule = new NameRule("timestamp", 1, 19, Pattern.compile("^(-1|[0-9]{1,19})$"));

        // WHEN values are checked THEN the pattern decides
        assertThat(accepted(rule, "-1")).isTrue();
        assertThat(accepted(rule, "123")).isTrue();
        assertThat(accepted(rule, "-2")).isFalse();
        assertThat(accepted(rule, "1-")).isFalse();
    }

    @Test
    void aNegatedClassRepeatedIsCheckedByTheTableAndThePatternAlike() {
        Pattern pattern = Pattern.compile("^[^/ ]+$");
        NameRule rule = new NameRule("name", 1, 64, pattern);

        assertThat(accepted(rule, "abc")).isTrue();
        assertThat(accepted(rule, "a/b")).isFalse();
        assertThat(accepted(rule, "\u00e9t\u00e9")).isTrue();
    }

    @Test
    void aRefusedCharacterIsNamedWithItsPosition() {
        NameRule rule = new NameRule("group", 1, 64, Pattern.compile(CLASS_REPEATED));

        assertThatThrownBy(() -> rule.check("group/01"))
                .isInstanceOf(DmsException.class)
                .hasMessageContaining("group 'group/01' has the character '/' at position 6, which is not allowed")
                .hasMessageContaining("it must be 1 to 64 characters matching " + CLASS_REPEATED);
    }

    @Test
    void theRuleOfAConstraintIsMadeOnce() {
        // GIVEN a path parameter's constraint of the contract
        Constraint group = Operation.RESET_CONSUME_OFFSET_FOR_ROCKET_MQ.pathParameter("group");

        // WHEN its rule is asked for twice THEN it is the same rule, with the contract's bounds
        NameRule rule = NameRule.of(group);
        assertThat(NameRule.of(group)).isSameAs(rule);
        assertThat(rule.field()).isEqualTo("group");
        assertThat(rule.pattern()).isSameAs(group.pattern());
    }
}
