package io.offsetkit.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.offsetkit.api.DocumentedExample;
import io.offsetkit.api.DocumentedExamples;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error example of the contract, served with its status, becomes an {@link
 * OffsetkitApiException} with that status, code, message and request id; bodies of other shapes
 * still give a useful message.
 */
class OffsetkitApiExceptionMappingTest extends WireMockTestBase {

    /**
     * Every documented error example with the HTTP status the contract gives it, and whether only the
     * reads answer it (a read then provokes it, a reset otherwise).
     */
    static Stream<Arguments> documentedErrors() {
        // responses/<Name> -> status, from every operation's responses map; and which a reset answers
        Map<String, Integer> statusOfResponse = new HashMap<>();
        Set<String> resetResponses = new HashSet<>();
        Documented.CONTRACT
                .at("/paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(operation -> operation
                                .getValue()
                                .path("responses")
                                .properties()
                                .forEach(entry -> {
                                    String ref = entry.getValue().path("$ref").asString();
                                    String name = ref.substring(ref.lastIndexOf('/') + 1);
                                    statusOfResponse.put(name, Integer.parseInt(entry.getKey()));
                                    if (operation.getKey().equals("post")) {
                                        resetResponses.add(name);
                                    }
                                })));
        List<Arguments> errors = DocumentedExamples.of(Documented.CONTRACT).stream()
                .filter(example -> example.examplePointer().startsWith("/components/responses/"))
                .filter(example -> example.value().has("error_code"))
                .map(example -> {
                    String response = example.examplePointer().split("/")[3];
                    return Arguments.of(
                            example.value().get("error_code").asString(),
                            statusOfResponse.get(response),
                            !resetResponses.contains(response),
                            example);
                })
                .toList();
        // Guards the enumeration itself: the contract documents these 20 error examples (16 of the
        // reset's responses, 4 of the reads' 400).
        assertThat(errors).hasSize(20);
        return errors.stream();
    }

    @ParameterizedTest(name = "{0} (HTTP {1}, of a read only: {2})")
    @MethodSource("documentedErrors")
    void documentedErrorBecomesTheTypedException(
            String errorCode, int status, boolean readsOnly, DocumentedExample example) {
        // GIVEN a server answering with the documented error and a request id, to any request
        String errorMsg = example.value().get("error_msg").asString();
        wireMock.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Request-Id", "req-" + errorCode)
                        .withBody(example.value().toString())));

        // WHEN a reset is made (a read, for an error only the reads answer)
        OffsetkitClient client = clientFor().build();
        OffsetkitApiException failure = catchThrowableOfType(OffsetkitApiException.class, () -> {
            if (readsOnly) {
                client.groupTopics(Documented.INSTANCE, Documented.GROUP, 10, 0);
            } else {
                client.resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC);
            }
        });

        // THEN the exception carries the status, code, message and request id
        assertThat(failure.httpStatus()).isEqualTo(status);
        assertThat(failure.errorCode()).contains(errorCode);
        assertThat(failure.errorMsg()).contains(errorMsg);
        assertThat(failure.requestId()).contains("req-" + errorCode);
        assertThat(failure.attempt()).isEqualTo(1);
        assertThat(failure.getMessage())
                .isEqualTo("HTTP " + status + " " + errorCode + ": " + errorMsg + " (X-Request-Id: req-" + errorCode
                        + ")");
    }

    @Test
    void htmlBodyGivesStatusAndBodyStart() {
        // GIVEN a proxy in front of the service answering with an HTML page and no request id
        stubDocumentedRoute(aResponse()
                .withStatus(502)
                .withHeader("Content-Type", "text/html")
                .withBody("<html>\n<body>Bad gateway</body>\n</html>" + "x".repeat(500)));

        // WHEN a reset is made
        OffsetkitApiException failure = catchThrowableOfType(
                OffsetkitApiException.class,
                () -> clientFor().build().resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC));

        // THEN the message has the status and the first characters of the body, on one line
        assertThat(failure.httpStatus()).isEqualTo(502);
        assertThat(failure.errorCode()).isEmpty();
        assertThat(failure.errorMsg()).isEmpty();
        assertThat(failure.requestId()).isEmpty();
        assertThat(failure.bodyStart())
                .startsWith("<html> <body>Bad gateway</body> </html>xxx")
                .endsWith("...")
                .hasSize(ResponseReader.BODY_START_CHARS + 3);
        assertThat(failure.getMessage())
                .startsWith("HTTP 502 with a body that is not a DMS error: <html> <body>Bad gateway</body>")
                .endsWith("(X-Request-Id: none)");
    }

    @Test
    void emptyErrorBodySaysSo() {
        // GIVEN a 404 with no body at all
        stubDocumentedRoute(aResponse().withStatus(404).withHeader("X-Request-Id", "r-404"));

        // WHEN a reset is made
        OffsetkitApiException failure = catchThrowableOfType(
                OffsetkitApiException.class,
                () -> clientFor().build().resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC));

        // THEN the message says the body was empty
        assertThat(failure.getMessage()).isEqualTo("HTTP 404 with an empty body (X-Request-Id: r-404)");
        assertThat(failure.bodyStart()).isEmpty();
    }

    @Test
    void jsonErrorOfAnotherShapeIsShownAsItsBody() {
        // GIVEN a gateway's own JSON error
        stubDocumentedRoute(
                aResponse().withStatus(401).withBody("{\"code\":\"APIGW.0301\",\"message\":\"Incorrect IAM\"}"));

        // WHEN a reset is made
        OffsetkitApiException failure = catchThrowableOfType(
                OffsetkitApiException.class,
                () -> clientFor().build().resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC));

        // THEN the message quotes the body
        assertThat(failure.httpStatus()).isEqualTo(401);
        assertThat(failure.errorCode()).isEmpty();
        assertThat(failure.getMessage()).contains("APIGW.0301").contains("Incorrect IAM");
    }

    @Test
    void successWithoutQueuesIsNotTakenForAResult() {
        // GIVEN a 200 whose body is not the contract's
        stubDocumentedRoute(
                aResponse().withStatus(200).withHeader("X-Request-Id", "r-1").withBody("{\"status\":\"ok\"}"));

        // WHEN a reset is made
        OffsetkitApiException failure = catchThrowableOfType(
                OffsetkitApiException.class,
                () -> clientFor().build().resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC));

        // THEN it fails naming what is wrong
        assertThat(failure.httpStatus()).isEqualTo(200);
        assertThat(failure.getMessage())
                .isEqualTo("HTTP 200 with a body the contract does not allow: it has no \"queues\" array; body starts: "
                        + "{\"status\":\"ok\"} (X-Request-Id: r-1)");
    }

    @Test
    void successWithAQueueLackingAFieldIsRefused() {
        // GIVEN a 200 whose second queue has no offset
        stubDocumentedRoute(aResponse()
                .withStatus(200)
                .withBody("{\"queues\":[{\"broker_name\":\"b\",\"queue_id\":0,\"timestamp_offset\":1},"
                        + "{\"broker_name\":\"b\",\"queue_id\":1}]}"));

        // WHEN a reset is made
        OffsetkitApiException failure = catchThrowableOfType(
                OffsetkitApiException.class,
                () -> clientFor().build().resetToLatest(Documented.INSTANCE, Documented.GROUP, Documented.TOPIC));

        // THEN the message names the queue
        assertThat(failure.getMessage()).contains("queues[1] lacks broker_name, queue_id or timestamp_offset");
    }
}
