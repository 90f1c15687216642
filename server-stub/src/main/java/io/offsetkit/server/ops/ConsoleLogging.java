package io.offsetkit.server.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's logging: one line per event on the console ({@link LogLineLayout}), INFO and above,
 * Jetty's own start-up chatter at WARN. Set up in code, which is quicker at start-up than a
 * configuration file; a file named by {@code -Dlogback.configurationFile}, or a {@code
 * logback-test.xml} or {@code logback.xml} on the class path, still takes precedence, so that an app
 * that has the server (or its emulator) on its test class path keeps its own logging. {@code
 * logging.level.*} settings change levels afterwards ({@link #setLevels}).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class ConsoleLogging extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || ConsoleLogging.class.getClassLoader().getResource("logback-test.xml") != null
                || ConsoleLogging.class.getClassLoader().getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // the app's own configuration: Logback reads it next
        }
        LogLineLayout layout = new LogLineLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setEncoder(encoder);
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Sets the level of each named logger ({@code root} for all), as {@code logging.level.*} gives
     * them. Does nothing when the logging in use is not Logback's.
     */
    public static void setLevels(Map<String, String> levels) {
        levels.forEach((name, level) -> {
            Logger logger = LoggerFactory.getLogger(
                    name.toLowerCase(Locale.ROOT).equals("root") ? Logger.ROOT_LOGGER_NAME : name);
            if (logger instanceof ch.qos.logback.classic.Logger logback) {
                logback.setLevel(Level.toLevel(level));
            }
        });
    }
}
