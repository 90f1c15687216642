package io.offsetkit.api.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.api.compat.ImpliedBounds.Lengths;
import io.offsetkit.api.compat.ImpliedBounds.Range;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImpliedBoundsTest {

    @Test
    void anchoredPatternsAreMeasured() {
        // the contract's timestamp string: "-1" or 1 to 19 digits
        assertThat(ImpliedBounds.patternLengths("^(-1|[0-9]{1,19})$")).contains(new Lengths(1, 19));
        // the contract's names: one or more, unbounded
        assertThat(ImpliedBounds.patternLengths("^[%|a-zA-Z0-9_-]+$")).contains(new Lengths(1, Long.MAX_VALUE));
        // optional parts, escapes, non-capturing groups, exact and open counts
        assertThat(ImpliedBounds.patternLengths("^a?\\d{2}(?:x|yz)*$")).contains(new Lengths(2, Long.MAX_VALUE));
        assertThat(ImpliedBounds.patternLengths("^[A-Z]{3}-\\.[^]x]{2,4}$")).contains(new Lengths(7, 9));
        assertThat(ImpliedBounds.patternLengths("^$")).contains(new Lengths(0, 0));
    }

    @Test
    void patternsThatAreNotMeasuredGiveNothing() {
        // not anchored at both ends: matches inside longer strings
        assertThat(ImpliedBounds.patternLengths("[0-9]{1,19}")).isEmpty();
        assertThat(ImpliedBounds.patternLengths("^[0-9]{1,19}")).isEmpty();
        assertThat(ImpliedBounds.patternLengths("[0-9]{1,19}$")).isEmpty();
        // an alternative outside a group is anchored at one end only
        assertThat(ImpliedBounds.patternLengths("^-1|[0-9]{1,19}$")).isEmpty();
        // a literal dollar at the end, a look-ahead, a back-reference, a word boundary
        assertThat(ImpliedBounds.patternLengths("^[0-9]+\\$")).isEmpty();
        assertThat(ImpliedBounds.patternLengths("^(?=a)abc$")).isEmpty();
        assertThat(ImpliedBounds.patternLengths("^(a)\\1$")).isEmpty();
        assertThat(ImpliedBounds.patternLengths("^\\ba$")).isEmpty();
        // malformed
        assertThat(ImpliedBounds.patternLengths("^(ab$")).isEmpty();
        assertThat(ImpliedBounds.patternLengths("^a{2,x}$")).isEmpty();
    }

    @Test
    void statedLengthsNarrowThePatternsAndAnUnmeasuredPatternLeavesThem() {
        Schema<String> schema = new Schema<String>().pattern("^[0-9]{1,19}$").maxLength(10);
        assertThat(ImpliedBounds.lengths(schema)).isEqualTo(new Lengths(1, 10));

        Schema<String> unanchored = new Schema<String>().pattern("[0-9]").minLength(2);
        assertThat(ImpliedBounds.lengths(unanchored)).isEqualTo(new Lengths(2, Long.MAX_VALUE));
    }

    @Test
    void integerFormatsBoundTheRange() {
        Schema<Long> int64 = new Schema<Long>().type("integer").format("int64").minimum(BigDecimal.valueOf(-1));
        assertThat(ImpliedBounds.integers(int64))
                .contains(new Range(BigDecimal.valueOf(-1), BigDecimal.valueOf(Long.MAX_VALUE)));

        Schema<Integer> int32 = new Schema<Integer>().type("integer").format("int32");
        assertThat(ImpliedBounds.integers(int32))
                .contains(new Range(BigDecimal.valueOf(Integer.MIN_VALUE), BigDecimal.valueOf(Integer.MAX_VALUE)));

        Schema<Long> noFormat = new Schema<Long>().type("integer").maximum(BigDecimal.TEN);
        assertThat(ImpliedBounds.integers(noFormat)).contains(new Range(null, BigDecimal.TEN));
    }

    @Test
    void exclusiveBoundsAndOtherTypesAreLeftToTheLibrary() {
        assertThat(ImpliedBounds.integers(
                        new Schema<Long>().type("integer").format("int64").exclusiveMaximum(true)))
                .isEqualTo(Optional.empty());
        assertThat(ImpliedBounds.integers(new Schema<Double>().type("number").format("double")))
                .isEmpty();
    }

    @Test
    void rangesCompareWithUnboundedEnds() {
        Range int64 = new Range(BigDecimal.valueOf(Long.MIN_VALUE), BigDecimal.valueOf(Long.MAX_VALUE));
        assertThat(int64.within(new Range(null, null))).isTrue();
        assertThat(int64.within(new Range(null, BigDecimal.valueOf(Long.MAX_VALUE))))
                .isTrue();
        assertThat(int64.within(new Range(BigDecimal.ZERO, null))).isFalse();
        assertThat(new Range(null, BigDecimal.ONE).within(new Range(BigDecimal.ZERO, null)))
                .isFalse();
    }
}
