package io.offsetkit.server.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.api.ContractSchemas;
import io.offsetkit.server.call.Answer;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks an error response against the contract: status, code, message, Error schema, request id. */
public final class ErrorAssertions {

    private static final ContractSchemas SCHEMAS = ContractSchemas.bundled();

    private ErrorAssertions() {}

    /**
     * @param messageParts what the error_msg must mention (the field, the value, the reason)
     * @return the error_msg
     */
    public static String assertError(Response response, int status, String code, String... messageParts) {
        return assertError(
                response.statusCode(),
                response.header("X-Request-Id"),
                response.contentType(),
                response.asString(),
                status,
                code,
                messageParts);
    }

    /**
     * The same checks on the engine's answer, for tests that call the request path without HTTP.
     *
     * @return the error_msg
     */
    public static String assertError(Answer answer, int status, String code, String... messageParts) {
        return assertError(
                answer.status(),
                answer.headers().get("X-Request-Id"),
                answer.contentType(),
                new String(answer.body(), StandardCharsets.UTF_8),
                status,
                code,
                messageParts);
    }

    private static String assertError(
            int actualStatus,
            String requestId,
            String contentType,
            String body,
            int status,
            String code,
            String... messageParts) {
        assertThat(actualStatus).as("status of %s", body).isEqualTo(status);
        assertThat(requestId).as("X-Request-Id of %s", body).isNotBlank();
        assertThat(contentType).as("Content-Type").startsWith("application/json");
        JsonNode json = JsonMapper.shared().readTree(body);
        assertThat(SCHEMAS.validateComponent("Error", json))
                .as("Error schema violations of %s", body)
                .isEmpty();
        assertThat(json.get("error_code").asString())
                .as("error_code of %s", body)
                .isEqualTo(code);
        String message = json.get("error_msg").asString();
        if (messageParts.length > 0) {
            assertThat(message).as("error_msg").contains(messageParts);
        }
        return message;
    }
}
