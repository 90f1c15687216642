package io.offsetkit.server.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole server on a free port, with the embedded store and its default fixture in a fresh data
 * directory under {@code target/}; every test class carrying it shares one running server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@RunningServer
public @interface ServerOverHttpTest {}
