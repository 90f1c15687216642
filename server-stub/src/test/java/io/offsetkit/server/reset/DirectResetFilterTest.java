package io.offsetkit.server.reset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.generated.api.ConsumerOffsetsApi;
import io.offsetkit.server.testsupport.Ids;
import io.offsetkit.server.testsupport.ServerOverHttpTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The direct path of a reset answers exactly what Spring MVC's dispatch answers, and is counted alike. */
class DirectResetFilterTest {

    @Nested
    class RouteOfAPath {

        @Test
        void currentRouteGivesItsFourVariables() {
            DirectResetFilter.Route route = DirectResetFilter.Route.of(Ids.path("reliability"));

            assertThat(route)
                    .isEqualTo(new DirectResetFilter.Route("reliability", Ids.PROJECT, Ids.INSTANCE, Ids.GROUP));
            assertThat(route.pattern()).isEqualTo(ConsumerOffsetsApi.PATH_RESET_CONSUME_OFFSET);
        }

        @Test
        void olderRouteHasNoEngine() {
            DirectResetFilter.Route route =
                    DirectResetFilter.Route.of(Ids.olderPath(Ids.PROJECT, Ids.INSTANCE, Ids.GROUP));

            assertThat(route).isEqualTo(new DirectResetFilter.Route(null, Ids.PROJECT, Ids.INSTANCE, Ids.GROUP));
            assertThat(route.pattern()).isEqualTo(ConsumerOffsetsApi.PATH_RESET_CONSUME_OFFSET_FOR_ROCKET_MQ);
        }

        @Test
        void pathThatFitsBothRoutesIsTheOlderOneAsInSpringMvc() {
            // GIVEN a path whose second segment is "rocketmq": project "kafka" on the older route, or
            // engine "kafka" and project "rocketmq" on the current one
            String path = Ids.olderPath("kafka", Ids.INSTANCE, Ids.GROUP);

            // THEN the route with fewer variables wins
            assertThat(DirectResetFilter.Route.of(path))
                    .isEqualTo(new DirectResetFilter.Route(null, "kafka", Ids.INSTANCE, Ids.GROUP));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "/v2/rocketmq/p/instances/i/groups/g%25/reset-message-offset",
                    "/v2/rocketmq/p/instances/i/groups/g;x=1/reset-message-offset",
                    "/v2/rocketmq/p/instances/i/groups/g.json/reset-message-offset",
                    "/v2/rocketmq/p/instances/i/groups//reset-message-offset",
                    "/v2/rocketmq//instances/i/groups/g/reset-message-offset",
                    "/v2/rocketmq/p/instances/i/groups/g/reset-message-offset/",
                    "/v2/rocketmq/p/x/instances/i/groups/g/reset-message-offset",
                    "/v2/rocketmq/p/instance/i/groups/g/reset-message-offset",
                    "/v2/rocketmq/p/instances/i/group/g/reset-message-offset",
                    "/v1/rocketmq/p/instances/i/groups/g/reset-message-offset",
                    "/v2/rocketmq/p/instances/i/groups/g/reset-message-offsets",
                })
        void pathThatSpringMvcWouldDecodeOrNotRouteIsLeftToIt(String path) {
            assertThat(DirectResetFilter.Route.of(path)).isNull();
        }
    }

    @Nested
    @ServerOverHttpTest
    class OverHttp {

        // An Accept header the direct path leaves to Spring MVC, although it allows JSON.
        private static final String ACCEPT_LEFT_TO_MVC = "application/json, text/plain;q=0.5";

        @LocalServerPort
        int port;

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '`',
                value = {
                    "rocketmq    | group_01  | `{\"topic\":\"topic_02\",\"timestamp\":1662652900000}`",
                    "reliability | group_02  | `{\"topic\":\"topic_02\",\"timestamp\":\"1662652800500\"}`",
                    "rocketmq    | group_01  | `{\"topic\":\"topic_01\",\"timestamp\":-1}`",
                    "rocketmq    | group_01  | `{\"topic\":\"topic_01\",\"timestamp\":1.5}`",
                    "rocketmq    | group_01  | `{\"topic\":\"topic_01\"}`",
                    "rocketmq    | group_01  | `{\"topic\":\"no_such_topic\",\"timestamp\":1}`",
                    "rocketmq    | group_01  | `[1,2]`",
                    "rocketmq    | group_01  | `{\"topic\":`",
                    "rocketmq    | no_group  | `{\"topic\":\"topic_01\",\"timestamp\":1}`",
                    "kafka       | group_01  | `{\"topic\":\"topic_01\",\"timestamp\":1}`",
                })
        void directAnswerIsTheDispatchedAnswer(String engine, String group, String body) {
            // GIVEN the same reset, once as the direct path takes it and once with an Accept header
            // that leaves it to Spring MVC's dispatch
            String path = Ids.path(engine, Ids.PROJECT, Ids.INSTANCE, group);

            // WHEN both are sent
            Response direct = given().port(port)
                    .contentType("application/json")
                    .body(body)
                    .post(path);
            Response dispatched = given().port(port)
                    .contentType("application/json")
                    .accept(ACCEPT_LEFT_TO_MVC)
                    .body(body)
                    .post(path);

            // THEN status, content type and body are the same
            assertThat(direct.statusCode()).isEqualTo(dispatched.statusCode());
            assertThat(direct.contentType()).isEqualTo(dispatched.contentType()).startsWith("application/json");
            assertThat(direct.asString()).isEqualTo(dispatched.asString());
            assertThat(direct.header("X-Request-Id")).hasSize(32);
        }

        @Test
        void directResetsAreCountedUnderTheirRouteInTheMetrics() {
            // GIVEN a reset on the older route, which the direct path serves
            given().port(port)
                    .contentType("application/json")
                    .body("{\"topic\":\"topic_01\",\"timestamp\":1662652800000}")
                    .post(Ids.olderPath(Ids.PROJECT, Ids.INSTANCE, Ids.GROUP))
                    .then()
                    .statusCode(200);

            // WHEN the HTTP metrics are read for that route
            Response metrics = given().port(port)
                    .queryParam("tag", "uri:" + ConsumerOffsetsApi.PATH_RESET_CONSUME_OFFSET_FOR_ROCKET_MQ)
                    .get("/actuator/metrics/http.server.requests");

            // THEN the reset is counted there, with its status
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.jsonPath().getDouble("measurements.find { it.statistic == 'COUNT' }.value"))
                    .isGreaterThanOrEqualTo(1.0);
            List<String> statuses =
                    metrics.jsonPath().getList("availableTags.find { it.tag == 'status' }.values", String.class);
            assertThat(statuses).contains("200");
        }
    }
}
