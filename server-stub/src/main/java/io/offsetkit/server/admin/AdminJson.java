package io.offsetkit.server.admin;

import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.error.ErrorText;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an admin request body field by field, so that each wrong field gets its own message: the body
 * must be a JSON object (duplicate keys refused), with only the fields the operation knows, each of
 * its documented type. Every failure is a {@link DmsException}: an empty body {@code DMS.00400004},
 * malformed JSON {@code DMS.00400005}, anything else {@code DMS.00400800}.
 */
final class AdminJson {

    private final JsonNode object;
    private final String prefix; // where the object is in the body, for messages: "" or "consumers[0]."

    private AdminJson(JsonNode object) {
        this(object, "");
    }

    private AdminJson(JsonNode object, String prefix) {
        this.object = object;
        this.prefix = prefix;
    }

    /**
     * Parses {@code body}; an empty body is the empty object when {@code emptyAllowed}.
     *
     * @param known the fields the operation accepts
     */
    static AdminJson parse(byte[] body, boolean emptyAllowed, Set<String> known) {
        if (body == null || body.length == 0 || isBlank(body)) {
            if (emptyAllowed) {
                return new AdminJson(mapper().createObjectNode());
            }
            throw new DmsException(
                    DmsError.REQUEST_BODY_EMPTY, "This operation needs a JSON object; see /admin/openapi.yaml.");
        }
        JsonNode node;
        try {
            node = mapper().readTree(body);
        } catch (JacksonException e) {
            throw new DmsException(DmsError.BODY_NOT_JSON, "It is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw invalid("the body must be a JSON object, was " + (node == null ? "nothing" : typeOf(node)));
        }
        for (String field : node.propertyNames()) {
            if (!known.contains(field)) {
                throw invalid("unknown field " + ErrorText.quote(field) + "; the fields are " + known);
            }
        }
        return new AdminJson(node);
    }

    /** A required string field. */
    String string(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw invalid(prefix + field + " is required");
        }
        if (!value.isString()) {
            throw invalid(prefix + field + " must be a string, was " + typeOf(value));
        }
        return value.asString();
    }

    /** An optional array of strings; empty when absent. */
    List<String> strings(String field) {
        JsonNode value = object.get(field);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isArray()) {
            throw invalid(prefix + field + " must be an array of strings, was " + typeOf(value));
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isString()) {
                throw invalid(prefix + field + "[" + i + "] must be a string, was " + typeOf(value.get(i)));
            }
            out.add(value.get(i).asString());
        }
        return out;
    }

    /** A required, non-empty object of string to integer (the caller checks their range). */
    Map<String, Integer> intMap(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw invalid(prefix + field + " is required");
        }
        if (!value.isObject() || value.isEmpty()) {
            throw invalid(prefix + field + " must be a non-empty object, was " + typeOf(value));
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode count = entry.getValue();
            String name = prefix + field + "." + ErrorText.shown(entry.getKey());
            if (!count.isIntegralNumber() || !count.canConvertToInt()) {
                throw invalid(name + " must be an integer, was " + ErrorText.shown(count.toString()));
            }
            out.put(entry.getKey(), count.asInt());
        }
        return out;
    }

    /** A required, non-empty array of integers {@code >= 0}, at most {@code maxSize} long. */
    long[] longs(String field, int maxSize) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw invalid(prefix + field + " is required");
        }
        if (!value.isArray()) {
            throw invalid(prefix + field + " must be an array of integers, was " + typeOf(value));
        }
        if (value.size() > maxSize) {
            throw invalid(prefix + field + " has " + value.size() + " entries; at most " + maxSize + " per request");
        }
        long[] out = new long[value.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = nonNegativeLong(prefix + field + "[" + i + "]", value.get(i));
        }
        return out;
    }

    /** An optional integer {@code >= 0}; {@code null} when absent. */
    Long optionalLong(String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : nonNegativeLong(prefix + field, value);
    }

    /** An optional string field; {@code null} when absent. */
    String optionalString(String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : string(field);
    }

    /** Whether the field is present and not null. */
    boolean has(String field) {
        JsonNode value = object.get(field);
        return value != null && !value.isNull();
    }

    /** An optional number field (an integer or a fraction); {@code null} when absent. */
    Double optionalNumber(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw invalid(prefix + field + " must be a number, was " + ErrorText.shown(value.toString()));
        }
        return value.asDouble();
    }

    /** A required boolean field. */
    boolean bool(String field) {
        Boolean value = optionalBool(field);
        if (value == null) {
            throw invalid(prefix + field + " is required");
        }
        return value;
    }

    /** An optional boolean field; {@code null} when absent. */
    Boolean optionalBool(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw invalid(prefix + field + " must be true or false, was " + ErrorText.shown(value.toString()));
        }
        return value.asBoolean();
    }

    /**
     * An array of objects, each read as this body is, with only the {@code known} fields; required, or
     * empty when absent and not {@code required}. Messages name each field where it is ({@code
     * consumers[1].client_id}).
     */
    List<AdminJson> objects(String field, boolean required, int maxSize, Set<String> known) {
        JsonNode value = object.get(field);
        List<AdminJson> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            if (required) {
                throw invalid(prefix + field + " is required");
            }
            return out;
        }
        if (!value.isArray()) {
            throw invalid(prefix + field + " must be an array of objects, was " + typeOf(value));
        }
        if (value.size() > maxSize) {
            throw invalid(prefix + field + " has " + value.size() + " entries; at most " + maxSize + " are allowed");
        }
        for (int i = 0; i < value.size(); i++) {
            String at = prefix + field + "[" + i + "]";
            JsonNode item = value.get(i);
            if (!item.isObject()) {
                throw invalid(at + " must be an object, was " + typeOf(item));
            }
            for (String name : item.propertyNames()) {
                if (!known.contains(name)) {
                    throw invalid("unknown field " + ErrorText.quote(at + "." + name) + "; the fields there are "
                            + known.stream().sorted().toList());
                }
            }
            out.add(new AdminJson(item, at + "."));
        }
        return out;
    }

    static DmsException invalid(String detail) {
        return new DmsException(DmsError.INVALID_PARAMETER, detail + ".");
    }

    private static long nonNegativeLong(String name, JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw invalid(name + " must be an integer that fits int64, was " + ErrorText.shown(value.toString()));
        }
        return requireNonNegative(name, value.asLong());
    }

    /** {@code value}, when it is {@code >= 0}. */
    static long requireNonNegative(String name, long value) {
        if (value < 0) {
            throw invalid(name + " must be >= 0, was " + value);
        }
        return value;
    }

    /**
     * The admin API's one mapper, which reads the bodies (duplicate keys refused) and writes the
     * answers. Made at its first use, in a holder: the fixture API's checks use this class at an
     * emulator's start, and data binding's classes would cost that start a fifth of a second.
     */
    static JsonMapper mapper() {
        return Mapper.INSTANCE;
    }

    private static final class Mapper {
        static final JsonMapper INSTANCE = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    private static String typeOf(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
