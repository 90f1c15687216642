package io.offsetkit.server.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fixture API: data goes into the store at the call, and a bad call fails at the call, in the admin API's words. */
class EmulatorFixtureTest {

    private static final Instant TEN = Instant.parse("2026-01-01T10:00:00Z");

    private final OffsetkitEmulator emulator =
            new OffsetkitEmulator(EmulatorOptions.options().withoutFixture()).start();

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void messagesPutThroughTheFixtureAreWhatAResetFindsAndCommits() {
        // GIVEN an instance with a group (its consumer online) and a topic of two queues on one broker,
        // messages at 9:59, 10:00, 10:01
        EmulatorInstance instance = emulator.putInstance("billing-instance", "my-project", "broker-a");
        instance.groups("billing")
                .topic("orders", 2)
                .messages("broker-a", 0, TEN.minusSeconds(60), TEN, TEN.plusSeconds(60))
                .messages("broker-a", 1, TEN.plusSeconds(120).toEpochMilli());
        instance.consumer("billing", "10.0.0.5@4711#1");

        // WHEN billing is reset on orders to 10:00
        HttpResponse<String> answer = Http.reset(emulator, "billing", "orders", TEN.toEpochMilli(), Map.of());

        // THEN queue 0 goes to the message at 10:00, queue 1 to its only message, and both are committed
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(emulator.instanceId()).isEqualTo("billing-instance");
        assertThat(emulator.projectId()).isEqualTo("my-project");
        assertThat(emulator.instance().committedOffsets("billing", "orders"))
                .containsExactly(
                        new CommittedOffset(
                                "broker-a", 0, 1L, 0, 3, TEN.plusSeconds(60).toEpochMilli()),
                        new CommittedOffset(
                                "broker-a", 1, 0L, 0, 1, TEN.plusSeconds(120).toEpochMilli()));
    }

    @Test
    void aGroupThatNeverCommittedReadsBackNullOffsetsAndAQueueCanStartAboveZero() {
        EmulatorInstance instance = emulator.putInstance("i", "p", "b1", "b2");
        instance.groups("g").topic("t", Map.of("b1", 1, "b2", 1)).messagesFrom("b2", 0, 5000, 1L, 2L);

        assertThat(instance.committedOffsets("g", "t"))
                .containsExactly(
                        new CommittedOffset("b1", 0, null, 0, 0, 0),
                        new CommittedOffset("b2", 0, null, 5000, 5002, 2L));
    }

    @Test
    void aBadTopicNameFailsAtTheCallWithTheAdminApisCodeAndWords() {
        EmulatorInstance instance = emulator.putInstance("i", "p", "b");

        EmulatorFixtureException refused =
                catchThrowableOfType(EmulatorFixtureException.class, () -> instance.topic("orders and more", 1));

        JsonNode admin = admin("PUT", "/admin/instances/i/topics/orders%20and%20more", "{\"queues\":{\"b\":1}}");
        assertThat(refused.errorCode())
                .isEqualTo("DMS.00400800")
                .isEqualTo(admin.path("error_code").asString());
        assertThat(refused.getMessage())
                .isEqualTo("Invalid request parameter. Check the request parameter. topic 'orders and more' has a"
                        + " character outside [%|a-zA-Z0-9_-].")
                .isEqualTo(admin.path("error_msg").asString());
    }

    @Test
    void anUnknownBrokerFailsAtTheCallWithTheAdminApisCodeAndWords() {
        EmulatorTopic topic = emulator.putInstance("i", "p", "b").topic("t", 1);

        EmulatorFixtureException refused =
                catchThrowableOfType(EmulatorFixtureException.class, () -> topic.messages("nope", 0, 1L));

        JsonNode admin = admin(
                "POST", "/admin/instances/i/topics/t/brokers/nope/queues/0/messages", "{\"store_timestamps\":[1]}");
        assertThat(refused.errorCode())
                .isEqualTo("DMS.00400800")
                .isEqualTo(admin.path("error_code").asString());
        assertThat(refused.getMessage())
                .contains("has no queue 0 on broker 'nope'")
                .isEqualTo(admin.path("error_msg").asString());
    }

    @Test
    void aNegativeTimeFailsAtTheCallWithTheAdminApisCodeAndWords() {
        EmulatorTopic topic = emulator.putInstance("i", "p", "b").topic("t", 1);

        EmulatorFixtureException refused = catchThrowableOfType(
                EmulatorFixtureException.class, () -> topic.messages("b", 0, Instant.parse("1969-12-31T23:59:59Z")));

        JsonNode admin = admin(
                "POST", "/admin/instances/i/topics/t/brokers/b/queues/0/messages", "{\"store_timestamps\":[-1000]}");
        assertThat(refused.getMessage())
                .isEqualTo("Invalid request parameter. Check the request parameter. store_timestamps[0] must be >= 0,"
                        + " was -1000.")
                .isEqualTo(admin.path("error_msg").asString());
    }

    @Test
    void anUnknownInstanceOrTopicFailsAtTheCall() {
        EmulatorFixtureException noInstance =
                catchThrowableOfType(EmulatorFixtureException.class, () -> emulator.instance("missing"));
        EmulatorInstance instance = emulator.putInstance("i", "p", "b");
        EmulatorFixtureException noTopic =
                catchThrowableOfType(EmulatorFixtureException.class, () -> instance.topic("missing"));

        assertThat(noInstance.errorCode()).isEqualTo("DMS.00404022");
        assertThat(noInstance.getMessage()).contains("The instance 'missing' does not exist.");
        assertThat(noTopic.errorCode()).isEqualTo("DMS.00400876");
        assertThat(noTopic.getMessage()).contains("The topic 'missing' does not exist.");
    }

    @Test
    void anInstanceOfAnotherProjectIsRefused() {
        emulator.putInstance("i", "p", "b");

        EmulatorFixtureException refused =
                catchThrowableOfType(EmulatorFixtureException.class, () -> emulator.putInstance("i", "other", "b"));

        assertThat(refused.getMessage()).contains("the instance 'i' belongs to project 'p', not 'other'");
    }

    /** The admin API's error body for the same input, over HTTP. */
    private JsonNode admin(String method, String path, String body) {
        HttpResponse<String> answer = Http.send(emulator.baseUrl(), method, path, body, Map.of());
        assertThat(answer.statusCode()).isBetween(400, 499);
        return JsonMapper.builder().build().readTree(answer.body());
    }
}
