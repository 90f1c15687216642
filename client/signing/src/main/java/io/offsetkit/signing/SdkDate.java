package io.offsetkit.signing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The signing time of {@value SdkHmacSha256#DATE_HEADER}: UTC, to the second, written {@code
 * yyyyMMdd'T'HHmmss'Z'} (e.g. {@code 20191115T033655Z}). The signer writes it and the string to sign
 * carries it as written; a verifier reads it back to check the clock skew.
 *
 * <p>Thread-safe.
 */
public final class SdkDate {

    /** {@code yyyyMMdd'T'HHmmss'Z'} in UTC, with the JDK's default (smart) resolution. */
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private SdkDate() {}

    /** The header value for an instant; the fraction of a second is not written. */
    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /**
     * The instant a header value stands for.
     *
     * @throws DateTimeParseException when the value is not {@code yyyyMMdd'T'HHmmss'Z'} with a month,
     *     day, hour, minute and second in range
     */
    public static Instant parse(String headerValue) {
        return LocalDateTime.parse(headerValue, FORMAT).toInstant(ZoneOffset.UTC);
    }
}
