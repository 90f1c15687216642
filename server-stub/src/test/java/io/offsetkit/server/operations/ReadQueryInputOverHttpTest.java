package io.offsetkit.server.operations;

import static io.offsetkit.server.testsupport.ErrorAssertions.assertError;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.testsupport.Ids;
import io.offsetkit.server.testsupport.RunningServer;
import io.offsetkit.server.testsupport.ServerOverHttpTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of bad query input of the reads, over real HTTP: the documented 400 with a message naming
 * the parameter and the value, never a 500 and never the contract's default in place of what was sent.
 */
@ServerOverHttpTest
class ReadQueryInputOverHttpTest {

    private static final String TOPICS =
            "/v2/" + Ids.PROJECT + "/instances/" + Ids.INSTANCE + "/groups/" + Ids.GROUP + "/topics";
    private static final String CLIENTS =
            "/v2/rocketmq/" + Ids.PROJECT + "/instances/" + Ids.INSTANCE + "/groups/" + Ids.GROUP + "/clients";
    private static final String STATUS =
            "/v2/" + Ids.PROJECT + "/instances/" + Ids.INSTANCE + "/topics/" + Ids.TOPIC + "/status";

    @RunningServer.Server
    int port;

    private Response get(String pathAndQuery) {
        // The query is sent exactly as written here.
        return given().port(port).urlEncodingEnabled(false).get(pathAndQuery);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "limit=      | limit is empty",
                "limit=abc   | 'abc' is not a decimal integer",
                "limit=1.5   | '1.5' is not a decimal integer",
                "limit=%2B5  | '+5' is not a decimal integer",
                "limit=%205  | ' 5' is not a decimal integer",
                "limit=-1    | '-1' is negative",
                "limit=0     | '0' is below 1",
                "offset=-1   | '-1' is negative",
                "offset=-99999999999999999999 | is negative",
                "offset=x    | 'x' is not a decimal integer",
                "offset=     | offset is empty",
            })
    void pagingThatIsNotADecimalIntegerInRangeIs400NamingIt(String query, String reason) {
        // GIVEN a read of the group's topics, and of its consumers, with the bad value
        // WHEN it is sent, THEN 400 DMS.00400800 names the parameter, the value and the range
        for (String path : new String[] {TOPICS, CLIENTS}) {
            String parameter = query.substring(0, query.indexOf('='));
            assertError(get(path + "?" + query), 400, "DMS.00400800", parameter, reason, "decimal integer");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"51", "100", "2147483647", "2147483648", "99999999999999999999"})
    void aLimitAboveFiftyIsTheDocumentedLimitError(String limit) {
        assertError(get(TOPICS + "?limit=" + limit), 400, "DMS.10240042", "limit", "'" + limit + "'", "1 to 50");
        assertError(get(CLIENTS + "?limit=" + limit), 400, "DMS.10240042", "limit", "'" + limit + "'", "1 to 50");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483648", "9223372036854775807", "99999999999999999999"})
    void anOffsetBeyondA32BitIntegerIsTheDocumentedOffsetError(String offset) {
        assertError(get(TOPICS + "?offset=" + offset), 400, "DMS.10240043", "offset", "'" + offset + "'");
        assertError(get(CLIENTS + "?offset=" + offset), 400, "DMS.10240043", "offset", "'" + offset + "'");
    }

    @Test
    void theLargestOffsetAndTheLimitsBoundsAreAccepted() {
        assertThat(get(TOPICS + "?limit=50&offset=2147483647").statusCode()).isEqualTo(200);
        assertThat(get(TOPICS + "?limit=1&offset=0").statusCode()).isEqualTo(200);
        assertThat(get(CLIENTS + "?limit=50&offset=2147483647&is_detail=true").statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "TRUE", "True", "1", "0", "", "true%20"})
    void isDetailOtherThanTrueOrFalseIs400(String value) {
        assertError(get(CLIENTS + "?is_detail=" + value), 400, "DMS.00400800", "is_detail", "true or false");
    }

    @Test
    void anUnknownQueryParameterIs400NamingIt() {
        assertError(get(TOPICS + "?limt=5"), 400, "DMS.00400800", "'limt'", "topic, limit, offset");
        assertError(get(CLIENTS + "?detail=true"), 400, "DMS.00400800", "'detail'", "limit, offset, is_detail");
        assertError(get(STATUS + "?limit=5"), 400, "DMS.00400800", "'limit'", "it takes none");
        // is_detail belongs to the consumers' read only
        assertError(get(TOPICS + "?is_detail=true"), 400, "DMS.00400800", "'is_detail'");
    }

    @Test
    void aQueryParameterGivenTwiceIs400NamingIt() {
        assertError(get(TOPICS + "?limit=5&limit=5"), 400, "DMS.00400800", "'limit'", "more than once");
        assertError(get(CLIENTS + "?offset=0&is_detail=true&offset=1"), 400, "DMS.00400800", "'offset'");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "topic=          | topic is empty",
                "topic=a.b       | '.'",
                "topic=t%C3%B6   | not allowed",
            })
    void aTopicOutsideTheContractsNamesIs400(String query, String reason) {
        assertError(get(TOPICS + "?" + query), 400, "DMS.00400800", reason);
    }

    @Test
    void aQueryThatIsNotPercentEncodedIs400() throws IOException {
        // Sent over a socket: HTTP clients refuse to send such a query at all.
        String response = rawGet(TOPICS + "?topic=%ZZ", "");

        assertThat(response).startsWith("HTTP/1.1 400").contains("DMS.00400800").contains("not percent-encoded");
    }

    @Test
    void aTopicLongerThanTheContractAllowsIs400() {
        assertError(get(TOPICS + "?topic=" + "t".repeat(128)), 400, "DMS.00400800", "topic", "1 to 127");
    }

    @Test
    void emptyPairsAndTheContentTypeTheSdksSendAreAccepted() throws IOException {
        String response = rawGet(TOPICS + "?limit=5&&offset=0&", "Content-Type: application/json\r\n");

        assertThat(response).startsWith("HTTP/1.1 200").contains("\"total\":");
    }

    /** A GET sent byte for byte, for what HTTP clients will not send; the whole response as text. */
    private String rawGet(String pathAndQuery, String headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + headers
                            + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aGetWithABodyIsRefused() {
        Response response = given().port(port)
                .urlEncodingEnabled(false)
                .contentType("application/json")
                .body("{\"topic\":\"topic_01\"}")
                .get(STATUS);

        assertError(response, 400, "DMS.00400800", "showTopicStatus", "takes no request body");
    }

    @Test
    void aReadOnTheResetsMethodIs405() {
        Response response =
                given().port(port).contentType("application/json").body("{}").post(STATUS);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.header("Allow")).startsWith("GET");
    }
}
