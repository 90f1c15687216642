package io.offsetkit.server.auth;

import static io.offsetkit.server.testsupport.ErrorAssertions.assertError;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.testsupport.Ids;
import io.offsetkit.server.testsupport.RunningServer;
import io.offsetkit.server.testsupport.TestSigner;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Credentials the server holds only to refuse them, as the service refuses them: an expired token
 * (401 DMS.10240102), a token of another project (401 DMS.10240104), and read-only credentials that
 * read but may not reset (403 DMS.00403007); in token mode and in aksk mode.
 */
class RefusedCredentialsOverHttpTest {

    private static final String BODY = "{\"topic\":\"topic_01\",\"timestamp\":1662652800000}";
    private static final String STATUS =
            "/v2/" + Ids.PROJECT + "/instances/" + Ids.INSTANCE + "/topics/" + Ids.TOPIC + "/status";
    private static final String CLIENTS =
            "/v2/rocketmq/" + Ids.PROJECT + "/instances/" + Ids.INSTANCE + "/groups/" + Ids.GROUP + "/clients";

    @Nested
    @RunningServer({
        "offsetkit.auth.mode=token",
        "offsetkit.auth.tokens=good-token",
        "offsetkit.auth.expired-tokens=old-token",
        "offsetkit.auth.other-project-tokens=elsewhere-token",
        "offsetkit.auth.read-only-tokens=reader-token"
    })
    class TokenMode {

        @RunningServer.Server
        int port;

        private Response reset(String token) {
            return given().port(port)
                    .contentType("application/json")
                    .header("X-Auth-Token", token)
                    .body(BODY)
                    .post(Ids.path("rocketmq"));
        }

        @Test
        void anExpiredTokenIs401ExpiredTokenWithoutEchoingIt() {
            String message = assertError(reset("old-token"), 401, "DMS.10240102", "Expired token.", "has expired");
            assertThat(message).doesNotContain("old-token");
        }

        @Test
        void aTokenOfAnotherProjectIs401ProjectMismatchNamingThePathsProject() {
            String message = assertError(
                    reset("elsewhere-token"),
                    401,
                    "DMS.10240104",
                    "The project ID and token do not match.",
                    "'" + Ids.PROJECT + "'");
            assertThat(message).doesNotContain("elsewhere-token");
        }

        @Test
        void aReadOnlyTokenReadsButItsResetIs403() {
            // GIVEN the read-only token
            // WHEN it reads the topic's status and the group's consumers
            // THEN both are answered
            given().port(port)
                    .header("X-Auth-Token", "reader-token")
                    .get(STATUS)
                    .then()
                    .statusCode(200);
            given().port(port)
                    .header("X-Auth-Token", "reader-token")
                    .get(CLIENTS)
                    .then()
                    .statusCode(200);
            // AND a reset with it is refused as not authorized, while the accepted token resets
            assertError(reset("reader-token"), 403, "DMS.00403007", "Authorization denied.", "may read but not reset");
            assertThat(reset("good-token").statusCode()).isEqualTo(200);
        }

        @Test
        void anUnknownTokenIsStillInvalid() {
            assertError(reset("guessed-token"), 401, "DMS.10240101");
        }
    }

    @Nested
    @RunningServer({
        "offsetkit.auth.mode=aksk",
        "offsetkit.auth.aksk=GOODAK:good-secret",
        "offsetkit.auth.read-only-aksk=READERAK:reader-secret",
        "offsetkit.auth.expired-tokens=old-token",
        "offsetkit.auth.other-project-tokens=elsewhere-token"
    })
    class AkskMode {

        @RunningServer.Server
        int port;

        /** Signed over host and x-sdk-date, as the official Java SDK signs; the Host is the one the request carries. */
        private Response signed(String method, String path, String ak, String sk, byte[] body) {
            Map<String, String> headers =
                    TestSigner.sign(ak, sk, method, "127.0.0.1:" + port, path, Map.of(), body, Instant.now());
            var request = given().baseUri("http://127.0.0.1").port(port).headers(headers);
            return method.equals("POST")
                    ? request.contentType("application/json").body(body).post(path)
                    : request.get(path);
        }

        @Test
        void aReadOnlyPairReadsButItsSignedResetIs403() {
            byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

            assertThat(signed("GET", STATUS, "READERAK", "reader-secret", new byte[0])
                            .statusCode())
                    .isEqualTo(200);
            assertError(
                    signed("POST", Ids.path("rocketmq"), "READERAK", "reader-secret", body),
                    403,
                    "DMS.00403007",
                    "offsetkit.auth.read-only-aksk");
            assertThat(signed("POST", Ids.path("rocketmq"), "GOODAK", "good-secret", body)
                            .statusCode())
                    .isEqualTo(200);
        }

        @Test
        void aReadOnlyPairWithAWrongSecretIsStill401() {
            assertError(
                    signed(
                            "POST",
                            Ids.path("rocketmq"),
                            "READERAK",
                            "not-the-secret",
                            BODY.getBytes(StandardCharsets.UTF_8)),
                    401,
                    "DMS.10240101");
        }

        @Test
        void theRefusedTokensAreRefusedWithTheirCodesInAkskModeToo() {
            Response expired = given().port(port)
                    .contentType("application/json")
                    .header("X-Auth-Token", "old-token")
                    .body(BODY)
                    .post(Ids.path("rocketmq"));
            Response elsewhere = given().port(port)
                    .contentType("application/json")
                    .header("X-Auth-Token", "elsewhere-token")
                    .body(BODY)
                    .post(Ids.path("rocketmq"));

            assertError(expired, 401, "DMS.10240102");
            assertError(elsewhere, 401, "DMS.10240104");
        }
    }
}
