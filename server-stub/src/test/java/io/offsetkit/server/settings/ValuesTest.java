package io.offsetkit.server.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.server.auth.AuthMode;
import io.offsetkit.server.error.SettingException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The text of a setting read as its type, every failure naming the key and the value. */
class ValuesTest {

    @ParameterizedTest
    @CsvSource({"0, 0", "8080, 8080", "65535, 65535", "' 9090 ', 9090"})
    void anIntegerInItsRange(String text, int value) {
        assertThat(Values.integer("server.port", text, 0, 65535)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "65536", "80a", "", "8080.0", "99999999999"})
    void anIntegerOutOfItsRangeOrNotOne(String text) {
        assertThatThrownBy(() -> Values.integer("server.port", text, 0, 65535))
                .isInstanceOf(SettingException.class)
                .hasMessage("server.port=" + text + ": it must be an integer from 0 to 65535");
    }

    @ParameterizedTest
    @CsvSource({
        "250, PT0.25S",
        "500ms, PT0.5S",
        "90s, PT1M30S",
        "15m, PT15M",
        "2h, PT2H",
        "1d, PT24H",
        "1500us, PT0.0015S",
        "10ns, PT0.00000001S",
        "PT1H, PT1H",
        "PT0.5S, PT0.5S",
        "' 3s ', PT3S",
    })
    void aDurationWithAUnitOrInIso8601(String text, Duration duration) {
        assertThat(Values.duration("server.shutdown-timeout", text)).isEqualTo(duration);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ten seconds", "3 s", "3S", "1w", "-5s", "", "PT"})
    void notADuration(String text) {
        assertThatThrownBy(() -> Values.duration("server.shutdown-timeout", text))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("server.shutdown-timeout=" + text + ": it must be a duration")
                .hasMessageContaining("PT1H");
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999999999999999d", "999999999999999999us", "999999999999999999h"})
    void aDurationTooLargeForJavaIsRefusedNamingIt(String text) {
        assertThatThrownBy(() -> Values.duration("server.shutdown-timeout", text))
                .isInstanceOf(SettingException.class)
                .hasMessage("server.shutdown-timeout=" + text + ": it is too large a duration");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-PT5S", "PT-1S", "-PT0.001S"})
    void aNegativeDurationIsRefused(String text) {
        assertThatThrownBy(() -> Values.duration("server.shutdown-timeout", text))
                .isInstanceOf(SettingException.class)
                .hasMessage("server.shutdown-timeout=" + text + ": it must not be negative");
    }

    @Test
    void aZeroDurationIsOne() {
        assertThat(Values.duration("server.shutdown-timeout", "0")).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest
    @CsvSource({
        "65536, 65536",
        "512B, 512",
        "64KB, 65536",
        "64 kb, 65536",
        "1MB, 1048576",
        "1GB, 1073741824",
        "' 2mb ', 2097152",
    })
    void aSizeInBytesOrWithAUnit(String text, long bytes) {
        assertThat(Values.size("offsetkit.http.max-body-size", text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1TB", "64KiB", "1.5MB", "-1", "MB", "", "lots"})
    void notASize(String text) {
        assertThatThrownBy(() -> Values.size("offsetkit.http.max-body-size", text))
                .isInstanceOf(SettingException.class)
                .hasMessage("offsetkit.http.max-body-size=" + text
                        + ": it must be a size such as 65536, 512B, 64KB or 1MB");
    }

    @Test
    void aSizeTooLargeForALong() {
        assertThatThrownBy(() -> Values.size("offsetkit.http.max-body-size", "999999999999GB"))
                .isInstanceOf(SettingException.class)
                .hasMessage("offsetkit.http.max-body-size=999999999999GB: it is too large");
    }

    @Test
    void oneOfAnEnumsConstantsInAnyCase() {
        assertThat(Values.oneOf("offsetkit.auth.mode", "AkSk", AuthMode.class)).isEqualTo(AuthMode.AKSK);
        assertThat(Values.oneOf("offsetkit.auth.mode", " token ", AuthMode.class))
                .isEqualTo(AuthMode.TOKEN);
        assertThatThrownBy(() -> Values.oneOf("offsetkit.auth.mode", "basic", AuthMode.class))
                .isInstanceOf(SettingException.class)
                .hasMessage("offsetkit.auth.mode=basic: it must be one of none, token, aksk");
    }

    @Test
    void aListIsCommaSeparatedTrimmedWithoutEmptyEntries() {
        assertThat(Values.list(" a, b ,,c ,")).containsExactly("a", "b", "c");
        assertThat(Values.list("")).isEqualTo(List.of());
    }
}
