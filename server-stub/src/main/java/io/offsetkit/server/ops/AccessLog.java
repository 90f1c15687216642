package io.offsetkit.server.ops;

import io.offsetkit.server.error.ErrorText;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request, at INFO on the logger {@value #LOGGER}, once its answer is known:
 * {@code <request id> <METHOD> <raw path and query> <status> <milliseconds>ms}. The method and path are
 * shown escaped and truncated ({@link ErrorText}) so that no request can forge or flood log lines.
 *
 * <p>The logger is made at the first line logged, and an access log the settings silence ({@link
 * #of}) logs none and makes none: a server whose access log is off (the emulator's) sets up no
 * logging for it.
 */
public final class AccessLog {

    /** The logger's name; set it to WARN to silence the access log. */
    public static final String LOGGER = "io.offsetkit.server.access";

    private static final int MAX_PATH_SHOWN = 512;

    /** The levels, in a {@code logging.level.*} setting, above the access log's INFO. */
    private static final Set<String> SILENCING = Set.of("WARN", "ERROR", "OFF");

    private final boolean on;

    /** An access log that logs whenever its logger is enabled at INFO. */
    public AccessLog() {
        this(true);
    }

    private AccessLog(boolean on) {
        this.on = on;
    }

    /**
     * The access log of these {@code logging.level.*} settings (logger name to level): off when they
     * put {@value #LOGGER} at WARN, ERROR or OFF, whatever the logging framework's own configuration;
     * else one that follows its logger's level.
     */
    public static AccessLog of(Map<String, String> levels) {
        String level = levels.get(LOGGER);
        return new AccessLog(level == null || !SILENCING.contains(level.trim().toUpperCase(Locale.ROOT)));
    }

    /** Whether it may log (its logger may still be above INFO). */
    public boolean isOn() {
        return on;
    }

    /** Logs a request. */
    public void log(String requestId, String method, String rawPath, String rawQuery, int status, long startedNanos) {
        if (on && Log.LOGGER.isInfoEnabled()) {
            String path = rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
            Log.LOGGER.info(
                    "{} {} {} {} {}ms",
                    requestId,
                    ErrorText.shown(String.valueOf(method)),
                    ErrorText.shown(String.valueOf(path), MAX_PATH_SHOWN),
                    status,
                    (System.nanoTime() - startedNanos) / 1_000_000);
        }
    }

    /** The logger, made at the first line logged. */
    private static final class Log {

        static final Logger LOGGER = LoggerFactory.getLogger(AccessLog.LOGGER);
    }
}
