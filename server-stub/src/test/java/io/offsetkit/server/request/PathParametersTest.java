package io.offsetkit.server.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The strict read's decoding of the raw path parameters the route match captured. */
class PathParametersTest {

    @ParameterizedTest
    @CsvSource(
            delimiterString = " -> ",
            value = {
                "%25RETRY%25group_01 -> %RETRY%group_01",
                "a%7Cb -> a|b",
                "a%7cb -> a|b",
                "caf%C3%A9 -> café",
                "%F0%9F%98%80 -> \uD83D\uDE00",
                "plain -> plain",
                "a+b -> a+b",
            })
    void pathParametersArePercentDecoded(String raw, String decoded) {
        assertThat(PathParameters.decode(Map.of("group", raw))).containsEntry("group", decoded);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a%2Fb | decodes to a '/', a '\\' or a NUL",
                "a%2fb | decodes to a '/', a '\\' or a NUL",
                "a%5Cb | decodes to a '/', a '\\' or a NUL",
                "a%00b | decodes to a '/', a '\\' or a NUL",
                "a%zzb | not followed by two hexadecimal digits",
                "a%4 | not followed by two hexadecimal digits",
                "a% | not followed by two hexadecimal digits",
                "a%4\uff11 | not followed by two hexadecimal digits",
                "a%\u0664\u0661 | not followed by two hexadecimal digits",
                "a%C3 | not percent-encoded UTF-8",
                "%FF%FE | not percent-encoded UTF-8",
                "%ED%A0%80 | not percent-encoded UTF-8",
                "caf\u00e9%20 | outside ASCII",
            })
    void aPathParameterThatCannotBeDecodedIs400NamingTheParameterAndTheSegment(String raw, String why) {
        DmsException refused =
                catchThrowableOfType(DmsException.class, () -> PathParameters.decode(Map.of("group", raw)));

        assertThat(refused.error()).isEqualTo(DmsError.INVALID_PARAMETER);
        assertThat(refused)
                .hasMessageContaining(why)
                .hasMessageContaining("path parameter group")
                .hasMessageContaining("path segment");
    }

    @Test
    void theFirstParameterInPathOrderThatCannotBeDecodedIsTheOneNamed() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("project_id", "p");
        raw.put("instance_id", "i%2F");
        raw.put("group", "g%zz");

        DmsException refused = catchThrowableOfType(DmsException.class, () -> PathParameters.decode(raw));

        assertThat(refused).hasMessageContaining("path parameter instance_id");
    }
}
