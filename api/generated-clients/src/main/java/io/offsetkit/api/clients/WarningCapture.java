package io.offsetkit.api.clients;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Collects every log event at WARN or above, from any logger (the generators', their templates'
 * and the parser's), while it is open; nothing else is printed. openapi-generator reports what it
 * had to change or drop in a document only this way, as log events, never in its result.
 *
 * <p>Open one capture at a time: it owns the process's Logback configuration while open, and
 * leaves it reset (no appender) when closed.
 */
final class WarningCapture implements AutoCloseable {

    private final LoggerContext context;
    private final List<ILoggingEvent> events = new ArrayList<>();

    private WarningCapture(LoggerContext context) {
        this.context = context;
    }

    /** Starts collecting. */
    static WarningCapture open() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("the generators' warnings are read through Logback, but SLF4J is bound to "
                    + LoggerFactory.getILoggerFactory().getClass().getName()
                    + ": keep slf4j-simple (openapi-generator's own provider) off the class path");
        }
        WarningCapture capture = new WarningCapture(context);
        context.reset();
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
                    synchronized (capture.events) {
                        capture.events.add(event);
                    }
                }
            }
        };
        appender.setContext(context);
        appender.setName("generator-warnings");
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(appender);
        return capture;
    }

    /** The messages of the events collected so far, in the order they were logged. */
    List<String> messages() {
        synchronized (events) {
            return events.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Override
    public void close() {
        context.reset();
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
    }
}
