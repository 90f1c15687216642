package io.offsetkit.server.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole server on a random port, with the embedded store and its default fixture in a fresh
 * data directory under {@code target/}; every test class carrying it shares one running server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "offsetkit.data-dir=target/test-data/web-${random.uuid}",
            // one line per request is the server's default; in the test log it drowns the failures
            "logging.level.io.offsetkit.server.access=WARN"
        })
public @interface ServerOverHttpTest {}
