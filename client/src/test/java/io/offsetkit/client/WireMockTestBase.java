package io.offsetkit.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.offsetkit.client.auth.Credentials;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One WireMock server on a free port per test class, emptied before each test. */
abstract class WireMockTestBase {

    static WireMockServer wireMock;

    @BeforeAll
    static void startWireMock() {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(8));
        wireMock.start();
    }

    @AfterAll
    static void stopWireMock() {
        wireMock.stop();
    }

    @BeforeEach
    void resetWireMock() {
        wireMock.resetAll();
    }

    /** A loopback port where nothing listens: taken from the kernel, then released. */
    static int portWhereNothingListens() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A client builder for the WireMock server with no credentials. */
    static OffsetkitClient.Builder clientFor() {
        return OffsetkitClient.builder()
                .endpoint(wireMock.baseUrl())
                .projectId(Documented.PROJECT)
                .credentials(Credentials.none());
    }

    /** The documented response, with a request id. */
    static ResponseDefinitionBuilder documentedAnswer() {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Request-Id", "req-documented")
                .withBody(Documented.RESPONSE);
    }

    static void stubDocumentedRoute(ResponseDefinitionBuilder answer) {
        wireMock.stubFor(post(urlPathEqualTo(Documented.PATH)).willReturn(answer));
    }

    static List<LoggedRequest> received() {
        return wireMock.findAll(postRequestedFor(urlPathEqualTo(Documented.PATH)));
    }
}
