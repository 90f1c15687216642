package io.offsetkit.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.signing.SdkAuthorization;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signer, end to end, reproduces the official SDK's published test vectors. */
class AkSkSignerTest {

    private static final Instant VECTOR_TIME = Instant.parse("2019-11-15T03:36:55Z");

    @Test
    void publishedPostVector() {
        // GIVEN the published POST, Content-Type set (and so not signed)
        SignableRequest request = new SignableRequest(
                "POST",
                URI.create("https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123"),
                Map.of("Content-Type", "application/json"),
                "{\"key\":\"value\"}".getBytes(StandardCharsets.UTF_8));

        // WHEN it is signed with AK "AccessKey", SK "SecretKey" at the vector's time
        Map<String, String> added = AkSkSigner.sign("AccessKey", "SecretKey", request, VECTOR_TIME);

        // THEN Content-Type is left out and the signature is the published one
        SdkAuthorization authorization = SdkAuthorization.parse(added.get("Authorization"));
        assertThat(authorization.signedHeaders()).containsExactly("host", "x-sdk-date");
        assertThat(authorization.signature())
                .isEqualTo("b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771");
        assertThat(added)
                .containsOnlyKeys("X-Sdk-Date", "Authorization")
                .containsEntry("X-Sdk-Date", "20191115T033655Z");
    }

    @Test
    void publishedGetVectorWithQuery() {
        // GIVEN the published GET with a query and no body
        SignableRequest request = new SignableRequest(
                "GET",
                URI.create("https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs"
                        + "?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0"),
                Map.of(),
                null);

        // WHEN it is signed
        Map<String, String> added = AkSkSigner.sign("AccessKey", "SecretKey", request, VECTOR_TIME);

        // THEN the signature is the published one
        assertThat(SdkAuthorization.parse(added.get("Authorization")).signature())
                .isEqualTo("fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d");
    }

    @Test
    void contentTypeIsNotSignedButOtherHeadersAre() {
        // GIVEN a request with the client's headers and a Content-Type
        SignableRequest request = new SignableRequest(
                "POST",
                URI.create("http://h:1/p"),
                Map.of("Content-Type", "application/json", "Accept", "application/json", "X-Project-Id", "p"),
                new byte[0]);

        // WHEN it is signed
        SdkAuthorization authorization = SdkAuthorization.parse(
                AkSkSigner.sign("a", "s", request, VECTOR_TIME).get("Authorization"));

        // THEN everything but Content-Type is signed, as the official Java SDK does
        assertThat(authorization.signedHeaders()).containsExactly("accept", "host", "x-project-id", "x-sdk-date");
    }

    @Test
    void headersWithUnderscoresAreNotSigned() {
        // GIVEN a request with a header whose name has an underscore
        SignableRequest request = new SignableRequest(
                "POST", URI.create("http://h:1/p"), Map.of("X_Custom", "1", "User-Agent", "ua"), new byte[0]);

        // WHEN it is signed
        SdkAuthorization authorization = SdkAuthorization.parse(
                AkSkSigner.sign("a", "s", request, VECTOR_TIME).get("Authorization"));

        // THEN that header is left out
        assertThat(authorization.signedHeaders()).containsExactly("host", "user-agent", "x-sdk-date");
    }

    @Test
    void credentialsNeverShowTheSecret() {
        assertThat(Credentials.akSk("AK1", "very-secret").toString())
                .contains("AK1")
                .doesNotContain("very-secret");
        assertThat(Credentials.token("tok-secret").toString()).doesNotContain("tok-secret");
        assertThatThrownBy(() -> Credentials.akSk("AK1", " ")).hasMessage("secretKey is blank");
        assertThatThrownBy(() -> Credentials.token("")).hasMessage("token is blank");
    }
}
