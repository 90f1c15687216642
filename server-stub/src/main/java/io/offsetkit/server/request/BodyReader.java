package io.offsetkit.server.request;

import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.error.ErrorText;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Constraint;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Kind;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads a request body strictly, token by token, by the list of the body's fields the contract
 * generates ({@code Operation.bodyFields()}: every field of the model, with its type and constraints),
 * so that a field the contract adds is read and checked like the others, never skipped, and every way
 * a body can be wrong gets its own documented error, with nothing coerced:
 *
 * <ul>
 *   <li>empty or only white space: {@code DMS.00400004};
 *   <li>not JSON (syntax, invalid UTF-8, duplicate property, content after the object):
 *       {@code DMS.00400005}, with the line and column;
 *   <li>JSON but not an object; a field missing that the contract requires; a field of the wrong JSON
 *       type; a string outside its length, characters or enumeration; a number outside its range:
 *       {@code DMS.00400800}, naming the field;
 *   <li>the reset's {@code timestamp}, an integer or a string of digits, missing or invalid: its own
 *       code, {@code DMS.00400142} ({@link ResetTimestamps}).
 * </ul>
 *
 * Unknown properties are skipped, as the official SDKs skip the ones they do not know: a newer client
 * may send more. Numbers are never converted before they are checked, so a number of any length costs
 * no more than its bytes.
 */
final class BodyReader {

    // The body is already bounded by offsetkit.http.max-body-size; the number length is judged here,
    // with a message about the field, rather than by the parser's own limit.
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(Integer.MAX_VALUE)
                    .build())
            .build();

    private BodyReader() {}

    /**
     * Reads a body into {@code values}.
     *
     * @param fields the body's fields, as the contract generates them
     * @throws DmsException with the documented code when the body is not valid
     */
    static void read(List<Constraint> fields, byte[] body, CheckedRequest values) {
        boolean[] seen = new boolean[fields.size()];
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new DmsException(
                        DmsError.REQUEST_BODY_EMPTY, "Send a JSON object with the fields " + names(fields) + ".");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new DmsException(
                        DmsError.INVALID_PARAMETER,
                        "The body is " + describe(first) + "; it must be a JSON object with the fields " + names(fields)
                                + ".");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                int index = indexOf(fields, parser.currentName());
                JsonToken value = parser.nextToken();
                if (index < 0) {
                    parser.skipChildren();
                    continue;
                }
                seen[index] = true;
                field(fields.get(index), parser, value, values);
            }
            if (parser.nextToken() != null) {
                throw notJson("there is more content after the JSON object", parser.currentLocation());
            }
        } catch (JacksonException e) {
            throw notJson(e.getOriginalMessage(), e.getLocation());
        }
        for (int i = 0; i < seen.length; i++) {
            Constraint field = fields.get(i);
            if (!seen[i] && field.required()) {
                if (field.kind() == Kind.INTEGER_OR_DIGITS) {
                    throw ResetTimestamps.missing();
                }
                throw new DmsException(
                        DmsError.INVALID_PARAMETER,
                        field.name() + " is missing; the body must carry it as " + expected(field) + ".");
            }
        }
    }

    private static void field(Constraint field, JsonParser parser, JsonToken value, CheckedRequest values) {
        switch (field.kind()) {
            case STRING -> {
                if (value != JsonToken.VALUE_STRING) {
                    throw wrongType(field, parser, value);
                }
                values.put(field, ParameterRules.string(field, parser.getString()));
            }
            case INT32, INT64 -> {
                if (value != JsonToken.VALUE_NUMBER_INT) {
                    throw wrongType(field, parser, value);
                }
                long number = ParameterRules.integer(field, parser.getString());
                if (field.kind() == Kind.INT32 && (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE)) {
                    throw new DmsException(
                            DmsError.INVALID_PARAMETER,
                            field.name() + " " + number + " does not fit a 32-bit integer.");
                }
                values.put(field, number);
            }
            case BOOLEAN -> {
                if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                    throw wrongType(field, parser, value);
                }
                values.put(field, value == JsonToken.VALUE_TRUE);
            }
            case INTEGER_OR_DIGITS -> values.put(field, integerOrDigits(parser, value));
        }
    }

    private static long integerOrDigits(JsonParser parser, JsonToken value) {
        return switch (value) {
            case VALUE_NUMBER_INT -> ResetTimestamps.ofNumber(parser.getString(), true);
            case VALUE_NUMBER_FLOAT -> ResetTimestamps.ofNumber(parser.getString(), false);
            case VALUE_STRING -> ResetTimestamps.ofString(parser.getString());
            default -> throw ResetTimestamps.wrongType(describeWithValue(parser, value));
        };
    }

    private static DmsException wrongType(Constraint field, JsonParser parser, JsonToken value) {
        return new DmsException(
                DmsError.INVALID_PARAMETER,
                field.name() + " is " + describeWithValue(parser, value) + "; it must be " + expected(field) + ".");
    }

    private static String expected(Constraint field) {
        return switch (field.kind()) {
            case STRING -> "a JSON string";
            case INT32, INT64 -> "a JSON integer";
            case BOOLEAN -> "a JSON boolean";
            case INTEGER_OR_DIGITS -> "a JSON integer or a JSON string of digits";
        };
    }

    private static int indexOf(List<Constraint> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String names(List<Constraint> fields) {
        StringBuilder names = new StringBuilder();
        for (Constraint field : fields) {
            names.append(names.length() == 0 ? "" : ", ").append(field.name());
        }
        return names.toString();
    }

    private static String describeWithValue(JsonParser parser, JsonToken token) {
        return token.isScalarValue() && token != JsonToken.VALUE_NULL
                ? describe(token).replace("a JSON", "the JSON") + " " + ErrorText.shown(parser.getString())
                : describe(token);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "a JSON object";
            case START_ARRAY -> "a JSON array";
            case VALUE_STRING -> "a JSON string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a JSON number";
            case VALUE_TRUE, VALUE_FALSE -> "a JSON boolean";
            case VALUE_NULL -> "null";
            default -> "not a JSON value";
        };
    }

    private static DmsException notJson(String problem, TokenStreamLocation location) {
        String where = location == null || location == TokenStreamLocation.NA
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return new DmsException(
                DmsError.BODY_NOT_JSON,
                "The body is not valid JSON" + where + ": " + ErrorText.shown(String.valueOf(problem), 200) + ".");
    }
}
