package io.offsetkit.client;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.offsetkit.client.auth.Credentials;
import io.offsetkit.client.generated.model.ResetConsumeOffsetReq;
import io.offsetkit.client.generated.model.ResetTimestamp;
import io.offsetkit.signing.SdkAuthorization;
import io.offsetkit.signing.SdkSigner;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The {@code Authorization} header WireMock receives verifies: recomputed from the recorded request
 * (method, raw path, header values, body bytes) with the shared canonicalisation and the SK.
 */
class AkSkOnTheWireTest extends WireMockTestBase {

    private static final String AK = "AccessKey";
    private static final String SK = "SecretKey";

    @Test
    void signatureOfTheRecordedRequestVerifies() {
        // GIVEN a client with AK/SK and a fixed clock
        stubDocumentedRoute(documentedAnswer());
        OffsetkitClient client = clientFor()
                .credentials(Credentials.akSk(AK, SK))
                .clock(Clock.fixed(Instant.parse("2026-11-25T05:58:26Z"), ZoneOffset.UTC))
                .build();

        // WHEN the documented reset is made
        client.resetToTime(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC, Documented.TIMESTAMP);

        // THEN the recorded request verifies with the SK
        LoggedRequest sent = received().get(0);
        SdkAuthorization authorization = SignatureCheck.assertVerifies(sent, AK, SK);
        // AND it signs what the official SDK signs, plus Accept (Content-Type is never signed)
        assertThat(authorization.signedHeaders())
                .containsExactly("accept", "host", "user-agent", "x-project-id", "x-sdk-date");
        assertThat(sent.getHeader("X-Sdk-Date")).isEqualTo("20261125T055826Z");
        // AND the Host that was signed is the one java.net.http sent: the port included
        assertThat(sent.getHeader("Host"))
                .isEqualTo("localhost:" + wireMock.port())
                .isEqualTo(SdkSigner.hostHeader(URI.create(wireMock.baseUrl())));
        assertThat(sent.containsHeader("X-Auth-Token")).isFalse();
    }

    @Test
    void wrongSecretDoesNotVerify() {
        // GIVEN a request signed with another SK
        stubDocumentedRoute(documentedAnswer());
        clientFor()
                .credentials(Credentials.akSk(AK, "NotTheSecretKey"))
                .build()
                .resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC);

        // WHEN it is checked with the right SK
        LoggedRequest sent = received().get(0);

        // THEN the check fails: the test's verifier can tell a bad signature
        assertThatThrownBy(() -> SignatureCheck.assertVerifies(sent, AK, SK))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("signature over the recorded request");
    }

    @Test
    void percentEncodedNamesAreSignedAsSent() {
        // GIVEN a group name with characters that travel percent-encoded
        String group = "%RETRY%group|01";
        wireMock.stubFor(post(urlMatching("/v2/rocketmq/.*")).willReturn(documentedAnswer()));

        // WHEN it is reset with AK/SK
        clientFor()
                .credentials(Credentials.akSk(AK, SK))
                .build()
                .resetToLatest(Documented.INSTANCE, group, Documented.TOPIC);

        // THEN the path went encoded, and the signature over the raw path verifies
        LoggedRequest sent = wireMock.getAllServeEvents().get(0).getRequest();
        assertThat(sent.getUrl()).endsWith("/groups/%25RETRY%25group%7C01/reset-message-offset");
        SignatureCheck.assertVerifies(sent, AK, SK);
    }

    @Test
    void generatedApiRequestsAreSignedOverTheirOwnBytes() throws Exception {
        // GIVEN a client with AK/SK
        stubDocumentedRoute(documentedAnswer());
        OffsetkitClient client =
                clientFor().credentials(Credentials.akSk(AK, SK)).build();

        // WHEN the generated API it hands out sends a string timestamp
        client.generatedApi()
                .resetConsumeOffset(
                        "rocketmq",
                        Documented.PROJECT,
                        Documented.INSTANCE,
                        Documented.GROUP,
                        new ResetConsumeOffsetReq().topic("topic_01").timestamp(new ResetTimestamp("1662652800000")));

        // THEN that request verifies too, body included
        LoggedRequest sent = received().get(0);
        assertThat(sent.getBodyAsString()).isEqualTo("{\"topic\":\"topic_01\",\"timestamp\":\"1662652800000\"}");
        SignatureCheck.assertVerifies(sent, AK, SK);
    }

    @Test
    void tokenCredentialsSendTheTokenAndNoSignature() {
        // GIVEN a client with a token
        stubDocumentedRoute(documentedAnswer());

        // WHEN it resets
        clientFor()
                .credentials(Credentials.token("MIIT-token"))
                .build()
                .resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC);

        // THEN the token is in X-Auth-Token and nothing is signed
        LoggedRequest sent = received().get(0);
        assertThat(sent.getHeader("X-Auth-Token")).isEqualTo("MIIT-token");
        assertThat(sent.containsHeader("Authorization")).isFalse();
        assertThat(sent.containsHeader("X-Sdk-Date")).isFalse();
    }
}
