package io.offsetkit.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.offsetkit.client.auth.Credentials;
import io.offsetkit.client.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Retries: what is retried, what never is, and that every retry is signed afresh. */
class RetryTest extends WireMockTestBase {

    /** Short waits, so the tests take milliseconds. */
    private static final RetryPolicy QUICK = RetryPolicy.builder()
            .maxAttempts(3)
            .initialBackoff(Duration.ofMillis(5))
            .maxBackoff(Duration.ofMillis(20))
            .maxElapsed(Duration.ofSeconds(5))
            .build();

    @Test
    void retriesOff503ThenSucceeds() {
        // GIVEN a server that answers 503 once, then the documented answer
        answerInTurn(serviceUnavailable(), documentedAnswer());

        // WHEN a client with retries resets
        ResetResult result = clientFor()
                .retryPolicy(QUICK)
                .build()
                .resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC);

        // THEN the second attempt's answer is returned
        assertThat(result.queues()).containsExactly(new QueueOffset("broker-1", 0, 0L));
        assertThat(received()).hasSize(2);
    }

    @Test
    void retriesOff429() {
        // GIVEN a server that answers 429 once, then the documented answer
        answerInTurn(
                aResponse().withStatus(429).withBody("{\"error_code\":\"DMS.00429000\",\"error_msg\":\"Too many\"}"),
                documentedAnswer());

        // WHEN a client with retries resets
        ResetResult result = clientFor()
                .retryPolicy(QUICK)
                .build()
                .resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC);

        // THEN it was retried and succeeded
        assertThat(result.queues()).hasSize(1);
        assertThat(received()).hasSize(2);
    }

    @Test
    void neverRetries400() {
        // GIVEN a server that answers 400
        stubDocumentedRoute(aResponse()
                .withStatus(400)
                .withBody("{\"error_code\":\"DMS.00400876\",\"error_msg\":\"The topic does not exist.\"}"));

        // WHEN a client with retries resets
        OffsetkitApiException failure = catchThrowableOfType(
                OffsetkitApiException.class,
                () -> clientFor()
                        .retryPolicy(QUICK)
                        .build()
                        .resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC));

        // THEN there was exactly one attempt
        assertThat(failure.errorCode()).contains("DMS.00400876");
        assertThat(failure.attempt()).isEqualTo(1);
        assertThat(received()).hasSize(1);
    }

    @Test
    void neverRetries501() {
        // GIVEN a server that does not implement the operation
        stubDocumentedRoute(
                aResponse().withStatus(501).withBody("{\"error_code\":\"DMS.00500000\",\"error_msg\":\"n/a\"}"));

        // WHEN a client with retries resets
        OffsetkitApiException failure = catchThrowableOfType(
                OffsetkitApiException.class,
                () -> clientFor()
                        .retryPolicy(QUICK)
                        .build()
                        .resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC));

        // THEN one attempt only: no retry can change 501
        assertThat(failure.httpStatus()).isEqualTo(501);
        assertThat(received()).hasSize(1);
    }

    @Test
    void noRetryByDefault() {
        // GIVEN a server that answers 503
        stubDocumentedRoute(serviceUnavailable());

        // WHEN a client with the default policy resets
        OffsetkitApiException failure = catchThrowableOfType(
                OffsetkitApiException.class,
                () -> clientFor().build().resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC));

        // THEN one attempt only
        assertThat(failure.httpStatus()).isEqualTo(503);
        assertThat(received()).hasSize(1);
    }

    @Test
    void givesUpAfterMaxAttemptsWithEarlierFailuresSuppressed() {
        // GIVEN a server that always answers 503
        stubDocumentedRoute(serviceUnavailable());

        // WHEN a client allowed 3 attempts resets
        OffsetkitApiException failure = catchThrowableOfType(
                OffsetkitApiException.class,
                () -> clientFor()
                        .retryPolicy(QUICK)
                        .build()
                        .resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC));

        // THEN it made exactly 3 attempts, and the last failure carries the first two
        assertThat(received()).hasSize(3);
        assertThat(failure.attempt()).isEqualTo(3);
        assertThat(failure.getSuppressed())
                .hasSize(2)
                .allSatisfy(earlier -> assertThat(earlier).isInstanceOf(OffsetkitApiException.class));
    }

    @Test
    void retryAfterBeyondTheTimeBudgetStopsRetrying() {
        // GIVEN a server asking to come back in 60 s, beyond the 5 s budget
        stubDocumentedRoute(serviceUnavailable().withHeader("Retry-After", "60"));

        // WHEN a client with retries resets
        OffsetkitApiException failure = catchThrowableOfType(
                OffsetkitApiException.class,
                () -> clientFor()
                        .retryPolicy(QUICK)
                        .build()
                        .resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC));

        // THEN it gave up at once rather than wait past its bound
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(60));
        assertThat(received()).hasSize(1);
    }

    @Test
    void retriesARefusedConnection() throws Exception {
        // GIVEN an endpoint where nothing listens
        int freePort = portWhereNothingListens();

        // WHEN a client with retries resets
        OffsetkitConnectionException failure = catchThrowableOfType(
                OffsetkitConnectionException.class,
                () -> OffsetkitClient.builder()
                        .endpoint("http://127.0.0.1:" + freePort)
                        .projectId(Documented.PROJECT)
                        .credentials(Credentials.none())
                        .retryPolicy(QUICK)
                        .build()
                        .resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC));

        // THEN all 3 attempts were made, each refused
        assertThat(failure.attempt()).isEqualTo(3);
        assertThat(failure.getSuppressed()).hasSize(2);
    }

    @Test
    void retriedRequestCarriesAFreshDateAndAValidSignature() {
        // GIVEN a server that answers 503 once, then the documented answer, and a clock that moves on
        answerInTurn(serviceUnavailable(), documentedAnswer());
        OffsetkitClient client = clientFor()
                .credentials(Credentials.akSk("AccessKey", "SecretKey"))
                .retryPolicy(QUICK)
                .clock(new SteppingClock(Instant.parse("2026-11-25T06:00:00Z"), Duration.ofSeconds(1)))
                .build();

        // WHEN it resets
        client.resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC);

        // THEN each attempt has its own X-Sdk-Date and a signature that verifies
        List<LoggedRequest> attempts = received();
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).getHeader("X-Sdk-Date")).isEqualTo("20261125T060000Z");
        assertThat(attempts.get(1).getHeader("X-Sdk-Date")).isEqualTo("20261125T060001Z");
        attempts.forEach(attempt -> SignatureCheck.assertVerifies(attempt, "AccessKey", "SecretKey"));
        assertThat(attempts.get(0).getHeader("Authorization"))
                .isNotEqualTo(attempts.get(1).getHeader("Authorization"));
    }

    private static ResponseDefinitionBuilder serviceUnavailable() {
        return aResponse()
                .withStatus(503)
                .withHeader("X-Request-Id", "req-503")
                .withBody("{\"error_code\":\"DMS.00500000\",\"error_msg\":\"Try later.\"}");
    }

    /** The first answer to the first request, the second to every later one. */
    private static void answerInTurn(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        wireMock.stubFor(post(urlPathEqualTo(Documented.PATH))
                .inScenario("in turn")
                .whenScenarioStateIs(STARTED)
                .willReturn(first)
                .willSetStateTo("answered once"));
        wireMock.stubFor(post(urlPathEqualTo(Documented.PATH))
                .inScenario("in turn")
                .whenScenarioStateIs("answered once")
                .willReturn(then));
    }

    /** A clock that moves on by a step every time it is read. */
    private static final class SteppingClock extends Clock {

        private final Instant start;
        private final Duration step;
        private final AtomicLong reads = new AtomicLong();

        SteppingClock(Instant start, Duration step) {
            this.start = start;
            this.step = step;
        }

        @Override
        public Instant instant() {
            return start.plus(step.multipliedBy(reads.getAndIncrement()));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("not needed");
        }
    }
}
