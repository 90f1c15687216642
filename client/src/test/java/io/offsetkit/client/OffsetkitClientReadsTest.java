package io.offsetkit.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.offsetkit.client.auth.Credentials;
import io.offsetkit.client.retry.RetryPolicy;
import io.offsetkit.signing.SdkAuthorization;
import io.offsetkit.signing.SdkHmacSha256;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The three reads on the wire: each sends the contract's route and query, signed with the query in
 * the canonical request, and reads every field of the contract's example answers into its typed
 * result; paging, errors and retries as for the reset.
 */
class OffsetkitClientReadsTest extends WireMockTestBase {

    static final String BASE = "/v2/" + Documented.PROJECT + "/instances/" + Documented.INSTANCE;
    static final String TOPICS = BASE + "/groups/group_01/topics";
    static final String STATUS = BASE + "/topics/topic_01/status";
    static final String CLIENTS =
            "/v2/rocketmq/" + Documented.PROJECT + "/instances/" + Documented.INSTANCE + "/groups/group_01/clients";

    static ResponseDefinitionBuilder ok(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Request-Id", "req-read")
                .withBody(body);
    }

    static List<LoggedRequest> sent() {
        // WireMock lists the newest first
        List<LoggedRequest> requests = new ArrayList<>(wireMock.getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .toList());
        Collections.reverse(requests);
        return requests;
    }

    @Test
    void groupTopicsSendsThePageAndReadsTheDocumentedAnswer() {
        // GIVEN a server answering the group's topics with the contract's example
        wireMock.stubFor(
                get(urlPathEqualTo(TOPICS)).willReturn(ok(Documented.readExample("ConsumerListOrDetails", "topics"))));

        // WHEN the first page of 10 is read
        GroupTopicsPage page = clientFor().build().groupTopics(Documented.INSTANCE, "group_01", 10, 0);

        // THEN the page is the example's, and it is the last
        assertThat(page).isEqualTo(new GroupTopicsPage(List.of("topic_01"), 1, 0, "req-read"));
        assertThat(page.hasNext()).isFalse();
        // AND the request was a GET of the route with limit and offset, no body and no Content-Type
        wireMock.verify(getRequestedFor(urlPathEqualTo(TOPICS))
                .withQueryParam("limit", equalTo("10"))
                .withQueryParam("offset", equalTo("0"))
                .withQueryParam("topic", absent())
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("X-Project-Id", equalTo(Documented.PROJECT))
                .withHeader("Content-Type", absent()));
        assertThat(sent().get(0).getBody()).isEmpty();
    }

    @Test
    void allGroupTopicsWalksEveryPageUntilTheTotal() {
        // GIVEN a group with 120 topics, served 50 at a time
        for (int offset = 0; offset < 120; offset += 50) {
            StringBuilder names = new StringBuilder();
            for (int i = offset; i < Math.min(offset + 50, 120); i++) {
                names.append(names.isEmpty() ? "" : ",").append("\"t").append(i).append('"');
            }
            wireMock.stubFor(get(urlPathEqualTo(TOPICS))
                    .withQueryParam("offset", equalTo(String.valueOf(offset)))
                    .willReturn(ok("{\"topics\":[" + names + "],\"total\":120}")));
        }

        // WHEN every topic is asked for
        List<String> topics = clientFor().build().allGroupTopics(Documented.INSTANCE, "group_01");

        // THEN all 120 come back in order, from three pages of limit 50 at offsets 0, 50, 100
        assertThat(topics).hasSize(120).startsWith("t0", "t1").endsWith("t119").doesNotHaveDuplicates();
        assertThat(sent())
                .extracting(request -> request.queryParameter("offset").firstValue())
                .containsExactly("0", "50", "100");
        assertThat(sent())
                .allSatisfy(request ->
                        assertThat(request.queryParameter("limit").firstValue()).isEqualTo("50"));
    }

    @Test
    void allGroupTopicsStopsAtAnEmptyPageEvenWhenTheTotalSaysMore() {
        // GIVEN a server whose total promises more than its pages hold
        wireMock.stubFor(get(urlPathEqualTo(TOPICS))
                .withQueryParam("offset", equalTo("0"))
                .willReturn(ok("{\"topics\":[\"a\",\"b\"],\"total\":5}")));
        wireMock.stubFor(get(urlPathEqualTo(TOPICS))
                .withQueryParam("offset", equalTo("2"))
                .willReturn(ok("{\"topics\":[],\"total\":5}")));

        // WHEN every topic is asked for
        List<String> topics = clientFor().build().allGroupTopics(Documented.INSTANCE, "group_01");

        // THEN the walk ends at the empty page instead of asking forever
        assertThat(topics).containsExactly("a", "b");
        assertThat(sent()).hasSize(2);
    }

    @Test
    void groupProgressReadsEveryQueueAndTheSums() {
        // GIVEN a server answering the progress with the contract's example, plus a second broker
        wireMock.stubFor(get(urlPathEqualTo(TOPICS))
                .withQueryParam("topic", equalTo("topic_01"))
                .willReturn(ok("{\"lag\":107,\"max_offset\":110,\"consumer_offset\":3,\"brokers\":["
                        + "{\"broker_name\":\"broker-1\",\"queues\":[{\"id\":0,\"lag\":100,\"broker_offset\":100,"
                        + "\"consumer_offset\":0,\"last_message_time\":1662652899000}]},"
                        + "{\"broker_name\":\"broker-2\",\"queues\":[{\"id\":0,\"lag\":7,\"broker_offset\":10,"
                        + "\"consumer_offset\":3,\"last_message_time\":0}]}]}")));

        // WHEN group_01's progress on topic_01 is read
        ConsumerProgress progress = clientFor().build().groupProgress(Documented.INSTANCE, "group_01", "topic_01");

        // THEN every queue comes back typed, with the sums and the request id
        assertThat(progress.queues())
                .containsExactly(
                        new QueueProgress("broker-1", 0, 100, 0, 100, 1662652899000L),
                        new QueueProgress("broker-2", 0, 10, 3, 7, 0));
        assertThat(progress.lag()).isEqualTo(107);
        assertThat(progress.maxOffset()).isEqualTo(110);
        assertThat(progress.consumerOffset()).isEqualTo(3);
        assertThat(progress.topic()).isEqualTo("topic_01");
        assertThat(progress.requestId()).isEqualTo("req-read");
        // AND the offsets are in a reset's form, to compare with what a reset answered
        assertThat(progress.consumerOffsets())
                .containsExactly(new QueueOffset("broker-1", 0, 0), new QueueOffset("broker-2", 0, 3));
    }

    @Test
    void groupProgressOfTheDocumentedExampleIsTheContractsExample() {
        // GIVEN the contract's progress example
        wireMock.stubFor(get(urlPathEqualTo(TOPICS))
                .willReturn(ok(Documented.readExample("ConsumerListOrDetails", "progress"))));

        // WHEN it is read
        ConsumerProgress progress = clientFor().build().groupProgress(Documented.INSTANCE, "group_01", "topic_01");

        // THEN it is the documented queue, after the documented reset
        assertThat(progress)
                .isEqualTo(new ConsumerProgress(
                        "topic_01",
                        100,
                        100,
                        0,
                        List.of(new QueueProgress("broker-1", 0, 100, 0, 100, 1662652899000L)),
                        "req-read"));
    }

    @Test
    void topicStatusReadsOffsetsBeyond32Bits() {
        // GIVEN a topic whose queue went past 2^31 messages (the SDK 3.1.143 types these 32-bit)
        wireMock.stubFor(get(urlPathEqualTo(STATUS))
                .willReturn(ok("{\"max_offset\":3000000000,\"min_offset\":2500000000,\"brokers\":["
                        + "{\"broker_name\":\"broker-1\",\"queues\":[{\"id\":3,\"min_offset\":2500000000,"
                        + "\"max_offset\":3000000000,\"last_message_time\":1662652899000}]}]}")));

        // WHEN the topic's status is read
        TopicStatus status = clientFor().build().topicStatus(Documented.INSTANCE, "topic_01");

        // THEN the 64-bit offsets come back exact
        assertThat(status)
                .isEqualTo(new TopicStatus(
                        "topic_01",
                        2_500_000_000L,
                        3_000_000_000L,
                        List.of(new QueueStatus("broker-1", 3, 2_500_000_000L, 3_000_000_000L, 1662652899000L)),
                        "req-read"));
        wireMock.verify(getRequestedFor(urlPathEqualTo(STATUS)).withHeader("Content-Type", absent()));
        assertThat(sent().get(0).getUrl()).isEqualTo(STATUS);
    }

    @Test
    void consumersWithDetailsReadsTheDocumentedConsumerAndItsSubscriptions() {
        // GIVEN the contract's example of an online group
        wireMock.stubFor(
                get(urlPathEqualTo(CLIENTS)).willReturn(ok(Documented.readExample("ConsumerConnections", "online"))));

        // WHEN the first page is read with details
        ConsumersPage page = clientFor().build().consumers(Documented.INSTANCE, "group_01", 10, 0, true);

        // THEN every field is read
        assertThat(page)
                .isEqualTo(new ConsumersPage(
                        "group_01",
                        true,
                        true,
                        1,
                        -1,
                        -1,
                        List.of(new ConsumerInfo(
                                "192.168.0.10@4711#1662652800000",
                                "192.168.0.10:53412",
                                "JAVA",
                                "V5_3_1",
                                List.of(new Subscription("topic_01", "TAG", "*")))),
                        "req-read"));
        assertThat(page.hasNext()).isFalse();
        // AND the route is the /v2/rocketmq one, with the page and is_detail
        wireMock.verify(getRequestedFor(urlPathEqualTo(CLIENTS))
                .withQueryParam("limit", equalTo("10"))
                .withQueryParam("offset", equalTo("0"))
                .withQueryParam("is_detail", equalTo("true")));
    }

    @Test
    void consumersWithoutDetailsAcceptsConsumersWithoutSubscriptions() {
        // GIVEN a second page of two, without subscriptions, with a next page
        wireMock.stubFor(get(urlPathEqualTo(CLIENTS))
                .willReturn(ok("{\"group_name\":\"group_01\",\"online\":true,\"subscription_consistency\":false,"
                        + "\"total\":5,\"next_offset\":4,\"previous_offset\":0,\"clients\":["
                        + "{\"client_id\":\"c2\",\"client_addr\":\"10.0.0.2:1\",\"language\":\"JAVA\",\"version\":\"V5\"},"
                        + "{\"client_id\":\"c3\",\"subscriptions\":null}]}")));

        // WHEN the page at offset 2 is read without details
        ConsumersPage page = clientFor().build().consumers(Documented.INSTANCE, "group_01", 2, 2, false);

        // THEN both consumers come back with no subscription, and the paging says what follows
        assertThat(page.consumers())
                .containsExactly(
                        new ConsumerInfo("c2", "10.0.0.2:1", "JAVA", "V5", List.of()),
                        new ConsumerInfo("c3", null, null, null, List.of()));
        assertThat(page.hasNext()).isTrue();
        assertThat(page.nextOffset()).isEqualTo(4);
        assertThat(page.previousOffset()).isZero();
        assertThat(page.subscriptionConsistency()).isFalse();
        wireMock.verify(getRequestedFor(urlPathEqualTo(CLIENTS))
                .withQueryParam("limit", equalTo("2"))
                .withQueryParam("offset", equalTo("2"))
                .withQueryParam("is_detail", equalTo("false")));
    }

    @Test
    void anUnknownGroupIsTheTypedNotFound() {
        // GIVEN a server that does not know the group
        wireMock.stubFor(get(urlPathEqualTo(TOPICS))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("X-Request-Id", "req-404")
                        .withBody("{\"error_code\":\"DMS.10240405\",\"error_msg\":\"The consumer group group_01 "
                                + "does not exist.\"}")));

        // WHEN its progress is read
        OffsetkitApiException failure = catchThrowableOfType(
                OffsetkitApiException.class,
                () -> clientFor().build().groupProgress(Documented.INSTANCE, "group_01", "topic_01"));

        // THEN the error is the reset's typed one, with every field
        assertThat(failure.httpStatus()).isEqualTo(404);
        assertThat(failure.errorCode()).contains("DMS.10240405");
        assertThat(failure.hasErrorCode("DMS.10240405")).isTrue();
        assertThat(failure.errorMsg()).contains("The consumer group group_01 does not exist.");
        assertThat(failure.requestId()).contains("req-404");
        assertThat(failure.getMessage())
                .isEqualTo(
                        "HTTP 404 DMS.10240405: The consumer group group_01 does not exist. (X-Request-Id: req-404)");
    }

    @Test
    void anAnswerWithoutAFieldTheResultNeedsNamesIt() {
        // GIVEN a 200 whose second queue lacks its consumer offset
        wireMock.stubFor(get(urlPathEqualTo(TOPICS))
                .willReturn(ok("{\"lag\":0,\"max_offset\":0,\"consumer_offset\":0,\"brokers\":[{\"broker_name\":"
                        + "\"b\",\"queues\":[{\"id\":0,\"lag\":0,\"broker_offset\":0,\"consumer_offset\":0,"
                        + "\"last_message_time\":0},{\"id\":1,\"lag\":0,\"broker_offset\":0,"
                        + "\"last_message_time\":0}]}]}")));

        // WHEN it is read
        OffsetkitApiException failure = catchThrowableOfType(
                OffsetkitApiException.class,
                () -> clientFor().build().groupProgress(Documented.INSTANCE, "group_01", "topic_01"));

        // THEN the failure names the field by its JSON path
        assertThat(failure.httpStatus()).isEqualTo(200);
        assertThat(failure.getMessage())
                .startsWith("HTTP 200 with a body the contract does not allow: "
                        + "brokers[0].queues[1].consumer_offset is missing;");
    }

    @Test
    void aTopicsAnswerToATopicsReadWithoutTheArrayIsRefused() {
        // GIVEN a 200 answering the progress form where the topics form was asked
        wireMock.stubFor(get(urlPathEqualTo(TOPICS))
                .willReturn(ok(Documented.readExample("ConsumerListOrDetails", "progress"))));

        // WHEN the topics are read
        // THEN the client says what is missing
        assertThatThrownBy(() -> clientFor().build().groupTopics(Documented.INSTANCE, "group_01", 10, 0))
                .isInstanceOf(OffsetkitApiException.class)
                .hasMessageContaining("it has no \"topics\" array");
    }

    @Test
    void readsAreSignedWithTheQueryInTheCanonicalRequest() {
        // GIVEN a client with AK/SK and a server answering the three reads
        wireMock.stubFor(get(urlPathEqualTo(TOPICS))
                .withQueryParam("topic", absent())
                .willReturn(ok(Documented.readExample("ConsumerListOrDetails", "topics"))));
        wireMock.stubFor(get(urlPathEqualTo(TOPICS))
                .withQueryParam("topic", equalTo("%RETRY%topic|01"))
                .willReturn(ok(Documented.readExample("ConsumerListOrDetails", "progress"))));
        wireMock.stubFor(get(urlPathEqualTo(STATUS)).willReturn(ok(Documented.readExample("TopicStatus", "topic01"))));
        wireMock.stubFor(
                get(urlPathEqualTo(CLIENTS)).willReturn(ok(Documented.readExample("ConsumerConnections", "offline"))));
        OffsetkitClient client = clientFor()
                .credentials(Credentials.akSk("AccessKey", "SecretKey"))
                .build();

        // WHEN each read is made, one with a topic that travels percent-encoded in the query
        client.groupTopics(Documented.INSTANCE, "group_01", 7, 3);
        client.groupProgress(Documented.INSTANCE, "group_01", "%RETRY%topic|01");
        client.topicStatus(Documented.INSTANCE, "topic_01");
        client.consumers(Documented.INSTANCE, "group_01", 50, 0, true);

        // THEN every request's signature verifies over its path and query as sent
        assertThat(sent()).hasSize(4).allSatisfy(request -> {
            SdkAuthorization authorization = SignatureCheck.assertVerifies(request, "AccessKey", "SecretKey");
            assertThat(authorization.signedHeaders())
                    .containsExactly("accept", "host", "user-agent", "x-project-id", "x-sdk-date");
        });
        assertThat(sent().get(1).getUrl()).endsWith("/topics?topic=%25RETRY%25topic%7C01");
        // AND the query is part of what is signed: the same request with another limit signs differently
        LoggedRequest first = sent().get(0);
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name :
                SdkAuthorization.parse(first.getHeader("Authorization")).signedHeaders()) {
            signed.put(name, first.getHeader(name));
        }
        String otherQuery = SdkHmacSha256.canonicalRequest(
                "GET",
                TOPICS,
                "limit=8&offset=3",
                SdkHmacSha256.canonicalHeaders(signed),
                SdkHmacSha256.payloadHash(new byte[0]));
        assertThat(SdkAuthorization.parse(first.getHeader("Authorization")).signature())
                .isNotEqualTo(SdkHmacSha256.signature(
                        "SecretKey", SdkHmacSha256.stringToSign(first.getHeader("X-Sdk-Date"), otherQuery)));
    }

    @Test
    void theGeneratedApisReadsCarryTheClientsHeadersAndSignature() throws Exception {
        // GIVEN a client with AK/SK and a server answering the consumers
        wireMock.stubFor(
                get(urlPathEqualTo(CLIENTS)).willReturn(ok(Documented.readExample("ConsumerConnections", "online"))));
        OffsetkitClient client = clientFor()
                .credentials(Credentials.akSk("AccessKey", "SecretKey"))
                .build();

        // WHEN the generated API it hands out reads them, with its own query
        var answer = client.generatedApi()
                .showConsumerConnections(Documented.PROJECT, Documented.INSTANCE, "group_01", 5, 0, true);

        // THEN it reads the generated model, and its request verifies, query included
        assertThat(answer.getClients().get(0).getClientId()).isEqualTo("192.168.0.10@4711#1662652800000");
        LoggedRequest request = sent().get(0);
        assertThat(request.queryParameter("is_detail").firstValue()).isEqualTo("true");
        SignatureCheck.assertVerifies(request, "AccessKey", "SecretKey");
        assertThat(request.getHeader("User-Agent")).isEqualTo(client.userAgent());
    }

    @Test
    void aReadThatFailedWith503IsRetried() {
        // GIVEN a server that answers 503 once, then the status
        wireMock.stubFor(get(urlPathEqualTo(STATUS))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withBody("{\"error_code\":\"DMS.00500000\",\"error_msg\":\"busy\"}"))
                .willSetStateTo("recovered"));
        wireMock.stubFor(get(urlPathEqualTo(STATUS))
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(ok(Documented.readExample("TopicStatus", "topic01"))));

        // WHEN a client with retries reads it
        TopicStatus status = clientFor()
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(2)
                        .initialBackoff(Duration.ofMillis(10))
                        .build())
                .build()
                .topicStatus(Documented.INSTANCE, "topic_01");

        // THEN the second attempt's answer is the result
        assertThat(status.queues()).containsExactly(new QueueStatus("broker-1", 0, 0, 100, 1662652899000L));
        assertThat(sent()).hasSize(2);
    }

    @Test
    void pagingArgumentsOutOfTheContractsRangeAreRefusedBeforeSending() {
        OffsetkitClient client = clientFor().build();

        assertThatThrownBy(() -> client.groupTopics(Documented.INSTANCE, "group_01", 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be 1 to 50, was 0");
        assertThatThrownBy(() -> client.consumers(Documented.INSTANCE, "group_01", 51, 0, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be 1 to 50, was 51");
        assertThatThrownBy(() -> client.groupTopics(Documented.INSTANCE, "group_01", 10, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("offset must be 0 or more, was -1");
        assertThatThrownBy(() -> client.topicStatus(Documented.INSTANCE, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("topic is blank");
        assertThat(sent()).isEmpty();
    }
}
