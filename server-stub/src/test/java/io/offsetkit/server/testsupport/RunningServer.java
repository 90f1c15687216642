package io.offsetkit.server.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that talks to a running reference server ({@link TestServer}) over HTTP: the server
 * is started once for every class that asks for the same settings, and stopped when the test run
 * ends. The class gets the server in a field annotated {@link Server} (an {@code int} receives its
 * port, a {@link TestServer} the server itself).
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RunningServerExtension.class)
public @interface RunningServer {

    /** Settings by their documented names, each {@code name=value}. */
    String[] value() default {};

    /** Marks the field that receives the server (a {@link TestServer}) or its port (an {@code int}). */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Server {}
}
