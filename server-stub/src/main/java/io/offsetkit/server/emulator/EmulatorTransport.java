package io.offsetkit.server.emulator;

import io.offsetkit.server.http.HttpServer;
import io.offsetkit.server.jdkhttp.JdkHttpServer;
import io.offsetkit.server.transport.Transport;
import java.util.Locale;

/**
 * Which HTTP server carries the emulator: the JDK's own ({@code com.sun.net.httpserver}), which starts
 * in a fraction of Jetty's time in a fresh JVM, wherever it answers as fast as Jetty on a kept-alive
 * connection; Jetty 12 elsewhere. The JDK's server answers without the 40 ms wait of Nagle's algorithm
 * against a delayed acknowledgement when it writes an answer in one write (JDK 23 and later) or when
 * the JVM was started with {@code -Dsun.net.httpserver.nodelay=true} (by its owner: a library does not
 * set a JVM-wide property). The system property {@value #PROPERTY} ({@code jdk} or {@code jetty})
 * chooses one explicitly.
 */
enum EmulatorTransport {
    /** Logs nothing as it starts (the JDK's own {@code System.Logger}, when it logs at all). */
    JDK(false),
    /** Logs through SLF4J as it starts: the logging is set up before it. */
    JETTY(true);

    /** The system property that chooses the transport explicitly. */
    static final String PROPERTY = OffsetkitEmulator.TRANSPORT_PROPERTY;

    /** The first JDK whose HTTP server writes an answer's headers and body in one write (JDK-6968351). */
    static final int ONE_WRITE_FEATURE = 23;

    private final boolean logs;

    EmulatorTransport(boolean logs) {
        this.logs = logs;
    }

    /**
     * The transport itself. Named here, not held by the constant, so that choosing one loads none of
     * the other's classes (Jetty's, when the JDK's server is chosen).
     */
    Transport transport() {
        return this == JDK ? JdkHttpServer.TRANSPORT : HttpServer.TRANSPORT;
    }

    /** Whether it logs through SLF4J as it starts, so that the start sets up the logging first. */
    boolean logs() {
        return logs;
    }

    /** The transport for this JVM: its system properties and its version. */
    static EmulatorTransport forThisJvm() {
        return choose(
                System.getProperty(PROPERTY),
                Runtime.version().feature(),
                Boolean.getBoolean("sun.net.httpserver.nodelay"));
    }

    /**
     * @param asked the value of {@value #PROPERTY}, or null
     * @param feature the JDK's feature version
     * @param noDelay whether the JDK's HTTP server sets TCP_NODELAY on its connections
     * @throws IllegalStateException when {@code asked} is neither {@code jdk} nor {@code jetty}
     */
    static EmulatorTransport choose(String asked, int feature, boolean noDelay) {
        if (asked != null && !asked.isBlank()) {
            String name = asked.trim().toLowerCase(Locale.ROOT);
            for (EmulatorTransport transport : values()) {
                if (transport.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return transport;
                }
            }
            throw new IllegalStateException(PROPERTY + "=" + asked + ": the emulator's transport is jdk or jetty");
        }
        return feature >= ONE_WRITE_FEATURE || noDelay ? JDK : JETTY;
    }
}
