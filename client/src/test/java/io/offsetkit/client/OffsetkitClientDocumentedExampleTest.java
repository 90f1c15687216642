package io.offsetkit.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.offsetkit.client.auth.Credentials;
import io.offsetkit.client.generated.model.ResetConsumeOffsetReq;
import io.offsetkit.client.generated.model.ResetConsumeOffsetResp;
import io.offsetkit.client.generated.model.ResetTimestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** The client sends the contract's documented request and reads back every field of its documented answer. */
class OffsetkitClientDocumentedExampleTest extends WireMockTestBase {

    @Test
    void documentedExampleRoundTripsEveryField() {
        // GIVEN a server that answers the documented route with the documented response
        stubDocumentedRoute(documentedAnswer());
        OffsetkitClient client = clientFor().build();

        // WHEN the documented reset is made, at the documented time as an Instant
        ResetResult result = client.resetToTime(
                Documented.INSTANCE, Documented.GROUP, Documented.TOPIC, Instant.ofEpochMilli(Documented.TIMESTAMP));

        // THEN every field of the documented answer comes back, typed
        assertThat(result.queues()).containsExactly(new QueueOffset("broker-1", 0, 0L));
        assertThat(result.requestId()).isEqualTo("req-documented");
        // AND the request on the wire is the documented one: route, JSON body with a numeric timestamp, headers
        LoggedRequest sent = received().get(0);
        assertThat(sent.getUrl()).isEqualTo(Documented.PATH);
        assertThat(sent.getBodyAsString()).isEqualTo("{\"topic\":\"topic_01\",\"timestamp\":1662652800000}");
        wireMock.verify(postRequestedFor(urlPathEqualTo(Documented.PATH))
                .withRequestBody(equalToJson(Documented.REQUEST))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("X-Project-Id", equalTo(Documented.PROJECT))
                .withHeader("User-Agent", equalTo(client.userAgent())));
        // AND the result is immutable
        assertThatThrownBy(() -> result.queues().add(new QueueOffset("b", 1, 1)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void epochMillisAndInstantSendTheSameRequest() {
        // GIVEN the documented server
        stubDocumentedRoute(documentedAnswer());
        OffsetkitClient client = clientFor().build();

        // WHEN the same time is given as milliseconds
        ResetResult result =
                client.resetToTime(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC, 1662652800000L);

        // THEN the same body is sent and the same answer read
        assertThat(received().get(0).getBodyAsString())
                .isEqualTo("{\"topic\":\"topic_01\",\"timestamp\":1662652800000}");
        assertThat(result.queues()).containsExactly(new QueueOffset("broker-1", 0, 0L));
    }

    @Test
    void resetToLatestSendsMinusOne() {
        // GIVEN a server answering with offsets at the end of two queues
        stubDocumentedRoute(documentedAnswer()
                .withBody("{\"queues\":[{\"broker_name\":\"broker-1\",\"queue_id\":0,\"timestamp_offset\":42},"
                        + "{\"broker_name\":\"broker-1\",\"queue_id\":1,\"timestamp_offset\":7,\"extra\":true}]}"));

        // WHEN the group is reset to the latest offsets
        ResetResult result = clientFor().build().resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC);

        // THEN the wire carries timestamp -1, and both queues come back in order (unknown fields ignored)
        assertThat(received().get(0).getBodyAsString()).isEqualTo("{\"topic\":\"topic_01\",\"timestamp\":-1}");
        assertThat(result.queues())
                .containsExactly(new QueueOffset("broker-1", 0, 42L), new QueueOffset("broker-1", 1, 7L));
    }

    @Test
    void reliabilityEngineUsesItsRoute() {
        // GIVEN a server answering the route of the reliability alias
        wireMock.stubFor(post(urlPathEqualTo(Documented.path("reliability"))).willReturn(documentedAnswer()));

        // WHEN the client is built for that engine
        ResetResult result = clientFor()
                .engine(Engine.RELIABILITY)
                .build()
                .resetToTime(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC, Documented.TIMESTAMP);

        // THEN the request went to that route
        assertThat(result.queues()).hasSize(1);
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(Documented.path("reliability"))));
    }

    @Test
    void generatedApiStaysReachableAndCarriesTheClientsHeaders() throws Exception {
        // GIVEN the documented server and a client with a token
        stubDocumentedRoute(documentedAnswer());
        OffsetkitClient client =
                clientFor().credentials(Credentials.token("tok-123")).build();

        // WHEN the generated API handed out by the client is called directly
        ResetConsumeOffsetResp response = client.generatedApi()
                .resetConsumeOffset(
                        "rocketmq",
                        Documented.PROJECT,
                        Documented.INSTANCE,
                        Documented.GROUP,
                        new ResetConsumeOffsetReq().topic("topic_01").timestamp(new ResetTimestamp("1662652800000")));

        // THEN it answers with the generated model, and its request carries the client's headers
        assertThat(response.getQueues().get(0).getBrokerName()).isEqualTo("broker-1");
        LoggedRequest sent = received().get(0);
        assertThat(sent.getHeader("X-Auth-Token")).isEqualTo("tok-123");
        assertThat(sent.getHeader("User-Agent")).isEqualTo(client.userAgent());
        assertThat(sent.getHeader("X-Project-Id")).isEqualTo(Documented.PROJECT);
        assertThat(client.generatedApi()).isSameAs(client.generatedApi());
    }

    @Test
    void oneClientServesManyThreads() throws Exception {
        // GIVEN one client
        stubDocumentedRoute(documentedAnswer());
        OffsetkitClient client = clientFor().build();

        // WHEN 4 threads reset through it 5 times each
        List<Thread> threads = new ArrayList<>();
        Queue<Object> results = new ConcurrentLinkedQueue<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 5; i++) {
                    try {
                        results.add(client.resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC));
                    } catch (RuntimeException e) {
                        results.add(e);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(10_000);
        }

        // THEN all 20 calls got the documented answer
        assertThat(results)
                .hasSize(20)
                .allSatisfy(r -> assertThat(r)
                        .isEqualTo(new ResetResult(List.of(new QueueOffset("broker-1", 0, 0L)), "req-documented")));
    }
}
