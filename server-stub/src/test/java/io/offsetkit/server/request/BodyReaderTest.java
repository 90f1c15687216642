package io.offsetkit.server.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.api.ContractSchemas;
import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Operation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The strict body reader, reading the reset's body by the fields the contract generates: what it
 * accepts, what it refuses, and that it agrees with the contract's schema.
 */
class BodyReaderTest {

    private static final Operation RESET = Operation.RESET_CONSUME_OFFSET_FOR_ROCKET_MQ;
    private static final Map<String, String> PATH = Map.of("project_id", "p", "instance_id", "i", "group", "group_01");
    private static final Reader READER = body -> CheckedRequest.check(RESET, PATH, null, body);

    /** The reader as a reset's request path calls it. */
    private interface Reader {
        CheckedRequest read(byte[] body);
    }

    private static String topic(CheckedRequest request) {
        return request.string(RESET.bodyField("topic"));
    }

    private static Long timestamp(CheckedRequest request) {
        return request.integerOrDigits(RESET.bodyField("timestamp"));
    }

    private static final ContractSchemas SCHEMAS = ContractSchemas.bundled();

    private static final List<String> TOPICS = List.of(
            "\"topic_01\"",
            "\"%RETRY%g|x-1\"",
            "\"" + "t".repeat(127) + "\"",
            "\"" + "t".repeat(128) + "\"",
            "\"\"",
            "\"a b\"",
            "\"t\\u00f6pic\"",
            "\"t.1\"",
            "123",
            "true",
            "null",
            "{}",
            "[\"topic_01\"]");
    private static final List<String> TIMESTAMPS = List.of(
            "1662652800000",
            "\"1662652800000\"",
            "0",
            "\"0\"",
            "-1",
            "\"-1\"",
            "\"007\"",
            "9223372036854775807",
            "\"9223372036854775807\"",
            "9223372036854775808",
            "\"9223372036854775808\"",
            "-2",
            "\"-2\"",
            "1.5",
            "\"1.5\"",
            "\"\"",
            "\"abc\"",
            "\" 1\"",
            "true",
            "null",
            "{}",
            "[1]",
            "\"12345678901234567890\"");

    @Test
    void acceptsExactlyWhatTheContractSchemaAccepts() {
        // GIVEN bodies combining topics and timestamps of every kind, with and without each field and
        // with an unknown property, in an order fixed by the seed
        Random random = new Random(20261125);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            List<String> fields = new ArrayList<>();
            if (random.nextInt(8) > 0) {
                fields.add("\"topic\":" + TOPICS.get(random.nextInt(TOPICS.size())));
            }
            if (random.nextInt(8) > 0) {
                fields.add("\"timestamp\":" + TIMESTAMPS.get(random.nextInt(TIMESTAMPS.size())));
            }
            if (random.nextInt(4) == 0) {
                fields.add("\"extra\":{\"a\":[1,2]}");
            }
            java.util.Collections.shuffle(fields, random);
            bodies.add("{" + String.join(",", fields) + "}");
        }

        for (String body : bodies) {
            // WHEN the reader and the schema judge each body
            boolean schemaAccepts = SCHEMAS.validateComponent(
                            "ResetConsumeOffsetReq", JsonMapper.shared().readTree(body))
                    .isEmpty();
            boolean readerAccepts;
            try {
                READER.read(body.getBytes(StandardCharsets.UTF_8));
                readerAccepts = true;
            } catch (DmsException e) {
                readerAccepts = false;
            }

            // THEN they agree, except where the schema's string pattern is looser than the contract's words:
            // a string of 19 digits above 9223372036854775807 matches ^[0-9]{1,19}$ but does not "fit a
            // signed 64-bit integer", which the contract also requires
            boolean beyondInt64AsString = body.contains("\"9223372036854775808\"");
            assertThat(readerAccepts).as(body).isEqualTo(schemaAccepts && !beyondInt64AsString);
        }
    }

    @Test
    void stringAndNumberTimestampsMeanTheSame() {
        CheckedRequest number = READER.read(bytes("{\"topic\":\"topic_01\",\"timestamp\":1662652800000}"));
        CheckedRequest string = READER.read(bytes("{\"topic\":\"topic_01\",\"timestamp\":\"1662652800000\"}"));

        assertThat(timestamp(number)).isEqualTo(1662652800000L);
        assertThat(timestamp(string)).isEqualTo(1662652800000L);
        assertThat(topic(number)).isEqualTo("topic_01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1e3", "1E3", "0.0", "-1.0"})
    void numbersWrittenWithAFractionOrExponentAreRefusedEvenWhenWhole(String timestamp) {
        // The contract says "a fraction ... is invalid"; a client that writes 1.0 or 1e3 is not sending an integer
        assertThatThrownBy(() -> READER.read(bytes("{\"topic\":\"topic_01\",\"timestamp\":" + timestamp + "}")))
                .isInstanceOfSatisfying(
                        DmsException.class, e -> assertThat(e.error()).isEqualTo(DmsError.INVALID_TIMESTAMP));
    }

    @Test
    void duplicatePropertyIsNotJson() {
        assertThatThrownBy(() -> READER.read(bytes("{\"topic\":\"a\",\"topic\":\"b\",\"timestamp\":1}")))
                .isInstanceOfSatisfying(DmsException.class, e -> {
                    assertThat(e.error()).isEqualTo(DmsError.BODY_NOT_JSON);
                    assertThat(e.getMessage()).contains("topic");
                });
    }

    @Test
    void deeplyNestedUnknownPropertyIsNotJsonRatherThanAFailure() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThatThrownBy(() -> READER.read(bytes("{\"topic\":\"topic_01\",\"timestamp\":1,\"x\":" + deep + "}")))
                .isInstanceOfSatisfying(
                        DmsException.class, e -> assertThat(e.error()).isEqualTo(DmsError.BODY_NOT_JSON));
    }

    @Test
    void everyFieldOfTheBodysModelIsReadByTheGeneratedList() {
        // GIVEN the fields the contract generates for the reset's body
        List<String> fields =
                RESET.bodyFields().stream().map(field -> field.name()).toList();

        // THEN they are the model's fields, each typed, so a new field is read (and checked) like these
        assertThat(fields).containsExactly("topic", "timestamp");
        assertThat(RESET.bodyField("topic").pattern().pattern()).isEqualTo("^[%|a-zA-Z0-9_-]+$");
        assertThat(RESET.bodyField("topic").maxLength()).isEqualTo(127);
        assertThat(RESET.bodyField("timestamp").kind())
                .isEqualTo(io.offsetkit.server.generated.api.ConsumerOffsetsApi.Kind.INTEGER_OR_DIGITS);
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
