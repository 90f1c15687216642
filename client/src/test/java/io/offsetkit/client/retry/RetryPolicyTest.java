package io.offsetkit.client.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void noneMakesOneAttempt() {
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void standardIsConservative() {
        RetryPolicy standard = RetryPolicy.standard();
        assertThat(standard.maxAttempts()).isEqualTo(3);
        assertThat(standard.initialBackoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(standard.maxBackoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(standard.maxElapsed()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void backoffDoublesWithinEqualJitterAndIsCapped() {
        RetryPolicy policy = RetryPolicy.standard();
        // retry 1: base 200 ms, drawn from [100, 200)
        assertThat(policy.backoffBeforeRetry(1, 0.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoffBeforeRetry(1, 0.5)).isEqualTo(Duration.ofMillis(150));
        // retry 2: base 400 ms
        assertThat(policy.backoffBeforeRetry(2, 0.0)).isEqualTo(Duration.ofMillis(200));
        // retry 5: 3200 ms capped at 2 s
        assertThat(policy.backoffBeforeRetry(5, 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffBeforeRetry(5, 0.999)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void retryableStatusesAre429AndServerErrorsBut501() {
        assertThat(RetryPolicy.isRetryableStatus(429)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(500)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(503)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(599)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(501)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(400)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(401)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(404)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(200)).isFalse();
    }

    @Test
    void badValuesAreRefusedWithNameAndValue() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessage("maxAttempts must be 1 to 10, was 0");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ZERO))
                .hasMessage("initialBackoff must be positive, was PT0S");
        assertThatThrownBy(() -> RetryPolicy.builder().multiplier(0.5))
                .hasMessage("multiplier must be 1 to 10, was 0.5");
        assertThatThrownBy(() -> RetryPolicy.builder()
                        .initialBackoff(Duration.ofSeconds(3))
                        .maxBackoff(Duration.ofSeconds(1))
                        .build())
                .hasMessage("maxBackoff (PT1S) is shorter than initialBackoff (PT3S)");
    }
}
