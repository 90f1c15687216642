package io.offsetkit.server.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Operation;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The route match: templates, methods, specificity and the decoding of path parameters. */
class RouterTest {

    private static final String HINT = "The API's routes are POST /v2/... and POST /v2/.../rocketmq/...";
    private static final String CURRENT = Operation.RESET_CONSUME_OFFSET.pathTemplate();
    private static final String OLDER = Operation.RESET_CONSUME_OFFSET_FOR_ROCKET_MQ.pathTemplate();

    /** The contract's two routes, as the server adds them, and pages and admin routes beside them. */
    private static Router<String> contractRoutes() {
        return Router.<String>builder(HINT)
                .add("POST", CURRENT, "current")
                .add("POST", OLDER, "older")
                .add("GET", "/health", "health")
                .add("GET", "/swagger-ui/{file}", "swagger file")
                .add("PUT", "/admin/instances/{instance_id}", "put instance")
                .add("GET", "/admin/instances/{instance_id}/groups/{group}/offsets", "offsets")
                .build();
    }

    private static DmsException refusal(Router<String> router, String method, String rawPath) {
        DmsException refused = catchThrowableOfType(DmsException.class, () -> router.match(method, rawPath));
        assertThat(refused).as("%s %s is refused", method, rawPath).isNotNull();
        return refused;
    }

    @Test
    void theCurrentRouteCapturesEveryPathParameterByTheContractsNames() {
        Router.Match<String> match =
                contractRoutes().match("POST", "/v2/reliability/p1/instances/i1/groups/g1/reset-message-offset");

        assertThat(match.target()).isEqualTo("current");
        assertThat(match.template()).isEqualTo(CURRENT);
        assertThat(match.rawPathParameters())
                .containsExactly(
                        Map.entry("engine", "reliability"),
                        Map.entry("project_id", "p1"),
                        Map.entry("instance_id", "i1"),
                        Map.entry("group", "g1"));
    }

    @Test
    void aPathBothTemplatesMatchGoesToTheOlderRouteWhichHasMoreLiteralSegments() {
        // GIVEN /v2/p/rocketmq/...: the current route with engine=p and project_id=rocketmq, or the older route
        String path = "/v2/p/rocketmq/instances/i/groups/g/reset-message-offset";

        Router.Match<String> match = contractRoutes().match("POST", path);

        // THEN the older route wins, whatever the order the routes were added in
        assertThat(match.target()).isEqualTo("older");
        assertThat(match.template()).isEqualTo(OLDER);
        assertThat(match.rawPathParameters())
                .containsExactly(Map.entry("project_id", "p"), Map.entry("instance_id", "i"), Map.entry("group", "g"));
        Router<String> reversed = Router.<String>builder(HINT)
                .add("POST", OLDER, "older")
                .add("POST", CURRENT, "current")
                .build();
        assertThat(reversed.match("POST", path).target()).isEqualTo("older");
    }

    @Test
    void betweenTemplatesAsSpecificAsEachOtherTheFirstAddedWins() {
        Router<String> router = Router.<String>builder(HINT)
                .add("GET", "/a/{x}", "first")
                .add("GET", "/{y}/b", "second")
                .build();

        assertThat(router.match("GET", "/a/b").target()).isEqualTo("first");
    }

    @Test
    void anUnknownPathIs404NamingTheMethodThePathAndTheRoutes() {
        DmsException refused = refusal(contractRoutes(), "GET", "/v3/nothing");

        assertThat(refused.error()).isEqualTo(DmsError.URL_NOT_FOUND);
        assertThat(refused)
                .hasMessageContaining("There is no route GET /v3/nothing.")
                .hasMessageContaining(HINT);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/V2/rocketmq/p/instances/i/groups/g/reset-message-offset | a literal differs in case",
                "/v2/rocketmq//instances/i/groups/g/reset-message-offset | a variable segment is empty",
                "/v2/rocketmq/p/instances/i/groups/g/reset-message-offset/ | one segment too many",
                "/health/ | a trailing slash",
                "health | no leading slash",
            })
    void aPathNoTemplateMatchesIs404(String path, String why) {
        assertThat(refusal(contractRoutes(), "POST", path).error()).as(why).isEqualTo(DmsError.URL_NOT_FOUND);
    }

    @Test
    void aKnownPathWithAnotherMethodIs405WithAllow() {
        DmsException refused =
                refusal(contractRoutes(), "GET", "/v2/rocketmq/p/instances/i/groups/g/reset-message-offset");

        assertThat(refused.error()).isEqualTo(DmsError.METHOD_NOT_ALLOWED);
        assertThat(refused.headers()).containsExactly(Map.entry("Allow", "POST"));
        assertThat(refused)
                .hasMessageContaining("GET is not allowed on /v2/rocketmq/p/instances/i/groups/g/reset-message-offset")
                .hasMessageContaining("allowed: POST");
    }

    @Test
    void headIsServedWhereGetIsAndAllowedWithIt() {
        Router<String> router = contractRoutes();

        Router.Match<String> head = router.match("HEAD", "/swagger-ui/index.html");
        assertThat(head.target()).isEqualTo("swagger file");
        assertThat(head.rawPathParameters()).containsExactly(Map.entry("file", "index.html"));
        assertThat(refusal(router, "DELETE", "/health").headers()).containsExactly(Map.entry("Allow", "GET, HEAD"));
        assertThat(refusal(router, "HEAD", "/admin/instances/i").headers()).containsExactly(Map.entry("Allow", "PUT"));
    }

    @Test
    void methodsAreMatchedExactlyAsSent() {
        assertThat(refusal(contractRoutes(), "get", "/health").error()).isEqualTo(DmsError.METHOD_NOT_ALLOWED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%25RETRY%25group_01", "a%2Fb", "a%00b", "a%zzb", "caf%C3%A9", "a+b"})
    void pathParametersAreCapturedAsSentLeavingTheirDecodingToTheStrictRead(String raw) {
        // A segment that cannot be decoded is not the route match's to refuse: it runs before authentication.
        Router.Match<String> match = contractRoutes().match("GET", "/admin/instances/i/groups/" + raw + "/offsets");

        assertThat(match.rawPathParameters()).containsEntry("group", raw);
    }

    @Test
    void aLiteralSegmentIsComparedAsSentNotDecoded() {
        // "health" percent-encoded is not the literal "health"
        assertThat(refusal(contractRoutes(), "GET", "/%68ealth").error()).isEqualTo(DmsError.URL_NOT_FOUND);
    }
}
