package io.offsetkit.server.ops;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One log line: {@code <ISO-8601 time, UTC> <LEVEL> [<thread>] <logger, abbreviated> : <message>},
 * then the stack trace of a throwable, if any. Written in code rather than with a pattern, whose
 * parser and converters would cost the server's start-up time.
 */
final class LogLineLayout extends LayoutBase<ILoggingEvent> {

    /** The longest logger name shown whole; longer ones have their packages cut to one letter. */
    static final int LOGGER_WIDTH = 36;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        TIME.formatTo(Instant.ofEpochMilli(event.getTimeStamp()), line);
        String level = event.getLevel().toString();
        line.append(' ').append(" ".repeat(Math.max(0, 5 - level.length()))).append(level);
        line.append(" [").append(event.getThreadName()).append("] ");
        line.append(abbreviate(event.getLoggerName())).append(" : ");
        line.append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        if (event.getThrowableProxy() != null) {
            line.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append(CoreConstants.LINE_SEPARATOR);
        }
        return line.toString();
    }

    /** {@code io.offsetkit.server.fixture.FixtureSource} as {@code i.o.server.fixture.FixtureSource}. */
    static String abbreviate(String logger) {
        if (logger.length() <= LOGGER_WIDTH) {
            return logger;
        }
        String[] parts = logger.split("\\.");
        int length = logger.length();
        for (int i = 0; i < parts.length - 1 && length > LOGGER_WIDTH; i++) {
            length -= parts[i].length() - 1;
            parts[i] = parts[i].isEmpty() ? "" : parts[i].substring(0, 1);
        }
        return String.join(".", parts);
    }
}
