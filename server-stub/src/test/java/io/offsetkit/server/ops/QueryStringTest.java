package io.offsetkit.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

/** The query as form-encoded pairs, as the admin API reads it. */
class QueryStringTest {

    @ParameterizedTest
    @NullAndEmptySource
    void noQueryHasNoParameter(String rawQuery) {
        assertThat(QueryString.parse(rawQuery)).isEmpty();
    }

    @Test
    void namesAndValuesAreFormDecodedInOrder() {
        assertThat(QueryString.parse("topic=topic_01&b=x+y&c=%25RETRY%25g%7C1&d=caf%C3%A9"))
                .containsExactly(
                        Map.entry("topic", "topic_01"),
                        Map.entry("b", "x y"),
                        Map.entry("c", "%RETRY%g|1"),
                        Map.entry("d", "café"));
    }

    @Test
    void theFirstValueOfANameWins() {
        assertThat(QueryString.parse("topic=first&topic=second")).containsExactly(Map.entry("topic", "first"));
    }

    @Test
    void aNameWithoutValueHasTheEmptyValueAndAValueMayHoldAnEqualsSign() {
        assertThat(QueryString.parse("flag&x=a=b&y="))
                .containsExactly(Map.entry("flag", ""), Map.entry("x", "a=b"), Map.entry("y", ""));
    }

    @Test
    void aPairThatCannotBeDecodedIsSkippedAndTheOthersRead() {
        assertThat(QueryString.parse("bad=%zz&topic=t&worse%=1&also=%4")).containsExactly(Map.entry("topic", "t"));
    }
}
