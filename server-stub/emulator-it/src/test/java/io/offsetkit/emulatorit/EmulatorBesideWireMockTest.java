package io.offsetkit.emulatorit;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.offsetkit.server.emulator.junit.OffsetkitEmulatorExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * WireMock 3's extension (on its own, unrelocated Jetty 11 and Jackson 2) and the emulator's (from the
 * standalone jar, Jetty 12 relocated) in one test class: both start, and each answers its own requests.
 */
class EmulatorBesideWireMockTest {

    @RegisterExtension
    static WireMockExtension wireMock = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @RegisterExtension
    static OffsetkitEmulatorExtension emulator =
            OffsetkitEmulatorExtension.newInstance().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void bothStartAndEachAnswersItsOwnRequests() throws Exception {
        // GIVEN a stub on WireMock
        wireMock.stubFor(get("/billing/status").willReturn(okJson("{\"status\":\"open\"}")));
        String resetPath = "/v2/rocketmq/" + emulator.projectId() + "/instances/" + emulator.instanceId()
                + "/groups/group_01/reset-message-offset";

        // WHEN each is asked its own question and the other's
        HttpResponse<String> stubbed = send(wireMock.baseUrl(), "GET", "/billing/status", null);
        HttpResponse<String> reset =
                send(emulator.baseUrl(), "POST", resetPath, "{\"topic\":\"topic_01\",\"timestamp\":1662652800000}");
        HttpResponse<String> resetToWireMock =
                send(wireMock.baseUrl(), "POST", resetPath, "{\"topic\":\"topic_01\",\"timestamp\":0}");
        HttpResponse<String> stubbedToEmulator = send(emulator.baseUrl(), "GET", "/billing/status", null);

        // THEN each answers its own, and not the other's
        assertThat(stubbed.statusCode()).isEqualTo(200);
        assertThat(stubbed.body()).isEqualTo("{\"status\":\"open\"}");
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(reset.body())
                .isEqualTo("{\"queues\":[{\"broker_name\":\"broker-1\",\"queue_id\":0,\"timestamp_offset\":0}]}");
        assertThat(resetToWireMock.statusCode()).isEqualTo(404);
        assertThat(stubbedToEmulator.statusCode()).isEqualTo(404);
        assertThat(stubbedToEmulator.body()).contains("DMS.00404001");
        assertThat(wireMock.getPort()).isNotEqualTo(emulator.port());
        wireMock.verify(1, getRequestedFor(urlEqualTo("/billing/status")));
        assertThat(emulator.journal().resets())
                .singleElement()
                .satisfies(received -> assertThat(received.applied()).isTrue());
    }

    @Test
    void eachRunsOnItsOwnJetty() throws Exception {
        assertThat(org.eclipse.jetty.util.Jetty.VERSION).startsWith("11.");
        Class<?> relocated = Class.forName("io.offsetkit.server.standalone.shaded.org.eclipse.jetty.util.Jetty");
        assertThat((String) relocated.getField("VERSION").get(null)).startsWith("12.");
    }

    private static HttpResponse<String> send(String baseUrl, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
