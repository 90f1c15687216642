package io.offsetkit.server.ops;

import io.offsetkit.server.error.ErrorText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request, at INFO on the logger {@value #LOGGER}, once its answer is known:
 * {@code <request id> <METHOD> <raw path and query> <status> <milliseconds>ms}. The method and path are
 * shown escaped and truncated ({@link ErrorText}) so that no request can forge or flood log lines.
 */
public final class AccessLog {

    /** The logger's name; set it to WARN to silence the access log. */
    public static final String LOGGER = "io.offsetkit.server.access";

    private static final int MAX_PATH_SHOWN = 512;

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    /** Logs a request. */
    public void log(String requestId, String method, String rawPath, String rawQuery, int status, long startedNanos) {
        if (log.isInfoEnabled()) {
            String path = rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
            log.info(
                    "{} {} {} {} {}ms",
                    requestId,
                    ErrorText.shown(String.valueOf(method)),
                    ErrorText.shown(String.valueOf(path), MAX_PATH_SHOWN),
                    status,
                    (System.nanoTime() - startedNanos) / 1_000_000);
        }
    }
}
