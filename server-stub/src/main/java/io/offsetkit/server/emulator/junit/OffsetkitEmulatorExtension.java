package io.offsetkit.server.emulator.junit;

import io.offsetkit.server.emulator.EmulatorFaults;
import io.offsetkit.server.emulator.EmulatorInstance;
import io.offsetkit.server.emulator.EmulatorOptions;
import io.offsetkit.server.emulator.OffsetkitEmulator;
import io.offsetkit.server.emulator.ResetJournal;
import io.offsetkit.server.emulator.RunningEmulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The emulator as a JUnit 5 extension, in two forms.
 *
 * <p>Registered with a builder, in a field, with the emulator's own {@link EmulatorOptions}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static OffsetkitEmulatorExtension emulator = OffsetkitEmulatorExtension.newInstance()
 *         .options(EmulatorOptions.options().auth(AuthMode.AKSK))
 *         .build();
 * }</pre>
 *
 * A static field gives one emulator per test class (started before the first test, stopped after
 * the last), which its {@code @Nested} classes share; an instance field one per test. Or declared
 * with {@link OffsetkitEmulatorTest} on the class. Either way the state is reset before each test
 * ({@link OffsetkitEmulator#reset()}: the starting data back, the journal empty, no fault) unless
 * built with {@link Builder#keepState()}. Test and lifecycle methods get the running emulator as a
 * parameter of type {@link RunningEmulator}; the field gives it as {@link #emulator()}, and its most
 * read values directly ({@link #baseUrl()}, {@link #instanceId()}, {@link #journal()}, ...).
 *
 * <p>What a test is handed has no close: the extension alone stops the emulator. An emulator that a
 * test stopped all the same (through a cast) is started again before the next test, on a new port.
 *
 * <p>Each extension has its own emulator on its own port, and keeps nothing in static fields, so
 * test classes run in parallel.
 */
public class OffsetkitEmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final OffsetkitEmulator configured; // built, with its options checked; null when declared by the annotation
    private final boolean keepStateConfigured;

    private OffsetkitEmulator emulator;
    private String startedBy; // the unique id of the class context whose beforeAll started it, or null
    private boolean perTest;
    private boolean keepState;

    /** The form {@link OffsetkitEmulatorTest} declares: its options come from the annotation. */
    public OffsetkitEmulatorExtension() {
        this(null, false);
    }

    private OffsetkitEmulatorExtension(OffsetkitEmulator configured, boolean keepState) {
        this.configured = configured;
        this.keepStateConfigured = keepState;
    }

    /** A builder, for {@code @RegisterExtension}. */
    public static Builder newInstance() {
        return new Builder();
    }

    /**
     * Starts the class's emulator. A {@code @Nested} class inherits its enclosing class's extension,
     * and JUnit calls this again for it: it shares the emulator that runs already, as WireMock's
     * extension shares its server.
     */
    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (emulator != null) {
            return;
        }
        start(context);
        startedBy = context.getUniqueId();
        perTest = false;
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        if (emulator == null) {
            start(context); // an instance field: one emulator for this test
            perTest = true;
        } else if (!emulator.isRunning()) {
            emulator.start(); // a test stopped it: the next one gets it back, in its starting state
        } else if (!keepState) {
            emulator.reset(); // the faults too
        } else {
            // The data stays from one test to the next; a test's faults never do.
            emulator.faults().clear();
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    /** Stops the emulator after the class that started it; a {@code @Nested} class's end leaves it running. */
    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (context.getUniqueId().equals(startedBy)) {
            stop();
        }
    }

    /** A parameter of type {@link RunningEmulator}; one of type {@link OffsetkitEmulator} is refused, saying why. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunningEmulator.class || type == OffsetkitEmulator.class;
    }

    @Override
    public synchronized Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == OffsetkitEmulator.class) {
            throw new ParameterResolutionException("the offsetkit emulator is injected as a RunningEmulator, not an"
                    + " OffsetkitEmulator, which a test could close under the next test: declare "
                    + parameter.getParameter().getName() + " as RunningEmulator in "
                    + parameter.getDeclaringExecutable());
        }
        if (emulator == null) {
            throw new ParameterResolutionException("the offsetkit emulator is not running for "
                    + parameter.getDeclaringExecutable() + ": register the extension in a static field, or"
                    + " annotate the class with @OffsetkitEmulatorTest");
        }
        return emulator;
    }

    /** {@link RunningEmulator#baseUrl()}. */
    public String baseUrl() {
        return running().baseUrl();
    }

    /** {@link RunningEmulator#port()}. */
    public int port() {
        return running().port();
    }

    /** {@link RunningEmulator#projectId()}. */
    public String projectId() {
        return running().projectId();
    }

    /** {@link RunningEmulator#instanceId()}. */
    public String instanceId() {
        return running().instanceId();
    }

    /** {@link RunningEmulator#accessKey()}. */
    public String accessKey() {
        return running().accessKey();
    }

    /** {@link RunningEmulator#secretKey()}. */
    public String secretKey() {
        return running().secretKey();
    }

    /** {@link RunningEmulator#token()}. */
    public String token() {
        return running().token();
    }

    /** This test's resets; emptied before the next test. */
    public ResetJournal journal() {
        return running().journal();
    }

    /** This test's faults, removed before the next test. */
    public EmulatorFaults faults() {
        return running().faults();
    }

    /** {@link RunningEmulator#instance()}. */
    public EmulatorInstance instance() {
        return running().instance();
    }

    /** The running emulator: what a test is injected, for what the methods above do not read. */
    public synchronized RunningEmulator emulator() {
        return running();
    }

    private synchronized RunningEmulator running() {
        if (emulator == null) {
            throw new IllegalStateException("the offsetkit emulator is not running: it runs from the extension's"
                    + " beforeAll (static field) or beforeEach (instance field)");
        }
        return emulator;
    }

    private void start(ExtensionContext context) {
        if (configured != null) {
            keepState = keepStateConfigured;
            emulator = configured.start(); // as built: its options were checked, its fixture read, once
            return;
        }
        OffsetkitEmulatorTest declared = AnnotationSupport.findAnnotation(
                        context.getRequiredTestClass(), OffsetkitEmulatorTest.class)
                .orElseThrow(() -> new ExtensionConfigurationException(
                        "OffsetkitEmulatorExtension without a builder needs @OffsetkitEmulatorTest on "
                                + context.getRequiredTestClass().getName()));
        EmulatorOptions options = EmulatorOptions.options()
                .auth(declared.auth())
                .port(declared.port())
                .requireOnlineConsumer(declared.requireOnlineConsumer());
        if (!declared.fixture().isEmpty()) {
            options.fixture(declared.fixture());
        }
        keepState = declared.keepState();
        try {
            emulator = new OffsetkitEmulator(options).start();
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(
                    "@OffsetkitEmulatorTest on "
                            + context.getRequiredTestClass().getName() + ": " + e.getMessage(),
                    e);
        }
    }

    private void stop() {
        if (emulator != null) {
            try {
                emulator.close();
            } finally {
                emulator = null;
                startedBy = null;
                perTest = false;
            }
        }
    }

    /**
     * How the extension's emulator is made: the emulator's own {@link EmulatorOptions}, and whether
     * the state is kept from one test to the next. {@link #build()} checks every option.
     */
    public static final class Builder {

        private EmulatorOptions options = EmulatorOptions.options();
        private boolean keepState;

        Builder() {}

        /** The emulator's options; its defaults when not given. */
        public Builder options(EmulatorOptions options) {
            if (options == null) {
                throw new IllegalArgumentException("options(null): give EmulatorOptions.options() and its changes");
            }
            this.options = options;
            return this;
        }

        /** Keeps the state from one test to the next: no reset before each test (the faults are removed still). */
        public Builder keepState() {
            this.keepState = true;
            return this;
        }

        /**
         * The extension.
         *
         * @throws IllegalArgumentException naming the option and its value when one is bad
         */
        public OffsetkitEmulatorExtension build() {
            // Checks every option and reads the fixture now, not at the first test nor again at each.
            return new OffsetkitEmulatorExtension(new OffsetkitEmulator(options), keepState);
        }
    }
}
