package io.offsetkit.api.compat;

import io.offsetkit.api.compat.ContractChange.Severity;
import io.offsetkit.api.compat.ContractChange.Side;
import tools.jackson.databind.JsonNode;

/**
 * Our own check that every named schema of the baseline is still there.
 *
 * <p>openapi-diff compares what operations send and receive, so renaming a component schema
 * (with its references) is no change to it. But our clients are generated: every schema under
 * {@code components/schemas} becomes a model class named after it ({@code ResetConsumeOffsetReq}),
 * and an app that uses the class stops compiling when the name goes. So a removed or renamed
 * component schema is breaking; a new one is compatible.
 */
final class ComponentSchemasCheck {

    static final String NAME = "own check: component schemas are generated classes";

    private ComponentSchemasCheck() {}

    static void run(JsonNode baseline, JsonNode current, ChangeLog log) {
        JsonNode before = baseline.path("components").path("schemas");
        JsonNode after = current.path("components").path("schemas");
        for (String name : before.propertyNames()) {
            if (!after.has(name)) {
                log.add(
                        Severity.BREAKING,
                        "component schema `" + name + "` removed or renamed: generated clients lose their `" + name
                                + "` model class",
                        DocumentPointers.append("/components/schemas", name),
                        Side.BASELINE,
                        NAME,
                        null);
            }
        }
        for (String name : after.propertyNames()) {
            if (!before.has(name)) {
                log.add(
                        Severity.COMPATIBLE,
                        "new component schema `" + name + "`",
                        DocumentPointers.append("/components/schemas", name),
                        Side.CURRENT,
                        NAME,
                        null);
            }
        }
    }
}
