package io.offsetkit.server.emulator.junit;

import io.offsetkit.server.emulator.EmulatorAuth;
import io.offsetkit.server.emulator.OffsetkitEmulator;
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
 * Test and lifecycle methods get it as a parameter of type {@link OffsetkitEmulator}:
 *
 * <pre>{@code
 * @OffsetkitEmulatorTest(auth = EmulatorAuth.AKSK)
 * class BillingTest {
 *     @Test
 *     void resetsBilling(OffsetkitEmulator emulator) { ... emulator.baseUrl() ... }
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
    EmulatorAuth auth() default EmulatorAuth.NONE;

    /**
     * The fixture the store starts with: a file path, {@code classpath:...} or {@code none}; empty
     * (the default) for the bundled one, the contract's documented example.
     */
    String fixture() default "";

    /**
     * Whether a reset needs a consumer of the group online, as the service does (true, the default);
     * see {@link OffsetkitEmulator.Builder#requireOnlineConsumer(boolean)}.
     */
    boolean requireOnlineConsumer() default true;

    /** The port; 0 (the default) for a free one. */
    int port() default 0;

    /** Whether the state carries over from one test to the next instead of being reset before each. */
    boolean keepState() default false;
}
