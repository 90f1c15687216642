package io.offsetkit.server.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.server.auth.AuthMode;
import io.offsetkit.server.testsupport.TestSigner;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emulator is faithful to the service's preconditions by default: a group with no consumer online
 * is not reset (400 DMS.50050004, the message saying how to declare one or turn the check off); and
 * it holds credentials that the service would refuse, each refused with its documented code.
 */
class EmulatorPreconditionsTest {

    private static JsonNode body(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    @Test
    void aGroupWithNoConsumerIsRefusedTellingHowToDeclareOneOrTurnTheCheckOff() {
        try (OffsetkitEmulator emulator = new OffsetkitEmulator(EmulatorOptions.options()).start()) {
            // GIVEN a group the app made, with no consumer declared
            emulator.instance().groups("billing");

            // WHEN the app resets it
            HttpResponse<String> answer = Http.reset(emulator, "billing", "topic_01", -1, Map.of());

            // THEN the emulator refuses it as the service would, and says what to do
            assertThat(emulator.requiresOnlineConsumer()).isTrue();
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(body(answer).get("error_code").asString()).isEqualTo("DMS.50050004");
            assertThat(body(answer).get("error_msg").asString())
                    .startsWith("The consumer group is offline. The group 'billing' has no consumer online")
                    .contains("emulator.consumer(\"billing\", \"<client id>\")", "requireOnlineConsumer(false)");
            // AND the refused reset is in the journal with its answer, and committed nothing
            assertThat(emulator.journal().resets()).hasSize(1);
            assertThat(emulator.instance().committedOffsets("billing", "topic_01"))
                    .allSatisfy(queue -> assertThat(queue.offset()).isNull());
        }
    }

    @Test
    void aDeclaredConsumerLetsTheResetThroughAndItsGoingOfflineStopsTheNext() {
        try (OffsetkitEmulator emulator = new OffsetkitEmulator(EmulatorOptions.options()).start()) {
            emulator.instance().groups("billing");
            EmulatorConsumer consumer = emulator.consumer("billing", "10.0.0.5@4711#1");

            assertThat(Http.reset(emulator, "billing", "topic_01", -1, Map.of()).statusCode())
                    .isEqualTo(200);

            consumer.offline();

            assertThat(Http.reset(emulator, "billing", "topic_01", 0, Map.of()).statusCode())
                    .isEqualTo(400);
            assertThat(emulator.instance()
                            .committedOffsets("billing", "topic_01")
                            .get(0)
                            .offset())
                    .isEqualTo(100L);
        }
    }

    @Test
    void withTheCheckOffAGroupWithNoConsumerIsReset() {
        try (OffsetkitEmulator emulator =
                new OffsetkitEmulator(EmulatorOptions.options().requireOnlineConsumer(false)).start()) {
            emulator.instance().groups("billing");

            HttpResponse<String> answer = Http.reset(emulator, "billing", "topic_01", -1, Map.of());

            assertThat(emulator.requiresOnlineConsumer()).isFalse();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(emulator.instance()
                            .committedOffsets("billing", "topic_01")
                            .get(0)
                            .offset())
                    .isEqualTo(100L);
        }
    }

    @Test
    void inTokenModeTheRefusedTokensGetTheirDocumentedCodes() {
        try (OffsetkitEmulator emulator =
                new OffsetkitEmulator(EmulatorOptions.options().auth(AuthMode.TOKEN)).start()) {
            assertThat(code(Http.reset(emulator, "group_01", "topic_01", -1, token(emulator.expiredToken()))))
                    .isEqualTo("401 DMS.10240102");
            assertThat(code(Http.reset(emulator, "group_01", "topic_01", -1, token(emulator.otherProjectToken()))))
                    .isEqualTo("401 DMS.10240104");
            assertThat(code(Http.reset(emulator, "group_01", "topic_01", -1, token(emulator.readOnlyToken()))))
                    .isEqualTo("403 DMS.00403007");
            assertThat(Http.reset(emulator, "group_01", "topic_01", -1, token(emulator.token()))
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aTokenWithCommasAndColonsIsAcceptedAsGivenNotSplitIntoSeveral() {
        // GIVEN an emulator whose token holds what a list of settings would split on
        try (OffsetkitEmulator emulator = new OffsetkitEmulator(
                        EmulatorOptions.options().auth(AuthMode.TOKEN).token("team,billing:v2"))
                .start()) {
            // WHEN the app sends the whole token, then a part of it
            int whole = Http.reset(emulator, "group_01", "topic_01", -1, token("team,billing:v2"))
                    .statusCode();
            int part = Http.reset(emulator, "group_01", "topic_01", -1, token("team"))
                    .statusCode();

            // THEN the whole token passes, and a part of it does not
            assertThat(whole).isEqualTo(200);
            assertThat(part).isEqualTo(401);
        }
    }

    @Test
    void aSecretKeyWithCommasAndColonsSignsAsGiven() {
        // GIVEN an emulator whose secret key holds ',' and ':'
        try (OffsetkitEmulator emulator = new OffsetkitEmulator(
                        EmulatorOptions.options().auth(AuthMode.AKSK).credentials("BILLINGAK", "s3,cr:et"))
                .start()) {
            String path = "/v2/rocketmq/" + emulator.projectId() + "/instances/" + emulator.instanceId()
                    + "/groups/group_01/reset-message-offset";
            String body = "{\"topic\":\"topic_01\",\"timestamp\":-1}";

            // WHEN a reset signed with that pair is sent
            HttpResponse<String> answer = Http.send(
                    emulator.baseUrl(),
                    "POST",
                    path,
                    body,
                    new LinkedHashMap<>(TestSigner.sign(
                            "BILLINGAK",
                            "s3,cr:et",
                            "POST",
                            URI.create(emulator.baseUrl()).getAuthority(),
                            path,
                            Map.of(),
                            body.getBytes(StandardCharsets.UTF_8),
                            Instant.now())));

            // THEN the signature verifies with the secret key as it was given
            assertThat(answer.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void inAkskModeTheReadOnlyPairGivenAsAnOptionIsRefusedItsReset() {
        try (OffsetkitEmulator emulator = new OffsetkitEmulator(
                        EmulatorOptions.options().auth(AuthMode.AKSK).readOnlyCredentials("READERAK", "reader-secret"))
                .start()) {
            String path = "/v2/rocketmq/" + emulator.projectId() + "/instances/" + emulator.instanceId()
                    + "/groups/group_01/reset-message-offset";
            String body = "{\"topic\":\"topic_01\",\"timestamp\":-1}";
            Map<String, String> headers = new LinkedHashMap<>(TestSigner.sign(
                    emulator.readOnlyAccessKey(),
                    emulator.readOnlySecretKey(),
                    "POST",
                    URI.create(emulator.baseUrl()).getAuthority(),
                    path,
                    Map.of(),
                    body.getBytes(StandardCharsets.UTF_8),
                    Instant.now()));

            HttpResponse<String> answer = Http.send(emulator.baseUrl(), "POST", path, body, headers);

            assertThat(emulator.readOnlyAccessKey()).isEqualTo("READERAK");
            assertThat(code(answer)).isEqualTo("403 DMS.00403007");
        }
    }

    @Test
    void aRefusedTokenThatIsTheAcceptedOneIsRefusedAtBuild() {
        assertThatThrownBy(() -> new OffsetkitEmulator(
                        EmulatorOptions.options().token("same-token").expiredToken("same-token")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("token, expiredToken, otherProjectToken, readOnlyToken: each must differ");
    }

    private static Map<String, String> token(String token) {
        return Map.of("X-Auth-Token", token);
    }

    private static String code(HttpResponse<String> answer) {
        return answer.statusCode() + " " + body(answer).get("error_code").asString();
    }
}
