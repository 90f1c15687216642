package io.offsetkit.server.emulator;

import io.offsetkit.server.admin.AdminApi;
import io.offsetkit.server.auth.AuthMode;
import io.offsetkit.server.fault.Faults;
import io.offsetkit.server.store.InstanceView;
import java.util.List;

/**
 * A running emulator as the code that uses it sees it: where it listens, its ids and credentials to
 * hand to the code under test, its data, the journal of the resets it received and its faults on
 * demand; never its lifecycle. It is what the JUnit extension injects into a test, and what a {@link
 * EmulatorOptions#withData} callback is given, so neither can stop the emulator under the next test.
 * {@link OffsetkitEmulator} is the one kind, with its start, reset and close.
 */
public abstract sealed class RunningEmulator permits OffsetkitEmulator {

    final CheckedOptions options;
    final ResetJournal journal = new ResetJournal();
    final Faults sharedFaults = new Faults(); // one across the engines the resets make
    final EmulatorFaults faults = new EmulatorFaults(sharedFaults);
    final EmulatorStore store;
    final FixtureCalls calls;

    RunningEmulator(CheckedOptions options) {
        this.options = options;
        this.store = new EmulatorStore(options);
        this.calls = new FixtureCalls(() -> new AdminApi(store.current()));
    }

    /** Where it listens, when it runs. */
    abstract EmulatorLifecycle lifecycle();

    /** {@code http://127.0.0.1:<port>}: the endpoint to give the SDK's builder or our client. */
    public final String baseUrl() {
        return lifecycle().baseUrl();
    }

    /** The port it listens on. */
    public final int port() {
        return lifecycle().port();
    }

    /** The project id of the emulator's instance ({@link #instance()}). */
    public final String projectId() {
        return defaultInstance().projectId();
    }

    /** The id of the emulator's instance: the fixture's first, else the first one {@link EmulatorOptions#withData} made. */
    public final String instanceId() {
        return defaultInstance().instanceId();
    }

    /** How calls are authenticated. */
    public final AuthMode auth() {
        return options.auth();
    }

    /** The AK the emulator accepts (in mode {@link AuthMode#AKSK}; any signature passes in mode NONE). */
    public final String accessKey() {
        return options.accessKey();
    }

    /** The SK of {@link #accessKey()}. */
    public final String secretKey() {
        return options.secretKey();
    }

    /** The {@code X-Auth-Token} the emulator accepts in mode {@link AuthMode#TOKEN}. */
    public final String token() {
        return options.token();
    }

    /** The token refused as expired (401 {@code DMS.10240102}) in modes TOKEN and AKSK. */
    public final String expiredToken() {
        return options.refused().expiredToken();
    }

    /** The token refused as another project's (401 {@code DMS.10240104}) in modes TOKEN and AKSK. */
    public final String otherProjectToken() {
        return options.refused().otherProjectToken();
    }

    /** The token that may read but not reset (403 {@code DMS.00403007} on a reset) in mode TOKEN. */
    public final String readOnlyToken() {
        return options.refused().readOnlyToken();
    }

    /** The AK that may read but not reset (403 {@code DMS.00403007} on a reset) in mode AKSK. */
    public final String readOnlyAccessKey() {
        return options.refused().readOnlyAccessKey();
    }

    /** The SK of {@link #readOnlyAccessKey()}. */
    public final String readOnlySecretKey() {
        return options.refused().readOnlySecretKey();
    }

    /** Whether a reset needs a consumer of the group online ({@link EmulatorOptions#requireOnlineConsumer}). */
    public final boolean requiresOnlineConsumer() {
        return options.requireOnlineConsumer();
    }

    /** The resets received since the start or the last reset. */
    public final ResetJournal journal() {
        return journal;
    }

    /**
     * The faults on demand its calls get (documented errors, delays, connection resets, ...), set and
     * listed here or through the admin API's {@code /admin/faults}; none until set, and none after a
     * reset.
     */
    public final EmulatorFaults faults() {
        return faults;
    }

    /**
     * The emulator's instance ({@link #instanceId()}), to put groups, topics and messages in, and to
     * read a group's committed offsets from ({@link EmulatorInstance#committedOffsets}).
     */
    public final EmulatorInstance instance() {
        return instance(instanceId());
    }

    /**
     * An instance of the store.
     *
     * @throws EmulatorFixtureException when there is no such instance
     */
    public final EmulatorInstance instance(String instanceId) {
        InstanceView view = calls.call(admin -> admin.instance(instanceId));
        return new EmulatorInstance(calls, view.instanceId(), view.projectId());
    }

    /**
     * Creates an instance in a project, with brokers, or adds brokers to it.
     *
     * @throws EmulatorFixtureException for a bad name, or an instance of another project
     */
    public final EmulatorInstance putInstance(String instanceId, String projectId, String... brokers) {
        InstanceView view = calls.call(admin -> admin.putInstance(instanceId, projectId, List.of(brokers)));
        store.put(view);
        return new EmulatorInstance(calls, view.instanceId(), view.projectId());
    }

    /** A consumer of a group of the emulator's instance; see {@link EmulatorInstance#consumer}. */
    public final EmulatorConsumer consumer(String group, String clientId) {
        return instance().consumer(group, clientId);
    }

    private EmulatorStore.Ids defaultInstance() {
        store.current(); // says when it is not running
        EmulatorStore.Ids ids = store.defaultInstance();
        if (ids == null) {
            throw new IllegalStateException("the emulator holds no instance: give it a fixture, or make one with"
                    + " putInstance (in EmulatorOptions.withData to keep it across resets)");
        }
        return ids;
    }
}
