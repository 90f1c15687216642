package io.offsetkit.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.offsetkit.server.error.DmsError;
import io.offsetkit.server.error.DmsException;
import io.offsetkit.server.testsupport.Ids;
import io.offsetkit.server.testsupport.TestCall;
import io.offsetkit.signing.SdkDate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The AK/SK check on its own, for what a client can send that no HTTP client library would. */
class AkskAuthenticatorTest {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    final AkskAuthenticator authenticator = new AkskAuthenticator(
            Map.of("AK", "SK"), java.util.Set.of(), Duration.ofMinutes(15), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aQueryThatIsNotPercentEncodedIs401NamingItNot500() {
        // GIVEN a call of a known access key, signed now, whose query holds a '%' not followed by two hex digits
        TestCall call = TestCall.of("POST", Ids.path("rocketmq") + "?x=%zz")
                .json("{\"topic\":\"topic_01\",\"timestamp\":-1}")
                .with("Host", "127.0.0.1:8080")
                .with("X-Sdk-Date", SdkDate.format(NOW))
                .with(
                        "Authorization",
                        "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=" + "0".repeat(64));

        // WHEN it is authenticated
        DmsException refused =
                catchThrowableOfType(DmsException.class, () -> authenticator.authenticate(call, call.body(1024)));

        // THEN it is refused as an invalid signature, naming the query
        assertThat(refused.error()).isEqualTo(DmsError.INVALID_TOKEN);
        assertThat(refused).hasMessageContaining("'x=%zz' is not percent-encoded");
    }
}
