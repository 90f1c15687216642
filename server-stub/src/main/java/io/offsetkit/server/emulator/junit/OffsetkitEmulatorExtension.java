package io.offsetkit.server.emulator.junit;

import io.offsetkit.server.emulator.CommittedOffset;
import io.offsetkit.server.emulator.EmulatorAuth;
import io.offsetkit.server.emulator.EmulatorFaults;
import io.offsetkit.server.emulator.EmulatorInstance;
import io.offsetkit.server.emulator.OffsetkitEmulator;
import io.offsetkit.server.emulator.ResetJournal;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
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
 * <p>Registered with a builder, in a field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static OffsetkitEmulatorExtension emulator = OffsetkitEmulatorExtension.newInstance()
 *         .auth(EmulatorAuth.AKSK)
 *         .build();
 * }</pre>
 *
 * A static field gives one emulator per test class (started before the first test, stopped after
 * the last), which its {@code @Nested} classes share; an instance field one per test. Or declared with {@link OffsetkitEmulatorTest} on the
 * class. Either way the state is reset before each test ({@link OffsetkitEmulator#reset()}: the
 * starting data back, the journal empty) unless built with {@link Builder#keepState()}, and test and
 * lifecycle methods get the emulator as a parameter of type {@link OffsetkitEmulator}.
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

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == OffsetkitEmulator.class;
    }

    @Override
    public synchronized Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (emulator == null) {
            throw new ParameterResolutionException("the offsetkit emulator is not running for "
                    + parameter.getDeclaringExecutable() + ": register the extension in a static field, or"
                    + " annotate the class with @OffsetkitEmulatorTest");
        }
        return emulator;
    }

    /** The running emulator. */
    public synchronized OffsetkitEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("the offsetkit emulator is not running: it runs from the extension's"
                    + " beforeAll (static field) or beforeEach (instance field)");
        }
        return emulator;
    }

    /** {@link OffsetkitEmulator#baseUrl()}. */
    public String baseUrl() {
        return emulator().baseUrl();
    }

    /** {@link OffsetkitEmulator#port()}. */
    public int port() {
        return emulator().port();
    }

    /** {@link OffsetkitEmulator#projectId()}. */
    public String projectId() {
        return emulator().projectId();
    }

    /** {@link OffsetkitEmulator#instanceId()}. */
    public String instanceId() {
        return emulator().instanceId();
    }

    /** {@link OffsetkitEmulator#accessKey()}. */
    public String accessKey() {
        return emulator().accessKey();
    }

    /** {@link OffsetkitEmulator#secretKey()}. */
    public String secretKey() {
        return emulator().secretKey();
    }

    /** {@link OffsetkitEmulator#token()}. */
    public String token() {
        return emulator().token();
    }

    /** {@link OffsetkitEmulator#faults()}: this test's faults, removed before the next test. */
    public EmulatorFaults faults() {
        return emulator().faults();
    }

    /** {@link OffsetkitEmulator#journal()}. */
    public ResetJournal journal() {
        return emulator().journal();
    }

    /** {@link OffsetkitEmulator#instance()}. */
    public EmulatorInstance instance() {
        return emulator().instance();
    }

    /** {@link OffsetkitEmulator#committedOffsets(String, String)}. */
    public List<CommittedOffset> committedOffsets(String group, String topic) {
        return emulator().committedOffsets(group, topic);
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
        OffsetkitEmulator.Builder builder = OffsetkitEmulator.builder()
                .auth(declared.auth())
                .port(declared.port())
                .requireOnlineConsumer(declared.requireOnlineConsumer());
        if (!declared.fixture().isEmpty()) {
            builder.fixture(declared.fixture());
        }
        keepState = declared.keepState();
        try {
            emulator = builder.start();
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
     * How the extension's emulator is made: the emulator's own options ({@link OffsetkitEmulator.Builder}),
     * and whether the state is kept from one test to the next. {@link #build()} checks every option.
     */
    public static final class Builder {

        private final OffsetkitEmulator.Builder emulator = OffsetkitEmulator.builder();
        private boolean keepState;

        Builder() {}

        /** See {@link OffsetkitEmulator.Builder#port(int)}. */
        public Builder port(int port) {
            emulator.port(port);
            return this;
        }

        /** See {@link OffsetkitEmulator.Builder#inMemory()}. */
        public Builder inMemory() {
            emulator.inMemory();
            return this;
        }

        /** See {@link OffsetkitEmulator.Builder#dataDirectory(Path)}. */
        public Builder dataDirectory(Path directory) {
            emulator.dataDirectory(directory);
            return this;
        }

        /** See {@link OffsetkitEmulator.Builder#fixture(String)}. */
        public Builder fixture(String location) {
            emulator.fixture(location);
            return this;
        }

        /** See {@link OffsetkitEmulator.Builder#fixture(Path)}. */
        public Builder fixture(Path file) {
            emulator.fixture(file);
            return this;
        }

        /** See {@link OffsetkitEmulator.Builder#withoutFixture()}. */
        public Builder withoutFixture() {
            emulator.withoutFixture();
            return this;
        }

        /** See {@link OffsetkitEmulator.Builder#withData(Consumer)}: kept across the resets between tests. */
        public Builder withData(Consumer<OffsetkitEmulator> data) {
            emulator.withData(data);
            return this;
        }

        /** See {@link OffsetkitEmulator.Builder#auth(EmulatorAuth)}. */
        public Builder auth(EmulatorAuth auth) {
            emulator.auth(auth);
            return this;
        }

        /** See {@link OffsetkitEmulator.Builder#credentials(String, String)}. */
        public Builder credentials(String accessKey, String secretKey) {
            emulator.credentials(accessKey, secretKey);
            return this;
        }

        /** See {@link OffsetkitEmulator.Builder#token(String)}. */
        public Builder token(String token) {
            emulator.token(token);
            return this;
        }

        /** See {@link OffsetkitEmulator.Builder#expiredToken(String)}. */
        public Builder expiredToken(String token) {
            emulator.expiredToken(token);
            return this;
        }

        /** See {@link OffsetkitEmulator.Builder#otherProjectToken(String)}. */
        public Builder otherProjectToken(String token) {
            emulator.otherProjectToken(token);
            return this;
        }

        /** See {@link OffsetkitEmulator.Builder#readOnlyToken(String)}. */
        public Builder readOnlyToken(String token) {
            emulator.readOnlyToken(token);
            return this;
        }

        /** See {@link OffsetkitEmulator.Builder#readOnlyCredentials(String, String)}. */
        public Builder readOnlyCredentials(String accessKey, String secretKey) {
            emulator.readOnlyCredentials(accessKey, secretKey);
            return this;
        }

        /** See {@link OffsetkitEmulator.Builder#requireOnlineConsumer(boolean)}. */
        public Builder requireOnlineConsumer(boolean required) {
            emulator.requireOnlineConsumer(required);
            return this;
        }

        /** Keeps the state from one test to the next: no reset before each test. */
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
            return new OffsetkitEmulatorExtension(emulator.build(), keepState);
        }
    }
}
