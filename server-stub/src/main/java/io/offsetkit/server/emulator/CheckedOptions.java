package io.offsetkit.server.emulator;

import io.offsetkit.server.auth.AuthMode;
import io.offsetkit.server.fixture.FixtureException;
import io.offsetkit.server.fixture.FixtureFile;
import io.offsetkit.server.fixture.FixtureSource;
import io.offsetkit.server.fixture.FixtureSpec;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@link EmulatorOptions} an emulator is made with, checked: each bad value is refused by {@link
 * OffsetkitEmulator#OffsetkitEmulator(EmulatorOptions)} naming the option and the value. The accepted
 * and refused credentials reach the engine as they are, in typed settings ({@link EmulatorSettings}),
 * so a token or a secret key may hold any character but white space.
 *
 * @param port the port, 0 for a free one
 * @param dataDirectory the directory of the store's files, or null for memory
 * @param fixtureLocation the fixture's location as given ({@code none} for none)
 * @param bundled whether it is the bundled fixture, which is read once per JVM when first needed
 * @param fixture the fixture read from it, or null for none or the bundled one
 * @param data what the emulator runs on its fixture API once the fixture is in
 * @param auth how calls are authenticated
 * @param accessKey the AK the emulator accepts
 * @param secretKey its SK
 * @param token the token the emulator accepts
 * @param requireOnlineConsumer whether a reset needs a consumer of the group online, as the service does
 * @param refused the credentials the emulator holds only to refuse them
 */
record CheckedOptions(
        int port,
        Path dataDirectory,
        String fixtureLocation,
        boolean bundled,
        FixtureSpec fixture,
        List<Consumer<RunningEmulator>> data,
        AuthMode auth,
        String accessKey,
        String secretKey,
        String token,
        boolean requireOnlineConsumer,
        Refused refused) {

    /**
     * The credentials an emulator holds only to refuse them, as the service refuses them (in modes
     * {@link AuthMode#TOKEN} and {@link AuthMode#AKSK}): an expired token (401 {@code
     * DMS.10240102}), a token of another project (401 {@code DMS.10240104}), and a read-only token and
     * AK/SK pair (403 {@code DMS.00403007} on a reset).
     */
    record Refused(
            String expiredToken,
            String otherProjectToken,
            String readOnlyToken,
            String readOnlyAccessKey,
            String readOnlySecretKey) {

        /** The defaults, distinct from the accepted credentials' defaults. */
        static final Refused DEFAULTS = new Refused(
                "offsetkit-emulator-expired-token",
                "offsetkit-emulator-other-project-token",
                "offsetkit-emulator-read-only-token",
                "OFFSETKITEMULATORREADONLYKEY",
                "offsetkit-emulator-read-only-secret-key");
    }

    /** The AK an emulator accepts unless told otherwise. */
    static final String DEFAULT_ACCESS_KEY = "OFFSETKITEMULATORACCESSKEY";

    /** The SK an emulator accepts unless told otherwise. */
    static final String DEFAULT_SECRET_KEY = "offsetkit-emulator-secret-key";

    /** The token an emulator accepts unless told otherwise. */
    static final String DEFAULT_TOKEN = "offsetkit-emulator-token";

    /**
     * An access key: no white space (a header's value is trimmed), and no ':', which ends the access
     * key in the pair the authentication settings hold ({@code AK:SK}).
     */
    private static final String ACCESS_KEY = "[^\\s:]+";

    /** A token or a secret key: any character but white space. */
    private static final String SECRET = "\\S+";

    CheckedOptions {
        data = List.copyOf(data);
    }

    /**
     * Checks every option and reads the fixture.
     *
     * @throws IllegalArgumentException naming the option and the value
     */
    static CheckedOptions checked(
            int port,
            Path dataDirectory,
            String fixtureLocation,
            List<Consumer<RunningEmulator>> data,
            AuthMode auth,
            String accessKey,
            String secretKey,
            String token,
            boolean requireOnlineConsumer,
            Refused refused) {
        if (port < 0 || port > 65535) {
            throw invalid("port(" + port + ")", "it must be between 0 and 65535 (0: a free port)");
        }
        if (dataDirectory != null && Files.exists(dataDirectory) && !Files.isDirectory(dataDirectory)) {
            throw invalid("dataDirectory(" + dataDirectory + ")", "it is a file, not a directory");
        }
        if (auth == null) {
            throw invalid("auth(null)", "it must be one of NONE, TOKEN, AKSK");
        }
        if (accessKey == null || !accessKey.matches(ACCESS_KEY)) {
            throw invalid(
                    "credentials(" + shown(accessKey) + ", ...)",
                    "the access key must be non-empty, without white space or ':'");
        }
        if (secretKey == null || !secretKey.matches(SECRET)) {
            throw invalid(
                    "credentials(..., secret key of "
                            + (secretKey == null ? "null" : secretKey.length() + " characters") + ")",
                    "the secret key must be non-empty, without white space");
        }
        tokenLike("token", token);
        tokenLike("expiredToken", refused.expiredToken());
        tokenLike("otherProjectToken", refused.otherProjectToken());
        tokenLike("readOnlyToken", refused.readOnlyToken());
        if (refused.readOnlyAccessKey() == null || !refused.readOnlyAccessKey().matches(ACCESS_KEY)) {
            throw invalid(
                    "readOnlyCredentials(" + shown(refused.readOnlyAccessKey()) + ", ...)",
                    "the access key must be non-empty, without white space or ':'");
        }
        tokenLike("readOnlyCredentials(..., secret key)", refused.readOnlySecretKey());
        if (refused.readOnlyAccessKey().equals(accessKey)) {
            throw invalid(
                    "readOnlyCredentials(" + shown(refused.readOnlyAccessKey()) + ", ...)",
                    "it is the access key of credentials(...), which may reset; give another");
        }
        List<String> tokens =
                List.of(token, refused.expiredToken(), refused.otherProjectToken(), refused.readOnlyToken());
        if (tokens.stream().distinct().count() < tokens.size()) {
            throw invalid(
                    "token, expiredToken, otherProjectToken, readOnlyToken",
                    "each must differ from the others: a token is accepted, refused as expired, refused as"
                            + " another project's or read-only, never two of these");
        }
        boolean bundled = FixtureFile.DEFAULT.equals(fixtureLocation);
        FixtureSpec fixture = bundled ? null : fixture(fixtureLocation);
        return new CheckedOptions(
                port,
                dataDirectory,
                fixtureLocation,
                bundled,
                fixture,
                data,
                auth,
                accessKey,
                secretKey,
                token,
                requireOnlineConsumer,
                refused);
    }

    /** The fixture the store starts with, or null for none. */
    FixtureSpec startingFixture() {
        return bundled ? Bundled.FIXTURE : fixture;
    }

    private static FixtureSpec fixture(String location) {
        if (location == null || location.isBlank()) {
            throw invalid("fixture(" + shown(location) + ")", "give a file, classpath:..., or none");
        }
        if (FixtureSource.NONE.equals(location)) {
            return null;
        }
        String given = "fixture(\"" + location + "\")";
        InputStream in;
        try {
            in = FixtureSource.open(location, given);
        } catch (FixtureException e) {
            throw new IllegalArgumentException(e.getMessage(), e); // it names the option already
        }
        try {
            return FixtureFile.read(in, location);
        } catch (FixtureException e) {
            throw new IllegalArgumentException(given + ": " + e.getMessage(), e);
        }
    }

    /** A token's rule: non-empty, without white space; the message gives its length only. */
    private static void tokenLike(String option, String value) {
        if (value == null || !value.matches(SECRET)) {
            throw invalid(
                    option
                            + (option.endsWith(")")
                                    ? ""
                                    : "(" + (value == null ? "null" : value.length() + " characters") + ")"),
                    "it must be non-empty, without white space");
        }
    }

    private static String shown(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static IllegalArgumentException invalid(String option, String reason) {
        return new IllegalArgumentException(option + ": " + reason);
    }

    /**
     * The bundled fixture, read at its first use in the JVM (while the HTTP server starts) and then
     * shared: it is immutable. Read from the compact form the build wrote ({@link
     * FixtureSource#read}), with no YAML parser loaded.
     */
    private static final class Bundled {
        static final FixtureSpec FIXTURE =
                FixtureSource.read(FixtureFile.DEFAULT, "fixture(\"" + FixtureFile.DEFAULT + "\")");
    }
}
