package io.offsetkit.server.auth;

import static io.offsetkit.server.testsupport.ErrorAssertions.assertError;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.testsupport.Ids;
import io.offsetkit.server.testsupport.RunningServer;
import io.offsetkit.server.testsupport.TokenServerOverHttpTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** In token mode an API call needs one of the configured X-Auth-Token values; the server's own pages do not. */
@TokenServerOverHttpTest
class TokenAuthenticationOverHttpTest {

    private static final String BODY = "{\"topic\":\"topic_01\",\"timestamp\":1662652800000}";

    @RunningServer.Server
    int port;

    private RequestSpecification request() {
        return given().port(port).contentType("application/json").body(BODY);
    }

    @Test
    void configuredTokenIsAccepted() {
        Response first =
                request().header("X-Auth-Token", TokenServerOverHttpTest.FIRST).post(Ids.path("rocketmq"));
        Response second =
                request().header("X-Auth-Token", TokenServerOverHttpTest.SECOND).post(Ids.path("reliability"));

        assertThat(first.statusCode()).as(first.asString()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.asString()).isEqualTo(200);
        assertThat(first.jsonPath().getString("queues[0].broker_name")).isEqualTo("broker-1");
    }

    @Test
    void missingTokenIs401MissingToken() {
        assertError(request().post(Ids.path("rocketmq")), 401, "DMS.10240103", "X-Auth-Token", "missing");
    }

    @Test
    void wrongTokenIs401InvalidTokenWithoutEchoingIt() {
        String message = assertError(
                request().header("X-Auth-Token", "guessed-token").post(Ids.path("rocketmq")),
                401,
                "DMS.10240101",
                "X-Auth-Token",
                "does not accept");
        assertThat(message).doesNotContain(TokenServerOverHttpTest.FIRST).doesNotContain("guessed-token");
    }

    @Test
    void authenticationComesBeforeTheBodyIsJudged() {
        Response response = given().port(port)
                .contentType("application/json")
                .body("{not json")
                .post(Ids.path("rocketmq"));

        assertError(response, 401, "DMS.10240103");
    }

    @Test
    void theServersOwnPagesNeedNoToken() {
        given().port(port).get("/openapi.yaml").then().statusCode(200);
        given().port(port).get("/health").then().statusCode(200);
        given().port(port).get("/swagger-ui/index.html").then().statusCode(200);
    }
}
