package io.offsetkit.server.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole server on a free port in {@code aksk} mode, with the key pairs of {@link #AK}/{@link #SK}
 * and another; every test class carrying it shares one running server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@RunningServer({
    "offsetkit.auth.mode=aksk",
    "offsetkit.auth.aksk=" + AkskServerOverHttpTest.AK + ":" + AkskServerOverHttpTest.SK + ",OTHERAK:other-secret"
})
public @interface AkskServerOverHttpTest {

    /** The access key the server knows. */
    String AK = "OFFSETKITTESTAK00001";

    /** Its secret key. */
    String SK = "offsetkitTestSecretKey000000000000000001";
}
