package io.offsetkit.api;

import tools.jackson.databind.JsonNode;

/**
 * An example written in the contract, and the schema it must satisfy.
 *
 * @param name a readable name: the example's key, or the name of the element it sits in
 * @param examplePointer JSON pointer of the example value in the document
 * @param schemaPointer JSON pointer of the schema the value must be valid against
 * @param value the example value
 */
public record DocumentedExample(String name, String examplePointer, String schemaPointer, JsonNode value) {}
