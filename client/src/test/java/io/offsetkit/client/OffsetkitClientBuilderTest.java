package io.offsetkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.client.auth.Credentials;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the builder accepts, what it refuses and why. */
class OffsetkitClientBuilderTest {

    private static OffsetkitClient.Builder minimal() {
        return OffsetkitClient.builder()
                .endpoint("http://localhost:8080/")
                .projectId("p1")
                .credentials(Credentials.none());
    }

    @Test
    void userAgentNamesTheClientAndItsVersion() {
        assertThat(minimal().build().userAgent()).matches("offsetkit-client/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(minimal().userAgentSuffix("my-app/1.2").build().userAgent())
                .matches("offsetkit-client/\\S+ my-app/1\\.2");
    }

    @Test
    void endpointLosesItsTrailingSlashAndKeepsABasePath() {
        assertThat(minimal().build().endpoint()).hasToString("http://localhost:8080");
        assertThat(minimal().endpoint("https://gw.example.com/dms/").build().endpoint())
                .hasToString("https://gw.example.com/dms");
    }

    @Test
    void badEndpointsAreRefused() {
        assertThatThrownBy(() -> minimal().endpoint("ftp://h/"))
                .hasMessage("endpoint must be an http or https URL, was 'ftp://h/'");
        assertThatThrownBy(() -> minimal().endpoint("localhost:8080"))
                .hasMessageStartingWith("endpoint must be an http or https URL");
        assertThatThrownBy(() -> minimal().endpoint("http://h/?a=1"))
                .hasMessage("endpoint must have no query, fragment or user info: 'http://h/?a=1'");
        assertThatThrownBy(() -> minimal().endpoint("http://h b/")).hasMessageStartingWith("endpoint is not a URL");
    }

    @Test
    void missingSettingsAreNamed() {
        assertThatThrownBy(() -> OffsetkitClient.builder().build()).hasMessage("endpoint is not set");
        assertThatThrownBy(() -> OffsetkitClient.builder().endpoint("http://h").build())
                .hasMessage("projectId is not set");
        assertThatThrownBy(() -> OffsetkitClient.builder()
                        .endpoint("http://h")
                        .projectId("p")
                        .build())
                .hasMessageStartingWith("credentials are not set");
    }

    @Test
    void badArgumentsFailBeforeAnyRequest() {
        OffsetkitClient client = minimal().build();
        assertThatThrownBy(() -> client.resetToTime("i", "g", "t", -1L))
                .hasMessage("epochMillis must be 0 or more, was -1; resetToLatest resets to the latest offsets");
        assertThatThrownBy(() -> client.resetToTime("i", "g", "t", Instant.parse("1969-12-31T23:59:59Z")))
                .hasMessage("time must not be before the Unix epoch, was 1969-12-31T23:59:59Z");
        assertThatThrownBy(() -> client.resetToLatest(" ", "g", "t")).hasMessage("instanceId is blank");
        assertThatThrownBy(() -> client.resetToLatest("i", null, "t")).hasMessage("group");
        assertThatThrownBy(() -> minimal().userAgentSuffix("a\r\nb")).hasMessageStartingWith("userAgentSuffix");
    }
}
