package io.offsetkit.api.clients;

import java.util.Map;

/**
 * The clients beyond Java that the contract is checked to generate cleanly: an openapi-generator
 * generator and the options an app would pass it. The options are the ones each generator needs to
 * name what it writes (a package name); every other option keeps the generator's default, since
 * that is what an app that generates a client from the contract gets.
 */
public enum ClientGenerator {
    TYPESCRIPT_FETCH("typescript-fetch", Map.of("npmName", "offsetkit-client")),
    TYPESCRIPT_AXIOS("typescript-axios", Map.of("npmName", "offsetkit-client")),
    PYTHON("python", Map.of("packageName", "offsetkit_client")),
    GO("go", Map.of("packageName", "offsetkit"));

    private final String generatorName;
    private final Map<String, Object> options;

    ClientGenerator(String generatorName, Map<String, Object> options) {
        this.generatorName = generatorName;
        this.options = options;
    }

    /** The generator's name, as {@code openapi-generator generate -g NAME} takes it. */
    public String generatorName() {
        return generatorName;
    }

    /** The additional properties passed to the generator ({@code --additional-properties}). */
    public Map<String, Object> options() {
        return options;
    }

    /** The generator of that name; an unknown name is refused naming the known ones. */
    public static ClientGenerator named(String generatorName) {
        for (ClientGenerator generator : values()) {
            if (generator.generatorName.equals(generatorName)) {
                return generator;
            }
        }
        throw new IllegalArgumentException("no checked client generator is named '" + generatorName
                + "'; the checked ones are typescript-fetch, typescript-axios, python, go");
    }
}
