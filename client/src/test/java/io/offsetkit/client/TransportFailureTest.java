package io.offsetkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.offsetkit.client.auth.Credentials;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** No answer is told apart from an error answer: a refused connection and a timeout are distinct exceptions. */
class TransportFailureTest extends WireMockTestBase {

    @Test
    void slowAnswerIsATimeout() {
        // GIVEN a server that answers after 600 ms
        stubDocumentedRoute(documentedAnswer().withFixedDelay(600));

        // WHEN a client with a 200 ms read timeout resets
        OffsetkitTimeoutException failure = catchThrowableOfType(
                OffsetkitTimeoutException.class,
                () -> clientFor()
                        .readTimeout(Duration.ofMillis(200))
                        .build()
                        .resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC));

        // THEN it is a timeout while waiting for the response, caused by the HTTP client's timeout
        assertThat(failure.duringConnect()).isFalse();
        assertThat(failure.getCause()).isInstanceOf(HttpTimeoutException.class);
        assertThat(failure.getMessage()).startsWith("No answer from " + wireMock.baseUrl() + " in time (attempt 1)");
    }

    @Test
    void refusedConnectionIsAConnectionFailure() throws Exception {
        // GIVEN a port where nothing listens
        int freePort = portWhereNothingListens();

        // WHEN a client resets there
        OffsetkitConnectionException failure = catchThrowableOfType(
                OffsetkitConnectionException.class,
                () -> OffsetkitClient.builder()
                        .endpoint("http://127.0.0.1:" + freePort)
                        .projectId(Documented.PROJECT)
                        .credentials(Credentials.none())
                        .build()
                        .resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC));

        // THEN it is a connection failure caused by the refusal
        assertThat(failure.getCause()).isInstanceOf(ConnectException.class);
        assertThat(failure.getMessage())
                .startsWith("Connection to http://127.0.0.1:" + freePort + " failed (attempt 1)");
        assertThat(failure.attempt()).isEqualTo(1);
    }

    @Test
    void interruptedCallerGetsInterruptedExceptionAndKeepsItsFlag() {
        // GIVEN a slow server and a caller that is already interrupted
        stubDocumentedRoute(documentedAnswer().withFixedDelay(600));
        OffsetkitClient client = clientFor().build();
        Thread.currentThread().interrupt();

        // WHEN it resets
        OffsetkitException failure;
        try {
            failure = catchThrowableOfType(
                    OffsetkitException.class,
                    () -> client.resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC));
        } finally {
            // THEN the flag is still set (read and cleared here so other tests are not disturbed)
            assertThat(Thread.interrupted()).isTrue();
        }
        assertThat(failure).isInstanceOf(OffsetkitInterruptedException.class);
    }
}
