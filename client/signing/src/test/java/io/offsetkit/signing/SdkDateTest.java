package io.offsetkit.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** {@code X-Sdk-Date} is written and read as the official SDKs write it. */
class SdkDateTest {

    @Test
    void writesTheVectorsTimeInUtcToTheSecond() {
        // GIVEN the published vectors' time, with a fraction of a second
        Instant signedAt = Instant.parse("2019-11-15T03:36:55.999Z");

        // WHEN it is written
        String value = SdkDate.format(signedAt);

        // THEN it is the vectors' X-Sdk-Date: UTC, the fraction left out
        assertThat(value).isEqualTo("20191115T033655Z");
    }

    @Test
    void readsBackWhatItWrites() {
        assertThat(SdkDate.parse("20261125T055826Z")).isEqualTo(Instant.parse("2026-11-25T05:58:26Z"));
        assertThat(SdkDate.parse(SdkDate.format(Instant.parse("2000-02-29T23:59:59Z"))))
                .isEqualTo(Instant.parse("2000-02-29T23:59:59Z"));
    }

    @Test
    void refusesOtherForms() {
        // ISO 8601 with separators, as some clients write it
        assertThatThrownBy(() -> SdkDate.parse("2019-11-15T03:36:55Z")).isInstanceOf(DateTimeParseException.class);
        // no Z
        assertThatThrownBy(() -> SdkDate.parse("20191115T033655")).isInstanceOf(DateTimeParseException.class);
        // month 13, hour 25
        assertThatThrownBy(() -> SdkDate.parse("20191315T033655Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> SdkDate.parse("20191115T253655Z")).isInstanceOf(DateTimeParseException.class);
    }
}
