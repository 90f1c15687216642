package io.offsetkit.server.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.offsetkit.server.engine.RequestPath;
import io.offsetkit.server.store.EmbeddedStore;
import io.offsetkit.server.store.StoreThatCallsTheRequestPath;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's packages import downward only, as DESIGN.md draws them: the edge (the main class, the
 * settings, the emulator, the assembly of an engine) → the HTTP adapters → the request path → the
 * operations' handlers → the backends → the HTTP-neutral types at the bottom ({@code call}, {@code
 * error}, {@code backend}) and the types generated from the contract, which every layer speaks. A
 * package imports its own layer or one below it, and no two packages import each other, directly or
 * round about.
 */
class LayersTest {

    private static final String SERVER = "io.offsetkit.server";

    private static final String EDGE = "Edge";
    private static final String ADAPTERS = "HTTP adapters";
    private static final String PATH = "Request path";
    private static final String HANDLERS = "Handlers";
    private static final String BACKENDS = "Backends";
    private static final String BOTTOM = "HTTP-neutral types and the contract's";

    /** Each layer's packages; a package of the server that is in none fails {@link #everyPackageIsInALayer}. */
    private static final List<Layer> LAYERS = List.of(
            new Layer(
                    EDGE,
                    SERVER,
                    SERVER + ".settings..",
                    SERVER + ".emulator..",
                    SERVER + ".assembly..",
                    SERVER + ".start.."),
            new Layer(ADAPTERS, SERVER + ".http..", SERVER + ".transport..", SERVER + ".jdkhttp.."),
            new Layer(
                    PATH,
                    SERVER + ".engine..",
                    SERVER + ".route..",
                    SERVER + ".request..",
                    SERVER + ".auth..",
                    SERVER + ".fault..",
                    SERVER + ".admin..",
                    SERVER + ".ops.."),
            new Layer(HANDLERS, SERVER + ".operations..", SERVER + ".answer.."),
            new Layer(BACKENDS, SERVER + ".store..", SERVER + ".rocketmq..", SERVER + ".fixture.."),
            new Layer(BOTTOM, SERVER + ".call..", SERVER + ".error..", SERVER + ".backend..", SERVER + ".generated.."));

    private static JavaClasses serverClasses;

    @BeforeAll
    static void importTheServersClasses() {
        serverClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(SERVER);
        assertThat(serverClasses).as("the server's classes").hasSizeGreaterThan(100);
    }

    /** Each layer may be used by the layers above it only; the bottom one by every layer. */
    static ArchRule downwardOnly() {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer(EDGE)
                .definedBy(layer(EDGE).packages())
                .layer(ADAPTERS)
                .definedBy(layer(ADAPTERS).packages())
                .layer(PATH)
                .definedBy(layer(PATH).packages())
                .layer(HANDLERS)
                .definedBy(layer(HANDLERS).packages())
                .layer(BACKENDS)
                .definedBy(layer(BACKENDS).packages())
                .layer(BOTTOM)
                .definedBy(layer(BOTTOM).packages())
                .whereLayer(EDGE)
                .mayNotBeAccessedByAnyLayer()
                .whereLayer(ADAPTERS)
                .mayOnlyBeAccessedByLayers(EDGE)
                .whereLayer(PATH)
                .mayOnlyBeAccessedByLayers(EDGE, ADAPTERS)
                .whereLayer(HANDLERS)
                .mayOnlyBeAccessedByLayers(EDGE, PATH)
                .whereLayer(BACKENDS)
                .mayOnlyBeAccessedByLayers(EDGE, PATH, HANDLERS)
                .whereLayer(BOTTOM)
                .mayOnlyBeAccessedByLayers(EDGE, ADAPTERS, PATH, HANDLERS, BACKENDS);
    }

    /** No two packages (a package with its sub-packages) depend on each other, directly or through others. */
    static ArchRule noCycles() {
        return slices().matching(SERVER + ".(*)..").should().beFreeOfCycles();
    }

    @Test
    void importsGoDownTheLayersOnly() {
        downwardOnly().check(serverClasses);
    }

    @Test
    void noPackageCycle() {
        noCycles().check(serverClasses);
    }

    @Test
    void everyPackageIsInALayer() {
        // A new package must be given its place, or the rules above would not look at it.
        Set<String> outside = serverClasses.stream()
                .map(JavaClass::getPackageName)
                .filter(name -> LAYERS.stream().noneMatch(layer -> layer.contains(name)))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(outside).as("packages of the server in no layer").isEmpty();
    }

    @Test
    void aBackendThatCallsTheRequestPathBreaksBothRules() {
        // GIVEN the server's classes and one of a backend's package that calls the request path
        JavaClasses withUpwardCall = new ClassFileImporter()
                .importClasses(StoreThatCallsTheRequestPath.class, RequestPath.class, EmbeddedStore.class);

        // WHEN the rules are evaluated
        EvaluationResult layers = downwardOnly().evaluate(withUpwardCall);
        EvaluationResult cycles = noCycles().evaluate(withUpwardCall);

        // THEN the upward import and the cycle it closes (the path uses the store) are both reported
        assertThat(layers.hasViolation()).as("the layered rule fails").isTrue();
        assertThat(layers.getFailureReport().getDetails())
                .anyMatch(line -> line.contains(StoreThatCallsTheRequestPath.class.getName())
                        && line.contains(RequestPath.class.getName()));
        assertThat(cycles.hasViolation()).as("the cycle rule fails").isTrue();
        assertThat(cycles.getFailureReport().toString()).contains("store", "engine");
    }

    private static Layer layer(String name) {
        return LAYERS.stream()
                .filter(layer -> layer.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** A layer's name and its packages, in ArchUnit's notation ({@code ..} for the sub-packages too). */
    private record Layer(String name, String... packages) {

        boolean contains(String packageName) {
            for (String pattern : packages) {
                boolean withSubPackages = pattern.endsWith("..");
                String root = withSubPackages ? pattern.substring(0, pattern.length() - 2) : pattern;
                if (packageName.equals(root) || (withSubPackages && packageName.startsWith(root + "."))) {
                    return true;
                }
            }
            return false;
        }
    }
}
