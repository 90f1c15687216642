package io.offsetkit.server.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole server on a free port in {@code token} mode, accepting {@link #FIRST} and {@link #SECOND};
 * every test class carrying it shares one running server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@RunningServer({
    "offsetkit.auth.mode=token",
    "offsetkit.auth.tokens=" + TokenServerOverHttpTest.FIRST + "," + TokenServerOverHttpTest.SECOND
})
public @interface TokenServerOverHttpTest {

    /** A token the server accepts. */
    String FIRST = "first-token";

    /** Another token the server accepts. */
    String SECOND = "second-token";
}
