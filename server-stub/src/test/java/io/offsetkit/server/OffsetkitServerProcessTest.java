package io.offsetkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.settings.Setting;
import io.offsetkit.server.testsupport.ServerProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java ... io.offsetkit.server.OffsetkitServer}, the main class of the runnable jar, in a child
 * JVM: what it prints and the exit code it ends with, for help, bad settings, a port in use, and a
 * server that starts, answers the request its banner suggests, and stops on SIGTERM.
 */
class OffsetkitServerProcessTest {

    private static final Duration START = Duration.ofSeconds(60);
    private static final String DOCUMENTED_RESPONSE =
            "{\"queues\":[{\"broker_name\":\"broker-1\",\"queue_id\":0,\"timestamp_offset\":0}]}";

    @TempDir
    Path dir;

    private ServerProcess start(String... args) throws Exception {
        return ServerProcess.start(dir, List.of(args));
    }

    @Test
    void helpExitsZeroAndListsEverySetting() throws Exception {
        try (ServerProcess server = start("--help")) {
            assertThat(server.awaitExit(START)).isZero();

            String help = server.output();
            for (Setting setting : Setting.values()) {
                if (!setting.isFamily()) {
                    assertThat(help).contains("--" + setting.key() + "=");
                }
            }
            assertThat(help)
                    .contains("--offsetkit.rocketmq.instances[N].FIELD=VALUE")
                    .contains("--logging.level.LOGGER=LEVEL");
        }
    }

    @Test
    void versionExitsZeroAndNamesTheServer() throws Exception {
        try (ServerProcess server = start("--version")) {
            assertThat(server.awaitExit(START)).isZero();
            assertThat(server.output()).startsWith("offsetkit-server ");
        }
    }

    @Test
    void aBadSettingExitsTwoNamingTheKeyAndTheValue() throws Exception {
        try (ServerProcess server = start("--offsetkit.data-dir=" + dir.resolve("data"), "--server.port=eighty")) {
            assertThat(server.awaitExit(START)).isEqualTo(2);
            assertThat(server.output())
                    .contains("invalid setting")
                    .contains("server.port=eighty")
                    .contains("from 0 to 65535")
                    .contains("given by the command line");
        }
        assertThat(dir.resolve("data")).as("nothing was opened").doesNotExist();
    }

    @Test
    void aBadEnvironmentVariableExitsTwoNamingTheVariable() throws Exception {
        try (ServerProcess server = ServerProcess.start(dir, Map.of("OFFSETKIT_AUTH_MODE", "tokn"), List.of())) {
            assertThat(server.awaitExit(START)).isEqualTo(2);
            assertThat(server.output())
                    .contains("offsetkit.auth.mode=tokn")
                    .contains("none, token, aksk")
                    .contains("the environment variable OFFSETKIT_AUTH_MODE");
        }
    }

    @Test
    void anUnknownOptionExitsTwoNamingTheClosestOne() throws Exception {
        try (ServerProcess server = start("--server.prot=9090")) {
            assertThat(server.awaitExit(START)).isEqualTo(2);
            assertThat(server.output()).contains("--server.prot").contains("did you mean --server.port?");
        }
    }

    @Test
    void aPortInUseExitsOneNamingTheAddressAndThePort() throws Exception {
        // GIVEN a port this test listens on
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
                ServerProcess server =
                        start("--offsetkit.data-dir=" + dir.resolve("data"), "--server.port=" + taken.getLocalPort())) {
            // WHEN the server is started on it, THEN it stops with 1, saying where it could not listen
            assertThat(server.awaitExit(START)).isEqualTo(1);
            assertThat(server.output()).contains("cannot start").contains("127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void aStartedServerPrintsItsBannerAndAnswersTheCurlItSuggestsThenStopsOnSigterm() throws Exception {
        try (ServerProcess server = start("--server.port=0", "--offsetkit.data-dir=" + dir.resolve("data"))) {
            // WHEN the server starts with the default fixture
            String baseUrl = server.awaitBaseUrl(START);

            // THEN its banner says where it listens, that the admin API is for this machine only, and
            // gives a curl of the documented example
            assertThat(baseUrl).matches("http://127\\.0\\.0\\.1:\\d+");
            server.awaitLine(Pattern.compile("Admin API .*open to clients on this machine only"), START);
            Matcher curl = server.awaitLine(
                    Pattern.compile("curl -sS -X POST '([^']+)' -H 'Content-Type: application/json' -d '([^']+)'"),
                    START);
            assertThat(curl.group(1)).startsWith(baseUrl + "/v2/rocketmq/");
            // AND that request, sent as the curl sends it, gets the documented answer
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(curl.group(1)))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(curl.group(2)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(JsonMapper.shared().readTree(response.body()))
                    .isEqualTo(JsonMapper.shared().readTree(DOCUMENTED_RESPONSE));
            assertThat(response.headers().firstValue("X-Request-Id")).isPresent();

            // WHEN it gets SIGTERM, THEN it stops gracefully
            server.terminate();
            assertThat(server.awaitExit(Duration.ofSeconds(40))).isEqualTo(143);
            assertThat(server.output())
                    .contains("Stopping: finishing the requests in flight")
                    .contains("Stopped");
        }
    }
}
