package io.offsetkit.api.compat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gives every inline {@code oneOf} / {@code anyOf} alternative a name, so that openapi-diff
 * compares what is inside it.
 *
 * <p>Why: openapi-diff matches alternatives by their {@code $ref} name. Inline alternatives (our
 * {@code ResetTimestamp} is {@code oneOf: [integer int64, string of digits]}) are matched by
 * position only and their contents are never compared, so narrowing the string's pattern or the
 * integer's format would pass unseen. Moving each inline alternative to a component named after
 * its location, and referring to it, lets the library compare them like any named schema. {@link
 * #originalPointer} maps pointers into those components back to the document as written.
 *
 * <p>Examples are data, not schemas, and are not searched.
 */
final class InlineBranchNames {

    private static final List<String> COMPOSITIONS = List.of("oneOf", "anyOf");
    private static final String PREFIX = "OffsetkitInline";

    private final ObjectNode root;
    /** Pointer of a generated component to the pointer of the alternative it came from. */
    private final Map<String, String> origins = new LinkedHashMap<>();

    private InlineBranchNames(ObjectNode root) {
        this.root = root;
    }

    /**
     * A copy of {@code document} with every inline alternative moved to a named component.
     *
     * @throws IllegalArgumentException when the document, its {@code components} or its {@code
     *     components.schemas} is not an object, so there is nowhere to move an alternative to
     */
    static InlineBranchNames of(JsonNode document) {
        if (!(document instanceof ObjectNode object)) {
            throw new IllegalArgumentException("its root is not an object");
        }
        InlineBranchNames names = new InlineBranchNames(object.deepCopy());
        names.walk(names.root, "");
        return names;
    }

    /** True for the component names this class makes up. */
    static boolean isGeneratedName(String componentName) {
        return componentName.startsWith(PREFIX);
    }

    /** The rewritten document, for openapi-diff and for resolving pointers. */
    ObjectNode document() {
        return root;
    }

    /** Where a pointer into the rewritten document points in the document as written. */
    String originalPointer(String pointer) {
        for (Map.Entry<String, String> origin : origins.entrySet()) {
            String component = origin.getKey();
            if (pointer.equals(component) || pointer.startsWith(component + "/")) {
                return origin.getValue() + pointer.substring(component.length());
            }
        }
        return pointer;
    }

    private void walk(JsonNode node, String pointer) {
        if (node.isObject()) {
            for (String key : new ArrayList<>(node.propertyNames())) {
                if (!key.equals("example") && !key.equals("examples")) {
                    walk(node.get(key), DocumentPointers.append(pointer, key));
                }
            }
            for (String key : COMPOSITIONS) {
                if (node.get(key) instanceof ArrayNode alternatives) {
                    name(alternatives, pointer + "/" + key);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i);
            }
        }
    }

    private void name(ArrayNode alternatives, String pointer) {
        boolean byType = typesAreDistinct(alternatives);
        for (int i = 0; i < alternatives.size(); i++) {
            JsonNode alternative = alternatives.get(i);
            if (alternative.isObject() && !alternative.has("$ref")) {
                String origin = pointer + "/" + i;
                // Named by type where the types tell the alternatives apart, so that reordering them
                // is no change and removing one is a removal; by position otherwise.
                String key = byType ? alternative.get("type").asString() : Integer.toString(i);
                String name = uniqueName(PREFIX + (pointer + "_" + key).replaceAll("[^A-Za-z0-9]+", "_"));
                schemas().set(name, alternative);
                alternatives.set(i, JsonNodeFactory.instance.objectNode().put("$ref", "#/components/schemas/" + name));
                origins.put("/components/schemas/" + name, origin);
            }
        }
    }

    private static boolean typesAreDistinct(ArrayNode alternatives) {
        Set<String> types = new HashSet<>();
        for (JsonNode alternative : alternatives) {
            if (!alternative.path("type").isString()
                    || !types.add(alternative.get("type").asString())) {
                return false;
            }
        }
        return true;
    }

    private String uniqueName(String base) {
        String name = base;
        for (int n = 2; schemas().has(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    private ObjectNode schemas() {
        ObjectNode components = objectAt(root, "components", "/components");
        return objectAt(components, "schemas", "/components/schemas");
    }

    /** The object under {@code key}, made when missing; a value of another kind is a malformed document. */
    private static ObjectNode objectAt(ObjectNode parent, String key, String pointer) {
        JsonNode value = parent.get(key);
        if (value == null) {
            return parent.putObject(key);
        }
        if (value instanceof ObjectNode object) {
            return object;
        }
        throw new IllegalArgumentException(
                pointer + " is " + value.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object");
    }
}
