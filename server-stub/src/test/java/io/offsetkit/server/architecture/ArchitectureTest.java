package io.offsetkit.server.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.OffsetkitServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's dependencies, read from its compiled classes: a class file's constant pool holds the
 * name of every class it refers to, as UTF-8 ({@code org/eclipse/jetty/server/Request}), so a class
 * that refers to a package has the package's name among its bytes.
 */
class ArchitectureTest {

    private static final String JETTY = "org/eclipse/jetty/";
    private static final String SPRING = "org/springframework/";
    private static final String HTTP_PACKAGE = "io/offsetkit/server/http/";
    private static final String MAIN_CLASS = OffsetkitServer.class.getName().replace('.', '/') + ".class";

    private static Path classes;
    private static List<Path> serverClasses;

    @BeforeAll
    static void findTheServersClasses() throws Exception {
        classes = Path.of(OffsetkitServer.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        assertThat(classes).as("the server's classes are a directory").isDirectory();
        try (Stream<Path> files = Files.walk(classes.resolve("io/offsetkit/server"))) {
            serverClasses = files.filter(file -> file.toString().endsWith(".class"))
                    .sorted()
                    .toList();
        }
        assertThat(serverClasses).as("the server's classes").hasSizeGreaterThan(100);
    }

    private static String name(Path classFile) {
        return classes.relativize(classFile).toString().replace('\\', '/');
    }

    private static boolean refersTo(Path classFile, String packagePrefix) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains(packagePrefix);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + classFile, e);
        }
    }

    @Test
    void onlyTheHttpPackageAndTheMainClassReferToJetty() {
        List<String> outside = serverClasses.stream()
                .filter(file ->
                        !name(file).startsWith(HTTP_PACKAGE) && !name(file).equals(MAIN_CLASS))
                .filter(file -> refersTo(file, JETTY))
                .map(ArchitectureTest::name)
                .toList();

        assertThat(outside)
                .as("classes outside %s that refer to Jetty", HTTP_PACKAGE)
                .isEmpty();
    }

    @Test
    void theHttpPackageDoesReferToJetty() {
        // The check above can fail: the classes that serve HTTP are found by the same reading.
        assertThat(serverClasses.stream()
                        .filter(file -> name(file).startsWith(HTTP_PACKAGE))
                        .filter(file -> refersTo(file, JETTY))
                        .map(ArchitectureTest::name))
                .contains(HTTP_PACKAGE + "EngineHandler.class", HTTP_PACKAGE + "HttpServer.class");
    }

    @Test
    void noClassRefersToSpring() {
        List<String> spring = serverClasses.stream()
                .filter(file -> refersTo(file, SPRING))
                .map(ArchitectureTest::name)
                .toList();

        assertThat(spring).as("classes that refer to Spring").isEmpty();
    }
}
