package io.offsetkit.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.api.ContractSchemas;
import io.offsetkit.api.OpenApiDocument;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** The application starts on a real port, serves the contract, and answers the operation honestly. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServerStartsAndServesContractTest {

    @LocalServerPort
    int port;

    @Test
    void servesTheContractByteForByte() {
        byte[] served = given().port(port)
                .get("/openapi.yaml")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();

        assertThat(served).isEqualTo(OpenApiDocument.bundled().bytes());
    }

    @Test
    void unimplementedOperationAnswersWithTheErrorShapeAndARequestId() {
        // WHEN the documented example is sent
        Response response = given().port(port)
                .contentType("application/json")
                .body("{\"topic\":\"topic_01\",\"timestamp\":1662652800000}")
                .post(
                        "/v2/rocketmq/77b6a44cba5143ab91d13ab9a8ff44fd/instances/i-1/groups/group_01/reset-message-offset");

        // THEN it is not pretended to be an answer: 501 with the contract's error body and a request id
        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(response.header("X-Request-Id")).isNotBlank();
        assertThat(ContractSchemas.bundled()
                        .validateComponent("Error", JsonMapper.shared().readTree(response.asString())))
                .isEmpty();
    }
}
