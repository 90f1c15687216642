package io.offsetkit.emulatorit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the standalone jar holds and refers to, read from the jar the build made. */
class StandaloneJarTest {

    private static final String OWN = "io/offsetkit/server/";
    private static final String SHADED = "io/offsetkit/server/standalone/shaded/";

    /** Packages an app's JVM always has. */
    private static final List<String> JDK =
            List.of("java/", "javax/", "jdk/", "sun/", "com/sun/", "org/w3c/", "org/xml/", "org/ietf/");

    /** JUnit's API, which the app's tests bring (a provided dependency of the jar). */
    private static final List<String> APP_PROVIDED = List.of("org/junit/", "org/opentest4j/", "org/apiguardian/");

    /**
     * The RocketMQ backend's classes, left out with RocketMQ's libraries: the engine reaches them only
     * with {@code offsetkit.backend=rocketmq}, which the emulator never sets.
     */
    private static final Set<String> LEFT_OUT = Set.of(
            "io/offsetkit/server/rocketmq/RocketMqOffsetBackend",
            "io/offsetkit/server/rocketmq/RocketMqCluster",
            "io/offsetkit/server/rocketmq/BrokerReset");

    private static final Map<String, Set<String>> references = new TreeMap<>();
    private static final Set<String> classes = new TreeSet<>();
    private static final Set<String> resources = new TreeSet<>();

    @BeforeAll
    static void readTheJar() throws IOException {
        Path jar = Path.of(System.getProperty("offsetkit.standalone.jar"));
        assertThat(jar)
                .as("the standalone jar (built by the standalone module)")
                .isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                if (name.endsWith(".class")) {
                    String className = name.substring(0, name.length() - ".class".length());
                    classes.add(className);
                    try (InputStream in = file.getInputStream(entry)) {
                        references.put(className, ClassReferences.of(in));
                    }
                } else {
                    resources.add(name);
                }
            }
        }
        assertThat(classes).as("the jar's classes").hasSizeGreaterThan(3000);
    }

    @Test
    void everyClassIsTheServersOwnOrRelocated() {
        List<String> elsewhere =
                classes.stream().filter(name -> !name.startsWith(OWN)).toList();

        assertThat(elsewhere).as("classes outside " + OWN).isEmpty();
        assertThat(classes)
                .contains(SHADED + "org/eclipse/jetty/server/Server", SHADED + "tools/jackson/core/JsonParser");
    }

    @Test
    void everyResourceIsTheServersOrTheContractOrTheJarsOwnMetadata() {
        List<String> elsewhere = resources.stream()
                .filter(name -> !name.startsWith(OWN)
                        && !name.startsWith("META-INF/")
                        && !name.equals("io/offsetkit/api/openapi.yaml"))
                .toList();
        List<String> services = resources.stream()
                .filter(name -> name.startsWith("META-INF/services/"))
                .filter(name -> !name.startsWith("META-INF/services/" + SHADED.replace('/', '.')))
                .toList();

        assertThat(elsewhere).as("resources outside the server's packages").isEmpty();
        assertThat(services)
                .as("service files an app's ServiceLoader would read")
                .isEmpty();
        assertThat(resources)
                .noneMatch(name -> name.startsWith("META-INF/resources/") || name.startsWith("META-INF/versions/"));
    }

    /** The packages the jar relocated (the shade plugin's relocations in the standalone module). */
    private static final List<String> RELOCATED = List.of(
            "org/eclipse/jetty/",
            "tools/jackson/",
            "com/fasterxml/jackson/",
            "org/snakeyaml/",
            "picocli/",
            "io/micrometer/",
            "io/prometheus/",
            "org/HdrHistogram/",
            "org/LatencyUtils/",
            "org/jspecify/",
            "org/slf4j/",
            "ch/qos/logback/",
            "io/offsetkit/client/");

    @Test
    void noClassRefersToAPackageByItsUnrelocatedName() {
        Map<String, Set<String>> unrelocated = new TreeMap<>();
        references.forEach((from, names) -> {
            for (String name : names) {
                if (RELOCATED.stream().anyMatch(name::startsWith)) {
                    unrelocated.computeIfAbsent(name, key -> new TreeSet<>()).add(from);
                }
            }
        });

        // Were one relocation missed, the jar would reach for the app's copy of that library.
        assertThat(unrelocated)
                .as("unrelocated names (and the classes that refer to them)")
                .isEmpty();
    }

    @Test
    void theServersClassesReferOnlyToTheJarTheJdkAndJUnitButForTheLeftOutBackend() {
        // (The relocated libraries refer to their own optional dependencies too, such as Micrometer's
        // binders for caches or gRPC: classes the server never loads.)
        Map<String, Set<String>> missing = new TreeMap<>();
        references.forEach((from, names) -> {
            if (from.startsWith(SHADED)) {
                return;
            }
            for (String name : names) {
                if (!classes.contains(name)
                        && JDK.stream().noneMatch(name::startsWith)
                        && APP_PROVIDED.stream().noneMatch(name::startsWith)
                        && !LEFT_OUT.contains(name)) {
                    missing.computeIfAbsent(name, key -> new TreeSet<>()).add(from);
                }
            }
        });

        assertThat(missing)
                .as("classes referred to but not in the jar (and by which classes)")
                .isEmpty();
    }

    @Test
    void onlyTheEngineAndTheServersSettingsNameTheLeftOutBackend() {
        List<String> referring = new ArrayList<>();
        references.forEach((from, names) -> {
            if (names.stream().anyMatch(LEFT_OUT::contains) && LEFT_OUT.stream().noneMatch(from::startsWith)) {
                referring.add(from);
            }
        });

        // The engine names RocketMqOffsetBackend in the branch offsetkit.backend=rocketmq takes: the JVM
        // resolves it only there, and the emulator's tests run the engine from this jar without it.
        assertThat(referring).containsExactly("io/offsetkit/server/assembly/Engine");
    }

    @Test
    void thePublishedPomNamesNoDependencyAnAppWouldInherit() throws IOException {
        String pom = Files.readString(Path.of(System.getProperty("offsetkit.standalone.pom")));

        List<String> scopes = new ArrayList<>();
        for (String dependency : pom.split("<dependency>")) {
            if (dependency.contains("</dependency>")) {
                scopes.add(
                        dependency.contains("<scope>provided</scope>")
                                ? "provided"
                                : "inherited: " + dependency.strip());
            }
        }
        assertThat(scopes).containsOnly("provided");
    }
}
