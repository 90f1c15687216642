package io.offsetkit.conformance.http;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One parameter of an {@link Operation}, as the contract declares it.
 *
 * @param name the parameter's name ({@code group}, {@code limit})
 * @param in where it goes: {@code path} or {@code query}
 * @param required whether the contract requires it
 * @param schema its schema, {@code $ref}s of the parameter resolved (the schema itself as written)
 * @param example its documented example; a missing node when it has none
 */
public record Parameter(String name, String in, boolean required, JsonNode schema, JsonNode example) {

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(example, "example");
    }

    /** Whether it is a path segment. */
    public boolean inPath() {
        return in.equals("path");
    }

    /** Whether it is a query parameter. */
    public boolean inQuery() {
        return in.equals("query");
    }
}
