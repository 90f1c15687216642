package io.offsetkit.server.reset;

import static io.offsetkit.server.testsupport.ErrorAssertions.assertError;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.testsupport.Ids;
import io.offsetkit.server.testsupport.RunningServer;
import io.offsetkit.server.testsupport.ServerOverHttpTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every class of bad input gets its documented 4xx over real HTTP, with an error body valid against
 * the contract's Error schema, a message naming the problem, and an X-Request-Id.
 */
@ServerOverHttpTest
class BadInputOverHttpTest {

    private static final String VALID_BODY = "{\"topic\":\"topic_01\",\"timestamp\":1662652800000}";

    @RunningServer.Server
    int port;

    private RequestSpecification raw() {
        // Paths are sent exactly as written here, without REST Assured's encoding.
        return given().port(port).urlEncodingEnabled(false);
    }

    private Response post(String path, String body) {
        return raw().contentType("application/json").body(body).post(path);
    }

    private Response postBody(String body) {
        return post(Ids.path("rocketmq"), body);
    }

    // ---- path parameters

    @ParameterizedTest
    @ValueSource(strings = {"kafka", "RocketMQ", "rabbitmq", "reliability2"})
    void engineOutsideTheEnumIs400NamingEngine(String engine) {
        assertError(post(Ids.path(engine), VALID_BODY), 400, "DMS.00400800", "engine", "'" + engine + "'", "rocketmq");
    }

    @ParameterizedTest
    @CsvSource({
        "project_id, 65 characters long",
        "instance_id, 65 characters long",
    })
    void idLongerThanTheContractAllowsIs400NamingTheField(String field, String reason) {
        String tooLong = "a".repeat(65);
        String path = field.equals("project_id")
                ? Ids.path("rocketmq", tooLong, Ids.INSTANCE, Ids.GROUP)
                : Ids.path("rocketmq", Ids.PROJECT, tooLong, Ids.GROUP);
        assertError(post(path, VALID_BODY), 400, "DMS.00400800", field, reason, "1 to 64");
    }

    @Test
    void groupLongerThan120Is400() {
        String path = Ids.path("rocketmq", Ids.PROJECT, Ids.INSTANCE, "g".repeat(121));
        assertError(post(path, VALID_BODY), 400, "DMS.00400800", "group", "121 characters long", "1 to 120");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "project_id | 77b6a44c.ba51 | '.'",
                "project_id | 77b6%20a44 | ' ' at position 5",
                "instance_id | inst%C3%BCnce | '\\u00FC'",
                "instance_id | inst%2Bance | '+'",
                "group | group.01 | '.'",
                "group | gr%E2%82%ACup | '\\u20AC'",
            })
    void idWithCharactersOutsideTheContractIs400NamingTheCharacter(String field, String value, String shown) {
        String path = switch (field) {
            case "project_id" -> Ids.path("rocketmq", value, Ids.INSTANCE, Ids.GROUP);
            case "instance_id" -> Ids.path("rocketmq", Ids.PROJECT, value, Ids.GROUP);
            default -> Ids.path("rocketmq", Ids.PROJECT, Ids.INSTANCE, value);
        };
        assertError(post(path, VALID_BODY), 400, "DMS.00400800", field, shown, "not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"g%00", "g%2Fh", "g%5Ch"})
    void pathTheHttpLayerRefusesStillGetsTheErrorBodyAndARequestId(String group) {
        // GIVEN a path with an encoded NUL, '/' or '\\' in a segment, which no name may hold (whether the
        // HTTP layer or the route match refuses it)
        Response response = post(Ids.path("rocketmq", Ids.PROJECT, Ids.INSTANCE, group), VALID_BODY);

        // THEN the refusal still has the contract's shape
        assertError(response, 400, "DMS.00400800", "refused");
    }

    @Test
    void pathChecksComeBeforeTheBody() {
        // GIVEN a request wrong in its path and in its body
        Response response = post(Ids.path("kafka"), "{not json");

        // THEN the path is reported
        assertError(response, 400, "DMS.00400800", "engine");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v2/rocketmq//instances/i/groups/g/reset-message-offset",
                "/v2/rocketmq/p/instances//groups/g/reset-message-offset",
                "/v2/rocketmq/p/instances/i/groups//reset-message-offset",
            })
    void emptyIdMatchesNoRouteAnd404(String path) {
        assertError(post(path, VALID_BODY), 404, "DMS.00404001", "no route", "/openapi.yaml");
    }

    // ---- the body

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t  \r\n"})
    void emptyBodyIs400EmptyBody(String body) {
        assertError(postBody(body), 400, "DMS.00400004", "empty");
    }

    @Test
    void noBodyAtAllIs400EmptyBody() {
        assertError(raw().contentType("application/json").post(Ids.path("rocketmq")), 400, "DMS.00400004");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{",
                "{\"topic\":",
                "not json",
                "{'topic':'topic_01','timestamp':1}",
                "{\"topic\":\"topic_01\",\"timestamp\":1662652800000} trailing",
                "{\"topic\":\"topic_01\",\"timestamp\":1662652800000}{}",
                "{\"topic\":\"topic_01\",\"topic\":\"topic_02\",\"timestamp\":1}",
                "{\"topic\":\"topic_01\",\"timestamp\":01}",
                "{\"topic\":\"topic_01\",\"timestamp\":NaN}",
                "{\"topic\":\"topic_01\",\"timestamp\":+1}",
            })
    void malformedJsonIs400NotJsonWithTheLocation(String body) {
        assertError(postBody(body), 400, "DMS.00400005", "not valid JSON");
    }

    @Test
    void invalidUtf8Is400NotJson() {
        byte[] body = "{\"topic\":\"topic_\u0001\",\"timestamp\":1}".getBytes(StandardCharsets.UTF_8);
        body[16] = (byte) 0xC3; // a lead byte without its continuation
        Response response = raw().contentType("application/json").body(body).post(Ids.path("rocketmq"));
        assertError(response, 400, "DMS.00400005", "not valid JSON");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {"[] | a JSON array", "\"topic_01\" | a JSON string", "42 | a JSON number", "null | null"})
    void bodyThatIsNotAnObjectIs400(String body, String described) {
        assertError(postBody(body), 400, "DMS.00400800", "The body is " + described, "JSON object");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "{\"timestamp\":1662652800000} | topic is missing",
                "{\"topic\":123,\"timestamp\":1} | topic is the JSON number 123",
                "{\"topic\":true,\"timestamp\":1} | topic is the JSON boolean true",
                "{\"topic\":{\"name\":\"topic_01\"},\"timestamp\":1} | topic is a JSON object",
                "{\"topic\":[\"topic_01\"],\"timestamp\":1} | topic is a JSON array",
                "{\"topic\":null,\"timestamp\":1} | topic is null",
                "{\"topic\":\"\",\"timestamp\":1} | topic is empty",
                "{\"topic\":\"topic 01\",\"timestamp\":1} | ' ' at position 6",
                "{\"topic\":\"t\u00f6pic\",\"timestamp\":1} | '\\u00F6' at position 2",
                "{\"topic\":\"topic\\ud800\",\"timestamp\":1} | '\\uD800' at position 6",
            })
    void missingOrWronglyTypedOrInvalidTopicIs400NamingTopic(String body, String reason) {
        assertError(postBody(body), 400, "DMS.00400800", reason);
    }

    @Test
    void topicLongerThan127Is400WithTheValueTruncated() {
        String topic = "t".repeat(20_000);
        String message = assertError(
                postBody("{\"topic\":\"" + topic + "\",\"timestamp\":1}"),
                400,
                "DMS.00400800",
                "topic",
                "20000 characters long",
                "1 to 127");
        assertThat(message.length()).isLessThan(400);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "{\"topic\":\"topic_01\"} | timestamp is missing",
                "{\"topic\":\"topic_01\",\"timestamp\":null} | timestamp is null",
                "{\"topic\":\"topic_01\",\"timestamp\":\"\"} | timestamp is an empty string",
                "{\"topic\":\"topic_01\",\"timestamp\":\"yesterday\"} | 'yesterday' is not a string of decimal digits",
                "{\"topic\":\"topic_01\",\"timestamp\":\" 1\"} | ' 1' is not a string of decimal digits",
                "{\"topic\":\"topic_01\",\"timestamp\":\"+1\"} | '+1' is not a string of decimal digits",
                "{\"topic\":\"topic_01\",\"timestamp\":1.5} | timestamp 1.5 is not a whole number",
                "{\"topic\":\"topic_01\",\"timestamp\":1.0} | timestamp 1.0 is not a whole number",
                "{\"topic\":\"topic_01\",\"timestamp\":1e3} | timestamp 1e3 is not a whole number",
                "{\"topic\":\"topic_01\",\"timestamp\":\"1.5\"} | '1.5' is not a string of decimal digits",
                "{\"topic\":\"topic_01\",\"timestamp\":\"1e3\"} | '1e3' is not a string of decimal digits",
                "{\"topic\":\"topic_01\",\"timestamp\":-2} | timestamp -2 is negative",
                "{\"topic\":\"topic_01\",\"timestamp\":\"-2\"} | '-2' is negative",
                "{\"topic\":\"topic_01\",\"timestamp\":\"-0\"} | '-0' is signed, and the one signed value allowed",
                "{\"topic\":\"topic_01\",\"timestamp\":\"-01\"} | '-01' is signed, and the one signed value allowed",
                "{\"topic\":\"topic_01\",\"timestamp\":\"00000000000000000000001\"} | has more than 19 digits",
                "{\"topic\":\"topic_01\",\"timestamp\":9223372036854775808} | does not fit a signed 64-bit integer",
                "{\"topic\":\"topic_01\",\"timestamp\":\"9223372036854775808\"} | does not fit a signed 64-bit integer",
                "{\"topic\":\"topic_01\",\"timestamp\":-9223372036854775809} | does not fit a signed 64-bit integer",
                "{\"topic\":\"topic_01\",\"timestamp\":true} | timestamp is the JSON boolean true",
                "{\"topic\":\"topic_01\",\"timestamp\":{}} | timestamp is a JSON object",
                "{\"topic\":\"topic_01\",\"timestamp\":[1]} | timestamp is a JSON array",
            })
    void invalidTimestampIs400InvalidTimestamp(String body, String reason) {
        assertError(postBody(body), 400, "DMS.00400142", reason, "-1");
    }

    @Test
    void hugeNumberIsRefusedAsATimestampAndShownTruncated() {
        String digits = "9".repeat(30_000);
        String message = assertError(
                postBody("{\"topic\":\"topic_01\",\"timestamp\":" + digits + "}"),
                400,
                "DMS.00400142",
                "does not fit a signed 64-bit integer",
                "30000 characters");
        assertThat(message.length()).isLessThan(400);
    }

    // ---- the HTTP envelope

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded"})
    void wrongContentTypeIs400NamingIt(String contentType) {
        Response response = raw().contentType(contentType).body(VALID_BODY).post(Ids.path("rocketmq"));
        assertError(response, 400, "DMS.00400005", "Content-Type", contentType, "application/json");
    }

    @Test
    void missingContentTypeIs400() {
        Response response = raw().body(VALID_BODY.getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", "")
                .post(Ids.path("rocketmq"));
        assertError(response, 400, "DMS.00400005", "Content-Type", "application/json");
    }

    @Test
    void bodyOverTheSizeLimitIs400NamingTheLimit() {
        String body = "{\"topic\":\"topic_01\",\"timestamp\":1,\"padding\":\"" + "x".repeat(70_000) + "\"}";
        assertError(postBody(body), 400, "DMS.00400800", "too large", "65536 bytes", "offsetkit.http.max-body-size");
    }

    @Test
    void acceptThatExcludesJsonIs400() {
        Response response = raw().contentType("application/json")
                .accept("text/html")
                .body(VALID_BODY)
                .post(Ids.path("rocketmq"));
        assertError(response, 400, "DMS.00400800", "Accept", "text/html");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/v2",
                "/v2/rocketmq",
                "/v2/rocketmq/p/instances/i/groups/g",
                "/v2/rocketmq/p/instances/i/groups/g/reset-message-offset/extra",
                "/v3/rocketmq/p/instances/i/groups/g/reset-message-offset",
                "/nothing-here",
            })
    void unknownRouteIs404NamingTheRoutes(String path) {
        assertError(post(path, VALID_BODY), 404, "DMS.00404001", "no route", "reset-message-offset");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH"})
    void wrongMethodOnTheOperationIs405WithAllow(String method) {
        Response response =
                raw().contentType("application/json").body(VALID_BODY).request(method, Ids.path("rocketmq"));
        assertError(response, 405, "DMS.00405001", method, "allowed: POST");
        assertThat(response.header("Allow")).isEqualTo("POST");
    }

    @Test
    void wrongMethodOnTheOlderRouteIs405() {
        Response response = raw().get(Ids.olderPath(Ids.PROJECT, Ids.INSTANCE, Ids.GROUP));
        assertError(response, 405, "DMS.00405001", "GET");
    }

    @Test
    void wrongMethodOnAPageOutsideTheContractIs405() {
        assertError(raw().delete("/openapi.yaml"), 405, "DMS.00405001", "DELETE", "/openapi.yaml");
    }

    // ---- the backend's answers

    @Test
    void unknownInstanceIs404() {
        String path = Ids.path("rocketmq", Ids.PROJECT, "no-such-instance", Ids.GROUP);
        assertError(post(path, VALID_BODY), 404, "DMS.00404022", "no-such-instance");
    }

    @Test
    void instanceOfAnotherProjectIs404() {
        String path = Ids.path("rocketmq", "0000000000000000000000000000000a", Ids.INSTANCE, Ids.GROUP);
        assertError(post(path, VALID_BODY), 404, "DMS.00404022");
    }

    @Test
    void unknownGroupIs404() {
        String path = Ids.path("rocketmq", Ids.PROJECT, Ids.INSTANCE, "no_such_group");
        assertError(post(path, VALID_BODY), 404, "DMS.10240405", "no_such_group");
    }

    @Test
    void unknownTopicIs400() {
        assertError(postBody("{\"topic\":\"no_such_topic\",\"timestamp\":1}"), 400, "DMS.00400876", "no_such_topic");
    }
}
