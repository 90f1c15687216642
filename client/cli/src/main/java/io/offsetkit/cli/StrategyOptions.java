package io.offsetkit.cli;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The strategy options, exactly one of which a reset takes, and their reading into a {@link
 * Strategy}. Times are never read in the machine's zone: a date-time without an offset or a zone is
 * refused unless {@code --zone} names one, and a time in the future is refused.
 */
final class StrategyOptions {

    @Option(
            names = "--to-datetime",
            paramLabel = "TIME",
            description = "An ISO-8601 date-time with an offset or a zone id: 2026-03-01T10:00:00+08:00,"
                    + " 2026-03-01T02:00:00Z, 2026-03-01T10:00:00[Asia/Shanghai]; without either, give --zone.")
    String toDatetime;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            description = "The zone of a --to-datetime written without an offset, such as Asia/Shanghai or +08:00.")
    String zone;

    @Option(
            names = "--by-duration",
            paramLabel = "DURATION",
            description = "That long before now (when the plan is made), ISO-8601: PT30M, PT2H, P1D.")
    String byDuration;

    @Option(
            names = "--to-timestamp",
            paramLabel = "MILLIS",
            description = "Milliseconds since the Unix epoch, as the API takes them.")
    Long toTimestamp;

    @Option(names = "--to-earliest", description = "Each queue's earliest offset (its oldest message kept).")
    boolean toEarliest;

    @Option(names = "--to-latest", description = "Each queue's latest offset: skip everything not yet consumed.")
    boolean toLatest;

    /** Whether any strategy option was given (a saved plan carries its own, so none may be). */
    boolean anyGiven() {
        return !given().isEmpty() || zone != null;
    }

    /**
     * The one strategy given, resolved against {@code clock}.
     *
     * @throws BadInputException when none or more than one is given, or a value is not valid
     */
    Strategy resolve(Clock clock) {
        List<String> given = given();
        if (given.isEmpty()) {
            throw new BadInputException(
                    "--to-datetime",
                    "give one strategy: --to-datetime, --by-duration, --to-timestamp,"
                            + " --to-earliest or --to-latest");
        }
        if (given.size() > 1) {
            throw new BadInputException(given.get(1), "give one strategy only, not " + String.join(" and ", given));
        }
        if (zone != null && toDatetime == null) {
            throw new BadInputException("--zone", "goes with --to-datetime only");
        }
        Instant now = clock.instant();
        if (toDatetime != null) {
            Instant time = dateTime(toDatetime, zone);
            return new Strategy(
                    Strategy.Kind.TO_DATETIME,
                    pastOrNow("--to-datetime", time, now),
                    "--to-datetime " + toDatetime + (zone == null ? "" : " --zone " + zone));
        }
        if (byDuration != null) {
            Duration duration = duration(byDuration);
            return new Strategy(
                    Strategy.Kind.BY_DURATION, now.minus(duration).toEpochMilli(), "--by-duration " + byDuration);
        }
        if (toTimestamp != null) {
            if (toTimestamp < 0) {
                throw new BadInputException(
                        "--to-timestamp", toTimestamp + " is negative; use --to-latest for the latest offsets");
            }
            long millis = pastOrNow("--to-timestamp", Instant.ofEpochMilli(toTimestamp), now);
            return new Strategy(Strategy.Kind.TO_TIMESTAMP, millis, "--to-timestamp " + toTimestamp);
        }
        if (toEarliest) {
            return new Strategy(Strategy.Kind.TO_EARLIEST, Strategy.EARLIEST, "--to-earliest");
        }
        return new Strategy(Strategy.Kind.TO_LATEST, Strategy.LATEST, "--to-latest");
    }

    private List<String> given() {
        List<String> given = new ArrayList<>();
        if (toDatetime != null) {
            given.add("--to-datetime");
        }
        if (byDuration != null) {
            given.add("--by-duration");
        }
        if (toTimestamp != null) {
            given.add("--to-timestamp");
        }
        if (toEarliest) {
            given.add("--to-earliest");
        }
        if (toLatest) {
            given.add("--to-latest");
        }
        return given;
    }

    /**
     * ISO-8601's local date-time, then an optional offset, then an optional zone id in brackets: {@link
     * DateTimeFormatter#ISO_DATE_TIME} takes a zone id only after an offset.
     */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart()
            .appendOffsetId()
            .optionalEnd()
            .optionalStart()
            .appendLiteral('[')
            .parseCaseSensitive()
            .appendZoneRegionId()
            .appendLiteral(']')
            .optionalEnd()
            .toFormatter();

    /**
     * An ISO-8601 date-time: with an offset, with a zone id in brackets, or, with {@code zone}, with
     * neither. One with neither and no zone is refused: the machine's zone is never assumed.
     */
    static Instant dateTime(String text, String zone) {
        TemporalAccessor parsed;
        try {
            parsed = DATE_TIME.parseBest(text.trim(), ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from);
        } catch (DateTimeParseException e) {
            throw new BadInputException(
                    "--to-datetime", "'" + text + "' is not an ISO-8601 date-time such as 2026-03-01T10:00:00+08:00");
        }
        if (parsed instanceof LocalDateTime local) {
            if (zone == null) {
                throw new BadInputException(
                        "--to-datetime",
                        "'" + text + "' has no offset or zone, and the machine's zone is never assumed: add an"
                                + " offset (" + local + "+08:00, " + local
                                + "Z) or give --zone (--zone Asia/Shanghai)");
            }
            return local.atZone(zoneId(zone)).toInstant();
        }
        if (zone != null) {
            throw new BadInputException(
                    "--zone",
                    "'" + text + "' names its own offset; give --zone only with a" + " date-time without one");
        }
        return parsed instanceof ZonedDateTime zoned ? zoned.toInstant() : ((OffsetDateTime) parsed).toInstant();
    }

    private static ZoneId zoneId(String zone) {
        try {
            return ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            throw new BadInputException(
                    "--zone", "'" + zone + "' is not a zone id (Asia/Shanghai) or an offset (+08:00)");
        }
    }

    private static Duration duration(String text) {
        Duration duration;
        try {
            duration = Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new BadInputException(
                    "--by-duration", "'" + text + "' is not an ISO-8601 duration such as PT30M, PT2H or P1D");
        }
        if (duration.isNegative()) {
            throw new BadInputException(
                    "--by-duration", text + " is negative; give how long before now, such as PT30M");
        }
        return duration;
    }

    private static long pastOrNow(String option, Instant time, Instant now) {
        if (time.isAfter(now)) {
            throw new BadInputException(option, time + " is in the future (now is " + now + ")");
        }
        if (time.isBefore(Instant.EPOCH)) {
            throw new BadInputException(option, time + " is before the Unix epoch");
        }
        // 0 is the contract's "earliest"; a time at the epoch itself means the same.
        return time.toEpochMilli();
    }
}
