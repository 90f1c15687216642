package io.offsetkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.offsetkit.client.OffsetkitApiException;
import io.offsetkit.client.OffsetkitClient;
import io.offsetkit.client.QueueOffset;
import io.offsetkit.client.ResetResult;
import io.offsetkit.client.auth.Credentials;
import io.offsetkit.server.testsupport.AkskServerOverHttpTest;
import io.offsetkit.server.testsupport.RunningServer;
import io.offsetkit.server.testsupport.TokenServerOverHttpTest;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Java client against the running reference server over HTTP, in {@code aksk} mode and in
 * {@code token} mode, with the default fixture (which reproduces the documented example).
 */
class ClientAgainstReferenceServerTest {

    private static final String PROJECT = "77b6a44cba5143ab91d13ab9a8ff44fd";
    private static final String INSTANCE = "11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d";

    private static OffsetkitClient client(int port, Credentials credentials) {
        return OffsetkitClient.builder()
                .endpoint("http://127.0.0.1:" + port)
                .projectId(PROJECT)
                .credentials(credentials)
                .build();
    }

    @Nested
    @AkskServerOverHttpTest
    class AkskMode {

        @RunningServer.Server
        int port;

        @Test
        void signedResetGetsTheDocumentedAnswer() {
            // GIVEN a client with a key pair the server knows
            OffsetkitClient client =
                    client(port, Credentials.akSk(AkskServerOverHttpTest.AK, AkskServerOverHttpTest.SK));

            // WHEN it resets group_01 on topic_01 to the documented time
            ResetResult result =
                    client.resetToTime(INSTANCE, "group_01", "topic_01", Instant.parse("2022-09-08T16:00:00Z"));

            // THEN the server verified the signature and answered the documented offsets
            assertThat(result.queues()).containsExactly(new QueueOffset("broker-1", 0, 0L));
            assertThat(result.requestId()).isNotBlank();
        }

        @Test
        void signedResetToLatestGoesToTheEndOfTheQueue() {
            // GIVEN the same client; topic_01 holds 100 messages on its one queue
            OffsetkitClient client =
                    client(port, Credentials.akSk(AkskServerOverHttpTest.AK, AkskServerOverHttpTest.SK));

            // WHEN it resets to the latest offsets
            ResetResult result = client.resetToLatest(INSTANCE, "group_01", "topic_01");

            // THEN the offset is the queue's end
            assertThat(result.queues()).containsExactly(new QueueOffset("broker-1", 0, 100L));
        }

        @Test
        void wrongSecretIsTheTyped401() {
            // GIVEN a client with the right AK but a wrong SK
            OffsetkitClient client = client(port, Credentials.akSk(AkskServerOverHttpTest.AK, "not-the-secret"));

            // WHEN it resets
            OffsetkitApiException failure = catchThrowableOfType(
                    OffsetkitApiException.class, () -> client.resetToLatest(INSTANCE, "group_01", "topic_01"));

            // THEN the server refused it with 401 invalid token, and the exception carries the fields
            assertThat(failure.httpStatus()).isEqualTo(401);
            assertThat(failure.errorCode()).contains("DMS.10240101");
            assertThat(failure.errorMsg())
                    .hasValueSatisfying(
                            msg -> assertThat(msg).contains("signature").doesNotContain("not-the-secret"));
            assertThat(failure.requestId())
                    .hasValueSatisfying(id -> assertThat(id).isNotBlank());
        }
    }

    /** The same server as {@link io.offsetkit.server.auth.TokenAuthenticationOverHttpTest}'s. */
    @Nested
    @TokenServerOverHttpTest
    class TokenMode {

        @RunningServer.Server
        int port;

        @Test
        void resetWithAKnownTokenGetsTheDocumentedAnswer() {
            // GIVEN a client with a token the server accepts
            OffsetkitClient client = client(port, Credentials.token(TokenServerOverHttpTest.SECOND));

            // WHEN it resets to the documented time, in epoch milliseconds
            ResetResult result = client.resetToTime(INSTANCE, "group_01", "topic_01", 1662652800000L);

            // THEN the documented answer comes back
            assertThat(result.queues()).containsExactly(new QueueOffset("broker-1", 0, 0L));
        }

        @Test
        void unknownTokenIsTheTyped401() {
            // GIVEN a client with a token the server does not know
            OffsetkitClient client = client(port, Credentials.token("guessed-token"));

            // WHEN it resets
            OffsetkitApiException failure = catchThrowableOfType(
                    OffsetkitApiException.class, () -> client.resetToLatest(INSTANCE, "group_01", "topic_01"));

            // THEN 401 invalid token
            assertThat(failure.httpStatus()).isEqualTo(401);
            assertThat(failure.errorCode()).contains("DMS.10240101");
        }
    }
}
