package io.offsetkit.server.reset;

import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.error.ErrorText;
import io.offsetkit.server.generated.model.ResetConsumeOffsetReq;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the body of a reset strictly, token by token, so that every way it can be wrong gets its own
 * documented error and nothing is coerced:
 *
 * <ul>
 *   <li>empty or only white space: {@code DMS.00400004};
 *   <li>not JSON (syntax, invalid UTF-8, duplicate property, content after the object):
 *       {@code DMS.00400005}, with the line and column;
 *   <li>JSON but not an object, or {@code topic} missing, not a string, or outside the contract's
 *       length and characters: {@code DMS.00400800};
 *   <li>{@code timestamp} missing or invalid ({@link ResetTimestamps}): {@code DMS.00400142}.
 * </ul>
 *
 * Unknown properties are skipped, as the official SDKs skip the ones they do not know: a newer client
 * may send more. Numbers are never converted before they are checked, so a number of any length costs
 * no more than its bytes.
 */
public final class ResetRequestReader {

    private static final String EXAMPLE = "{\"topic\":\"topic_01\",\"timestamp\":1662652800000}";

    // The body is already bounded by offsetkit.http.max-body-size; the number length is judged here,
    // with a message about the timestamp, rather than by the parser's own limit.
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(Integer.MAX_VALUE)
                    .build())
            .build();

    private final NameRule topicRule;

    /** @param topicRule the contract's constraint on {@code topic} */
    public ResetRequestReader(NameRule topicRule) {
        this.topicRule = topicRule;
    }

    /**
     * Reads a body.
     *
     * @return the request, its {@code timestamp} a number whatever form it arrived in
     * @throws DmsException with the documented code when the body is not a valid reset
     */
    public ResetConsumeOffsetReq read(byte[] body) {
        String topic = null;
        Long timestamp = null;
        boolean sawTimestamp = false;
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new DmsException(DmsError.REQUEST_BODY_EMPTY, "Send a JSON object such as " + EXAMPLE + ".");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new DmsException(
                        DmsError.INVALID_PARAMETER,
                        "The body is " + describe(first) + "; it must be a JSON object such as " + EXAMPLE + ".");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "topic" -> topic = topic(parser, value);
                    case "timestamp" -> {
                        sawTimestamp = true;
                        timestamp = timestamp(parser, value);
                    }
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw notJson("there is more content after the JSON object", parser.currentLocation());
            }
        } catch (JacksonException e) {
            throw notJson(e.getOriginalMessage(), e.getLocation());
        }
        if (topic == null) {
            throw new DmsException(
                    DmsError.INVALID_PARAMETER,
                    "topic is missing; name the topic to reset as a JSON string, as in " + EXAMPLE + ".");
        }
        if (!sawTimestamp) {
            throw ResetTimestamps.missing();
        }
        return new ResetConsumeOffsetReq(topic, timestamp);
    }

    private String topic(JsonParser parser, JsonToken value) {
        if (value != JsonToken.VALUE_STRING) {
            throw new DmsException(
                    DmsError.INVALID_PARAMETER,
                    "topic is " + describeWithValue(parser, value) + "; it must be a JSON string naming the topic.");
        }
        String topic = parser.getString();
        topicRule.check(topic);
        return topic;
    }

    private static long timestamp(JsonParser parser, JsonToken value) {
        return switch (value) {
            case VALUE_NUMBER_INT -> ResetTimestamps.ofNumber(parser.getString(), true);
            case VALUE_NUMBER_FLOAT -> ResetTimestamps.ofNumber(parser.getString(), false);
            case VALUE_STRING -> ResetTimestamps.ofString(parser.getString());
            default -> throw ResetTimestamps.wrongType(describeWithValue(parser, value));
        };
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
