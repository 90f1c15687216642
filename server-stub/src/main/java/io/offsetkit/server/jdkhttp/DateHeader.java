package io.offsetkit.server.jdkhttp;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date} header the JDK's HTTP server writes on every answer, made once ahead of the first
 * answer. The server formats it with a {@link DateTimeFormatter} of the pattern below in {@link
 * Locale#US} and the zone GMT; its first use in a JVM loads about 140 classes of {@code java.time}
 * and the JDK's locale and time-zone name data, some 40 ms of a fresh JVM's start. {@link #warm()}
 * runs that first use on the thread that prepares the server, while the emulator's store fills on
 * another, instead of on the first request's thread: the caches it fills are the JDK's own, shared by
 * every formatter of the same pattern, locale and zone.
 */
final class DateHeader {

    /** The pattern, locale and zone of the JDK server's {@code Date} header (RFC 7231's IMF-fixdate). */
    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US)
            .withZone(ZoneId.of("GMT"));

    private DateHeader() {}

    /** Formats the present time as the server's {@code Date} header does, and returns it. */
    static String warm() {
        return FORMAT.format(Instant.now());
    }
}
