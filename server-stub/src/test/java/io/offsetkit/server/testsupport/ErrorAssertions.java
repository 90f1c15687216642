package io.offsetkit.server.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.api.ContractSchemas;
import io.restassured.response.Response;
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
        String body = response.asString();
        assertThat(response.statusCode()).as("status of %s", body).isEqualTo(status);
        assertThat(response.header("X-Request-Id"))
                .as("X-Request-Id of %s", body)
                .isNotBlank();
        assertThat(response.contentType()).as("Content-Type").startsWith("application/json");
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
