package io.offsetkit.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The client's version, from a resource the build fills in ({@value #RESOURCE}), so that the
 * {@code User-Agent} names the exact release even when the classes are repackaged without a
 * manifest.
 */
final class ClientVersion {

    static final String RESOURCE = "io/offsetkit/client/offsetkit-client.properties";

    /** This jar's version, such as {@code 0.1.0}. */
    static final String VERSION = load();

    /** The product token of the {@code User-Agent}. */
    static final String USER_AGENT = "offsetkit-client/" + VERSION;

    private ClientVersion() {}

    private static String load() {
        try (InputStream in = ClientVersion.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the offsetkit-client jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            if (version == null || version.isBlank() || version.startsWith("${")) {
                throw new IllegalStateException(RESOURCE + " has no filtered version: " + version);
            }
            return version.trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
