package io.offsetkit.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code Authorization} header is written and read back as the official SDKs write it. */
class SdkAuthorizationTest {

    private static final String SIGNATURE = "d166" + "0".repeat(60);

    @Test
    void headerValueRoundTrips() {
        // GIVEN the header of the Java SDK's captured request
        String value = "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;user-agent;x-project-id;x-sdk-date, "
                + "Signature=" + SIGNATURE;

        // WHEN it is parsed
        SdkAuthorization parsed = SdkAuthorization.parse(value);

        // THEN every item is read, and writing it gives the same text
        assertThat(parsed.accessKey()).isEqualTo("AccessKey");
        assertThat(parsed.signedHeaders()).containsExactly("host", "user-agent", "x-project-id", "x-sdk-date");
        assertThat(parsed.signature()).isEqualTo(SIGNATURE);
        assertThat(parsed.toHeaderValue()).isEqualTo(value);
    }

    @Test
    void signedHeaderNamesAreReadInLowerCaseWithoutSpaces() {
        // GIVEN names in mixed case, one padded
        String value = "SDK-HMAC-SHA256 Access=a, SignedHeaders=Host; X-Sdk-Date, Signature=" + SIGNATURE;

        // WHEN it is parsed
        SdkAuthorization parsed = SdkAuthorization.parse(value);

        // THEN the names are as a verifier looks them up
        assertThat(parsed.signedHeaders()).containsExactly("host", "x-sdk-date");
    }

    @Test
    void signedHeadersAreCopied() {
        // GIVEN a list the caller keeps changing
        List<String> names = new java.util.ArrayList<>(List.of("host"));
        SdkAuthorization authorization = new SdkAuthorization("a", names, SIGNATURE);

        // WHEN the caller adds to it
        names.add("x-sdk-date");

        // THEN the authorization still has what it was made with
        assertThat(authorization.signedHeaders()).containsExactly("host");
    }

    @Test
    void malformedValuesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> SdkAuthorization.parse("Bearer x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Authorization does not start with SDK-HMAC-SHA256");
        assertThatThrownBy(() -> SdkAuthorization.parse(null))
                .hasMessage("Authorization does not start with SDK-HMAC-SHA256");
        assertThatThrownBy(() -> SdkAuthorization.parse("SDK-HMAC-SHA256 Access=a, SignedHeaders=host"))
                .hasMessage("Authorization has no Signature of 64 lower-case hex digits");
        assertThatThrownBy(() -> SdkAuthorization.parse("SDK-HMAC-SHA256 SignedHeaders=host, Signature=" + SIGNATURE))
                .hasMessage("Authorization has no Access");
        assertThatThrownBy(() -> SdkAuthorization.parse("SDK-HMAC-SHA256 Access=a, Signature=" + SIGNATURE))
                .hasMessage("Authorization has no SignedHeaders");
        // an upper-case signature is not what the SDKs write
        assertThatThrownBy(() -> SdkAuthorization.parse(
                        "SDK-HMAC-SHA256 Access=a, SignedHeaders=host, Signature=" + SIGNATURE.toUpperCase()))
                .hasMessage("Authorization has no Signature of 64 lower-case hex digits");
        assertThatThrownBy(() -> SdkAuthorization.parse(
                        "SDK-HMAC-SHA256 Access=a, SignedHeaders=host, Signature=" + SIGNATURE + ", Region=x"))
                .hasMessage("Authorization has an unknown item: 'Region'");
        assertThatThrownBy(() -> SdkAuthorization.parse("SDK-HMAC-SHA256 Access"))
                .hasMessage("Authorization has a malformed item: 'Access'");
    }
}
