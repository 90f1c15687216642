package io.offsetkit.server.admin;

import static io.offsetkit.server.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.assembly.Engine;
import io.offsetkit.server.call.Answer;
import io.offsetkit.server.testsupport.Ids;
import io.offsetkit.server.testsupport.TestCall;
import io.offsetkit.server.testsupport.TestEngines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Faults on demand through the admin API, on the engine's one request path: set, listed, got by the
 * next call, journaled, removed; malformed ones refused naming the field with nothing set; and the
 * admin API's access rule kept.
 */
class AdminFaultsTest {

    static final String INTERNAL_ERROR_ONCE =
            "{\"operation\":\"resetConsumeOffset\",\"kind\":\"error\",\"error_code\":\"DMS.00500000\",\"times\":1}";
    static final String RESET_BODY = "{\"topic\":\"topic_01\",\"timestamp\":1662652800000}";

    @TempDir
    Path dir;

    @Test
    void theKitsOneCallSetsAnInternalErrorThatTheNextResetGetsOnceThenItIsListedUsedUpAndJournaled() throws Exception {
        try (Engine engine = TestEngines.start(dir)) {
            // GIVEN the one admin call that induces an internal error
            Answer set = engine.requestPath()
                    .serve(TestCall.of("POST", "/admin/faults").json(INTERNAL_ERROR_ONCE));
            assertThat(set.status()).as(text(set)).isEqualTo(200);
            assertThat(json(set))
                    .isEqualTo(json("{\"id\":\"fault-1\",\"operation\":\"resetConsumeOffset\",\"kind\":\"error\","
                            + "\"error_code\":\"DMS.00500000\",\"status\":500,\"times\":1,\"probability\":1.0,"
                            + "\"applied\":0,\"remaining\":1}"));

            // WHEN the reset is called twice
            Answer failed = engine.requestPath().serve(reset());
            Answer served = engine.requestPath().serve(reset());

            // THEN the first gets the documented 500, the second is served
            assertError(failed, 500, "DMS.00500000", "Internal service error.");
            assertThat(served.status()).isEqualTo(200);
            // AND the fault is listed used up, and the journal names the call that got it
            JsonNode listed = json(engine.requestPath().serve(TestCall.of("GET", "/admin/faults")));
            assertThat(listed.at("/faults/0/applied").asInt()).isEqualTo(1);
            assertThat(listed.at("/faults/0/remaining").asInt()).isZero();
            JsonNode journal = json(engine.requestPath().serve(TestCall.of("GET", "/admin/faults/journal")));
            assertThat(journal.at("/calls").size()).isEqualTo(1);
            assertThat(journal.at("/calls/0/request_id").asString())
                    .isEqualTo(failed.headers().get("X-Request-Id"));
            assertThat(journal.at("/calls/0/operation").asString()).isEqualTo("resetConsumeOffset");
            assertThat(journal.at("/calls/0/group").asString()).isEqualTo("group_01");
            assertThat(journal.at("/calls/0/topic").asString()).isEqualTo("topic_01");
            assertThat(journal.at("/calls/0/fault_id").asString()).isEqualTo("fault-1");
            assertThat(journal.at("/calls/0/fault").asString()).isEqualTo("error DMS.00500000 (500)");
        }
    }

    @Test
    void aFaultIsRemovedByIdOrAllAtOnce() throws Exception {
        try (Engine engine = TestEngines.start(dir)) {
            engine.requestPath().serve(TestCall.of("POST", "/admin/faults").json(INTERNAL_ERROR_ONCE));
            engine.requestPath()
                    .serve(TestCall.of("POST", "/admin/faults")
                            .json("{\"operation\":\"showTopicStatus\",\"kind\":\"delay\",\"delay_ms\":10,"
                                    + "\"delay_max_ms\":20,\"probability\":0.5}"));

            Answer removed = engine.requestPath().serve(TestCall.of("DELETE", "/admin/faults/fault-1"));
            assertThat(text(removed)).isEqualTo("{\"deleted\":\"fault-1\"}");
            assertThat(json(engine.requestPath().serve(TestCall.of("GET", "/admin/faults")))
                            .at("/faults/0/id")
                            .asString())
                    .isEqualTo("fault-2");
            assertError(
                    engine.requestPath().serve(TestCall.of("DELETE", "/admin/faults/fault-1")),
                    400,
                    "DMS.00400800",
                    "fault_id 'fault-1' is not a fault set now");

            Answer none = engine.requestPath().serve(TestCall.of("DELETE", "/admin/faults"));
            assertThat(text(none)).isEqualTo("{\"faults\":[]}");
            assertThat(engine.requestPath().serve(reset()).status()).isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"operation\":\"resetConsumeOffset\",\"kind\":\"error\",\"error_code\":\"DMS.12345678\"} | error_code 'DMS.12345678' is not an error the contract documents for resetConsumeOffset",
                "{\"operation\":\"resetConsumeOffset\",\"kind\":\"delay\",\"delay_ms\":-5} | delay_ms must be >= 0, was -5",
                "{\"operation\":\"resetConsumeOffset\",\"kind\":\"empty_response\",\"probability\":1.01} | probability must be between 0 and 1, was 1.01",
                "{\"operation\":\"deleteEverything\",\"kind\":\"empty_response\"} | operation 'deleteEverything' is not an operation of the contract",
                "{\"operation\":\"resetConsumeOffset\",\"kind\":\"empty_response\",\"probability\":\"high\"} | probability must be a number, was \"high\"",
                "{\"operation\":\"resetConsumeOffset\",\"kind\":\"error\",\"error_code\":\"DMS.00500000\",\"status\":500} | unknown field 'status'",
                "{\"kind\":\"empty_response\"} | operation is required"
            })
    void aMalformedFaultIsRefusedWith400NamingTheFieldAndNothingIsSet(String body, String words) throws Exception {
        try (Engine engine = TestEngines.start(dir)) {
            // WHEN a malformed fault is set
            Answer refused = engine.requestPath()
                    .serve(TestCall.of("POST", "/admin/faults").json(body));

            // THEN it is refused naming the field, and no fault is set
            assertError(refused, 400, "DMS.00400800", words);
            assertThat(text(engine.requestPath().serve(TestCall.of("GET", "/admin/faults"))))
                    .isEqualTo("{\"faults\":[]}");
            assertThat(engine.faults().isEmpty()).isTrue();
        }
    }

    @Test
    void theAdminAccessRuleHoldsForFaults() throws Exception {
        // GIVEN the engine without an admin token
        try (Engine engine = TestEngines.start(dir)) {
            // WHEN a client on another machine sets a fault
            Answer refused = engine.requestPath()
                    .serve(TestCall.of("POST", "/admin/faults")
                            .json(INTERNAL_ERROR_ONCE)
                            .fromAnotherMachine());

            // THEN it gets 403, and nothing is set
            assertError(refused, 403, "DMS.00403007", "Authorization denied.");
            assertThat(engine.faults().isEmpty()).isTrue();
        }
        // AND with a token, only a call that sends it may
        try (Engine engine = TestEngines.start(dir.resolve("token"), "offsetkit.admin.token=fault-admin")) {
            assertError(
                    engine.requestPath()
                            .serve(TestCall.of("POST", "/admin/faults").json(INTERNAL_ERROR_ONCE)),
                    403,
                    "DMS.00403007");
            Answer set = engine.requestPath()
                    .serve(TestCall.of("POST", "/admin/faults")
                            .json(INTERNAL_ERROR_ONCE)
                            .with(AdminAccess.HEADER, "fault-admin")
                            .fromAnotherMachine());
            assertThat(set.status()).isEqualTo(200);
        }
    }

    private static TestCall reset() {
        return TestCall.of("POST", Ids.path("rocketmq")).json(RESET_BODY);
    }

    private static String text(Answer answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    private static JsonNode json(Answer answer) {
        return json(text(answer));
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
