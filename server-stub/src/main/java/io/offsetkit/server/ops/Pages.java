package io.offsetkit.server.ops;

import io.offsetkit.server.call.Answer;
import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.error.ErrorText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's own pages, outside the contract: the contract itself, the admin API's document,
 * Swagger UI (our page and its initializer, and Swagger UI's files from the {@code
 * org.webjars:swagger-ui} jar, so nothing is fetched from the internet). Files are read from the
 * class path once and kept. Thread-safe.
 */
public final class Pages {

    /** Where the contract is served. */
    public static final String CONTRACT = "/openapi.yaml";

    /** Where Swagger UI is. */
    public static final String SWAGGER_UI = "/swagger-ui/index.html";

    private static final String CONTRACT_RESOURCE = "io/offsetkit/api/openapi.yaml";
    private static final String ADMIN_CONTRACT_RESOURCE = "io/offsetkit/server/admin/admin-openapi.yaml";
    private static final String OUR_SWAGGER_FILES = "io/offsetkit/server/ops/swagger-ui/";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String WEBJAR_VERSION = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String YAML = "application/yaml";

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private volatile String webjarVersion;

    /** The contract, byte for byte as shipped in the api jar. */
    public Answer contract() {
        return Answer.of(200, YAML, resource(CONTRACT_RESOURCE));
    }

    /** The admin API's document. */
    public Answer adminContract() {
        return Answer.of(200, YAML, resource(ADMIN_CONTRACT_RESOURCE));
    }

    /** A file of our Swagger UI page ({@code index.html}, {@code offsetkit-initializer.js}). */
    public Answer swaggerFile(String name) {
        return file(OUR_SWAGGER_FILES, name);
    }

    /** A file of Swagger UI itself, from its webjar; 404 in a build without it (the standalone jar). */
    public Answer webjarFile(String name) {
        String version = webjarVersion();
        if (version == null) {
            throw new DmsException(
                    DmsError.URL_NOT_FOUND,
                    "Swagger UI's files are not in this build of the server; the contract is at " + CONTRACT + ".");
        }
        return file(WEBJAR + version + "/", name);
    }

    private Answer file(String directory, String name) {
        // The router has decoded the name and refused '/' and '\' in it: it cannot leave the directory.
        if (name.startsWith(".")) {
            throw notFound(name);
        }
        // A missing file is not kept (computeIfAbsent keeps no null): names asked for in vain cannot fill the map.
        byte[] bytes = files.computeIfAbsent(directory + name, Pages::readOrNull);
        if (bytes == null) {
            throw notFound(name);
        }
        return Answer.of(200, mediaType(name), bytes);
    }

    private String webjarVersion() {
        String version = webjarVersion;
        if (version == null) {
            Properties properties = new Properties();
            if (Pages.class.getClassLoader().getResource(WEBJAR_VERSION) == null) {
                return null;
            }
            try (InputStream in = resourceStream(WEBJAR_VERSION)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("the swagger-ui webjar's version cannot be read", e);
            }
            version = properties.getProperty("version");
            webjarVersion = version;
        }
        return version;
    }

    /**
     * A file the server cannot do without, read once.
     *
     * @throws IllegalStateException when it is missing from the class path (a broken build)
     */
    byte[] resource(String name) {
        return files.computeIfAbsent(name, key -> {
            byte[] bytes = readOrNull(key);
            if (bytes == null) {
                throw new IllegalStateException(key + " is missing from the class path");
            }
            return bytes;
        });
    }

    /** The bytes of a file on the class path, or null when there is none. */
    private static byte[] readOrNull(String name) {
        try (InputStream in = Pages.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the class path", e);
        }
    }

    private static InputStream resourceStream(String name) throws IOException {
        InputStream in = Pages.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing from the class path");
        }
        return in;
    }

    private static DmsException notFound(String name) {
        return new DmsException(DmsError.URL_NOT_FOUND, "There is no file " + ErrorText.quote(name) + " here.");
    }

    private static String mediaType(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        return switch (extension) {
            case "html" -> "text/html; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "json", "map" -> "application/json";
            case "png" -> "image/png";
            case "svg" -> "image/svg+xml";
            case "yaml", "yml" -> YAML;
            default -> "application/octet-stream";
        };
    }
}
