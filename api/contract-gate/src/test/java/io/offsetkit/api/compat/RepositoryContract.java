package io.offsetkit.api.compat;

import java.nio.file.Path;

/**
 * Where this repository keeps the contract and its released baselines, as the build passes them to
 * the tests (system properties, so the paths are written once, in the module's pom). Run from an
 * IDE without them, the paths are taken from this module's directory.
 */
final class RepositoryContract {

    /** The contract as the api module ships it. */
    static final Path CONTRACT = location("offsetkit.contract", "../src/main/resources/io/offsetkit/api/openapi.yaml");

    /** The directory of released documents, {@code openapi-MAJOR.MINOR.PATCH.yaml}. */
    static final Path BASELINES = location("offsetkit.contract.baselines", "../src/main/contract-baseline");

    /**
     * The first released contract, the fixture every mutation starts from. A file, not "the newest
     * baseline": later releases must not change what the tests mean.
     */
    static final Path RELEASED_1_0_0 = BASELINES.resolve("openapi-1.0.0.yaml");

    private RepositoryContract() {}

    private static Path location(String property, String fromModule) {
        String given = System.getProperty(property);
        return given != null
                ? Path.of(given)
                : Path.of(fromModule).toAbsolutePath().normalize();
    }
}
