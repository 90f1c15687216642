package io.offsetkit.conformance.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This kit's version, written into a resource by the build. */
public final class KitVersion {

    private static final String RESOURCE = "io/offsetkit/conformance/kit.properties";

    private KitVersion() {}

    /** The version, such as {@code 0.1.0-SNAPSHOT}; {@code unknown} when the resource is missing. */
    public static String get() {
        try (InputStream in = KitVersion.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
