package io.offsetkit.server.emulator;

import io.offsetkit.server.auth.AuthMode;

/**
 * A running emulator as the code that uses it sees it: where it listens, its ids and credentials to
 * hand to the code under test, its data, the journal of the resets it received and its faults on
 * demand; never its lifecycle. It is what the JUnit extension injects into a test, and what a {@link
 * EmulatorOptions#withData} callback is given, so neither can stop the emulator under the next test.
 * {@link OffsetkitEmulator} is one, with its start, reset and close.
 */
public interface RunningEmulator {

    /** {@code http://127.0.0.1:<port>}: the endpoint to give the SDK's builder or our client. */
    String baseUrl();

    /** The port it listens on. */
    int port();

    /** The project id of the emulator's instance ({@link #instance()}). */
    String projectId();

    /** The id of the emulator's instance: the fixture's first, else the first one {@link EmulatorOptions#withData} made. */
    String instanceId();

    /** How calls are authenticated. */
    AuthMode auth();

    /** The AK the emulator accepts (in mode {@link AuthMode#AKSK}; any signature passes in mode NONE). */
    String accessKey();

    /** The SK of {@link #accessKey()}. */
    String secretKey();

    /** The {@code X-Auth-Token} the emulator accepts in mode {@link AuthMode#TOKEN}. */
    String token();

    /** The token refused as expired (401 {@code DMS.10240102}) in modes TOKEN and AKSK. */
    String expiredToken();

    /** The token refused as another project's (401 {@code DMS.10240104}) in modes TOKEN and AKSK. */
    String otherProjectToken();

    /** The token that may read but not reset (403 {@code DMS.00403007} on a reset) in mode TOKEN. */
    String readOnlyToken();

    /** The AK that may read but not reset (403 {@code DMS.00403007} on a reset) in mode AKSK. */
    String readOnlyAccessKey();

    /** The SK of {@link #readOnlyAccessKey()}. */
    String readOnlySecretKey();

    /** Whether a reset needs a consumer of the group online ({@link EmulatorOptions#requireOnlineConsumer}). */
    boolean requiresOnlineConsumer();

    /** The resets received since the start or the last reset. */
    ResetJournal journal();

    /**
     * The faults on demand its calls get (documented errors, delays, connection resets, ...), set and
     * listed here or through the admin API's {@code /admin/faults}; none until set, and none after a
     * reset.
     */
    EmulatorFaults faults();

    /**
     * The emulator's instance ({@link #instanceId()}), to put groups, topics and messages in, and to
     * read a group's committed offsets from ({@link EmulatorInstance#committedOffsets}).
     */
    EmulatorInstance instance();

    /**
     * An instance of the store.
     *
     * @throws EmulatorFixtureException when there is no such instance
     */
    EmulatorInstance instance(String instanceId);

    /**
     * Creates an instance in a project, with brokers, or adds brokers to it.
     *
     * @throws EmulatorFixtureException for a bad name, or an instance of another project
     */
    EmulatorInstance putInstance(String instanceId, String projectId, String... brokers);

    /** A consumer of a group of the emulator's instance; see {@link EmulatorInstance#consumer}. */
    EmulatorConsumer consumer(String group, String clientId);
}
