package io.offsetkit.server.reset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.api.ContractSchemas;
import io.offsetkit.server.testsupport.Ids;
import io.offsetkit.server.testsupport.RunningServer;
import io.offsetkit.server.testsupport.ServerOverHttpTest;
import io.restassured.response.Response;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mutations of the documented request (bytes dropped, inserted, replaced), sent over HTTP, never get a
 * 5xx: each gets the documented answer or a 4xx with the contract's error body and a request id.
 * Bounded: a fixed number of requests from a fixed seed.
 */
@ServerOverHttpTest
class NothingReachesA500OverHttpTest {

    private static final String VALID = "{\"topic\":\"topic_01\",\"timestamp\":1662652800000}";
    private static final String ALPHABET = "{}[]\":,.-+eE01239 \\u\u00e9\u0000\t\ntruefalsnl%|_";
    private static final int REQUESTS = 100;

    @RunningServer.Server
    int port;

    @Test
    void mutatedBodiesGetA200OrADocumented4xx() {
        Random random = new Random(42);
        for (int i = 0; i < REQUESTS; i++) {
            // GIVEN the documented body with one to three random edits
            StringBuilder body = new StringBuilder(VALID);
            for (int edit = random.nextInt(3); edit >= 0; edit--) {
                int at = body.isEmpty() ? 0 : random.nextInt(body.length());
                char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                switch (random.nextInt(3)) {
                    case 0 -> body.insert(at, c);
                    case 1 -> {
                        if (!body.isEmpty()) {
                            body.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (!body.isEmpty()) {
                            body.setCharAt(at, c);
                        }
                    }
                }
            }

            // WHEN it is sent
            Response response = given().port(port)
                    .contentType("application/json")
                    .body(body.toString())
                    .post(Ids.path("rocketmq"));

            // THEN the answer is a 200 or a 4xx with the contract's error body, never a 5xx
            String sent = body.toString();
            assertThat(response.statusCode()).as(sent).isIn(200, 400, 404);
            assertThat(response.header("X-Request-Id")).as(sent).isNotBlank();
            if (response.statusCode() != 200) {
                assertThat(ContractSchemas.bundled()
                                .validateComponent("Error", JsonMapper.shared().readTree(response.asString())))
                        .as(sent)
                        .isEmpty();
            }
        }
    }
}
