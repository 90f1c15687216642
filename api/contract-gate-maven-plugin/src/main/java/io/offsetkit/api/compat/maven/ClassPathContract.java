package io.offsetkit.api.compat.maven;

import io.offsetkit.api.compat.ContractDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipException;

/**
 * The offsetkit contract as a project's class path carries it: the resource {@value #RESOURCE} of
 * the first class path element that holds it. In a project that depends on {@code offsetkit-api}
 * that is the contract inside that jar; in the api module's own build, the one its build just
 * copied to {@code target/classes}.
 *
 * <p>Read from the files themselves, not through a class loader: the plugin must not depend on
 * {@code offsetkit-api} (the api module's build runs this plugin, so it builds before that jar
 * exists), and a class loader over the project's class path would have to be closed anyway.
 */
final class ClassPathContract {

    /** Where {@code offsetkit-api} keeps the contract; the path {@code OpenApiDocument.bundled()} reads. */
    static final String RESOURCE = "io/offsetkit/api/openapi.yaml";

    private ClassPathContract() {}

    /**
     * The contract of the first element of {@code classPath} (directories and jars, in class path
     * order) that holds {@value #RESOURCE}.
     *
     * @throws IllegalArgumentException when no element holds it, or it is not YAML or JSON
     * @throws UncheckedIOException when a jar that may hold it cannot be read
     */
    static ContractDocument find(List<String> classPath) {
        for (String element : classPath) {
            Path location = Path.of(element);
            if (Files.isDirectory(location)) {
                Path file = location.resolve(RESOURCE);
                if (Files.isRegularFile(file)) {
                    return ContractDocument.read(file);
                }
            } else if (Files.isRegularFile(location)) {
                ContractDocument inJar = fromJar(location);
                if (inJar != null) {
                    return inJar;
                }
            }
        }
        throw new IllegalArgumentException("No " + RESOURCE + " on the project's class path, so there is no"
                + " offsetkit contract to compare: add the dependency io.offsetkit:offsetkit-api, or set both"
                + " <baseline> and <current>");
    }

    private static ContractDocument fromJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry entry = file.getJarEntry(RESOURCE);
            if (entry == null) {
                return null;
            }
            try (InputStream in = file.getInputStream(entry)) {
                // Named by jar and entry, so that a report says which offsetkit-api release it compared.
                return ContractDocument.parse(jar.getFileName() + "!/" + RESOURCE, in.readAllBytes());
            }
        } catch (ZipException notAnArchive) {
            return null; // a class path may hold other files (native libraries, say): none is the contract
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar + " on the project's class path: " + e.getMessage(), e);
        }
    }
}
