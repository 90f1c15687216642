package io.offsetkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.offsetkit.client.auth.Credentials;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** No answer is told apart from an error answer: a refused connection and a timeout are distinct exceptions. */
class TransportFailureTest extends WireMockTestBase {

    @Test
    void slowAnswerIsATimeoutThatSaysHowLongItWaited() {
        // GIVEN a server that answers after 1500 ms
        stubDocumentedRoute(documentedAnswer().withFixedDelay(1500));

        // WHEN a client with a 400 ms read timeout resets
        OffsetkitTimeoutException failure = catchThrowableOfType(
                OffsetkitTimeoutException.class,
                () -> clientFor()
                        .readTimeout(Duration.ofMillis(400))
                        .build()
                        .resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC));

        // THEN it is a timeout, caused by the HTTP client's, whose message names the timeout and its length
        assertThat(failure.getCause()).isInstanceOf(HttpTimeoutException.class);
        assertThat(failure.getMessage())
                .startsWith("No answer from " + wireMock.baseUrl() + " in time (attempt 1): ")
                .contains("timed out after 400 ms (readTimeout");
        // (on a loaded machine the first connect itself may outlast 400 ms: the read timeout bounds it too)
        if (!failure.duringConnect()) {
            assertThat(failure.getMessage()).endsWith("waiting for the answer to start, once the request was sent");
        }
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

        // THEN it is a connection failure caused by the refusal, and its message says so in words
        assertThat(failure.getCause()).isInstanceOf(ConnectException.class);
        assertThat(failure.getMessage())
                .isEqualTo("Connection to http://127.0.0.1:" + freePort + " failed (attempt 1): connection refused:"
                        + " nothing accepts connections at 127.0.0.1:" + freePort
                        + " (is the server running, on this port?) [java.net.ConnectException]");
        assertThat(failure.attempt()).isEqualTo(1);
    }

    @Test
    void aReadOfARefusedConnectionSaysConnectionRefusedToo() throws Exception {
        // GIVEN a port where nothing listens
        int freePort = portWhereNothingListens();

        // WHEN a client reads a topic's status there
        OffsetkitConnectionException failure = catchThrowableOfType(
                OffsetkitConnectionException.class,
                () -> OffsetkitClient.builder()
                        .endpoint("http://127.0.0.1:" + freePort)
                        .projectId(Documented.PROJECT)
                        .credentials(Credentials.none())
                        .build()
                        .topicStatus(Documented.INSTANCE, Documented.TOPIC));

        // THEN the same words
        assertThat(failure.getMessage()).contains("failed (attempt 1): connection refused");
    }

    @Test
    void anUnknownHostIsNamed() {
        // GIVEN a host name that cannot resolve (.invalid is reserved for that, RFC 6761)
        OffsetkitClient client = OffsetkitClient.builder()
                .endpoint("http://no-such-host.invalid:8080")
                .projectId(Documented.PROJECT)
                .credentials(Credentials.none())
                .build();

        // WHEN it resets
        OffsetkitConnectionException failure = catchThrowableOfType(
                OffsetkitConnectionException.class,
                () -> client.resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC));

        // THEN the message says the host is unknown, not that the connection was refused
        assertThat(failure.getMessage())
                .startsWith("Connection to http://no-such-host.invalid:8080 failed (attempt 1): unknown host"
                        + " 'no-such-host.invalid'");
    }

    @Test
    void aConnectTimeoutSaysHowLongItWaited() {
        // GIVEN the HTTP client's connect timeout (a connection that hangs cannot be made on loopback)
        HttpConnectTimeoutException timeout = new HttpConnectTimeoutException("HTTP connect timed out");

        // WHEN it is described
        String message = TransportFailures.timedOut(
                URI.create("https://dms.example.com"), 2, timeout, Duration.ofMillis(1500), Duration.ofSeconds(30));

        // THEN the words name the timeout, its length and where it tried to connect
        assertThat(message)
                .isEqualTo("No answer from https://dms.example.com in time (attempt 2): connect timed out after"
                        + " 1500 ms (connectTimeout): no connection to dms.example.com:443");
        // AND when the read timeout is the shorter one, it is the one named: it bounds the connect too
        assertThat(TransportFailures.timedOut(
                        URI.create("http://127.0.0.1:8080"),
                        1,
                        timeout,
                        Duration.ofSeconds(10),
                        Duration.ofMillis(200)))
                .endsWith("connect timed out after 200 ms (readTimeout, which bounds the connect too): no"
                        + " connection to 127.0.0.1:8080");
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
