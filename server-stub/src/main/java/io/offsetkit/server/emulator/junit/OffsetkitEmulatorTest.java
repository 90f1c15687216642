package io.offsetkit.server.emulator.junit;

import io.offsetkit.server.auth.AuthMode;
import io.offsetkit.server.emulator.EmulatorOptions;
import io.offsetkit.server.emulator.RunningEmulator;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One emulator for the test class, started before its first test on a free port (unless {@link
 * #port()} says one), reset before each test (unless {@link #keepState()}), stopped after the last.
 * Test and lifecycle methods get it as a parameter of type {@link RunningEmulator}:
 *
 * <pre>{@code
 * @OffsetkitEmulatorTest(auth = AuthMode.AKSK)
 * class BillingTest {
 *     @Test
 *     void resetsBilling(RunningEmulator emulator) { ... emulator.baseUrl() ... }
 * }
 * }</pre>
 *
 * For options beyond these (a data directory, data added in code, other credentials), register an
 * {@link OffsetkitEmulatorExtension} built with {@link OffsetkitEmulatorExtension#newInstance()}
 * instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(OffsetkitEmulatorExtension.class)
public @interface OffsetkitEmulatorTest {

    /** How calls are authenticated. */
    AuthMode auth() default AuthMode.NONE;

    /**
     * The fixture the store starts with: a file path, {@code classpath:...} or {@code none}; empty
     * (the default) for the bundled one, the contract's documented example.
     */
    String fixture() default "";

    /**
     * Whether a reset needs a consumer of the group online, as the service does (true, the default);
     * see {@link EmulatorOptions#requireOnlineConsumer(boolean)}.
     */
    boolean requireOnlineConsumer() default true;

    /** The port; 0 (the default) for a free one. */
    int port() default 0;

    /** Whether the state carries over from one test to the next instead of being reset before each. */
    boolean keepState() default false;
}
