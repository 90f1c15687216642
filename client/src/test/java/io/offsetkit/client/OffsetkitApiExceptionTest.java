package io.offsetkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The builder puts each part where its getter finds it, and the message says what happened. */
class OffsetkitApiExceptionTest {

    @Test
    void dmsErrorMessageCarriesStatusCodeMessageAndRequestId() {
        // GIVEN a documented DMS error with a request id and a Retry-After
        OffsetkitApiException failure = OffsetkitApiException.builder(400, 2)
                .errorCode("DMS.00400876")
                .errorMsg("The topic does not exist.")
                .requestId("req-1")
                .bodyStart("{\"error_code\":\"DMS.00400876\"")
                .retryAfter(Duration.ofSeconds(3))
                .build();

        // THEN the message is the one line to quote to support
        assertThat(failure.getMessage())
                .isEqualTo("HTTP 400 DMS.00400876: The topic does not exist. (X-Request-Id: req-1)");
        // AND every part is where its getter finds it, none swapped with another
        assertThat(failure.httpStatus()).isEqualTo(400);
        assertThat(failure.attempt()).isEqualTo(2);
        assertThat(failure.errorCode()).contains("DMS.00400876");
        assertThat(failure.errorMsg()).contains("The topic does not exist.");
        assertThat(failure.requestId()).contains("req-1");
        assertThat(failure.bodyStart()).isEqualTo("{\"error_code\":\"DMS.00400876\"");
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(failure.getCause()).isNull();
    }

    @Test
    void anErrorMsgOnSeveralLinesMakesAOneLineMessage() {
        // GIVEN a DMS error whose error_msg spans lines (CRLF and LF, with indentation)
        OffsetkitApiException failure = OffsetkitApiException.builder(500, 1)
                .errorCode("DMS.00500000")
                .errorMsg("Internal error.\r\n  Caused by: store timeout\nretry later")
                .requestId("req-3")
                .build();

        // THEN the message is one line, the request id still at its end; the getter keeps the server's words
        assertThat(failure.getMessage())
                .isEqualTo("HTTP 500 DMS.00500000: Internal error. Caused by: store timeout retry later"
                        + " (X-Request-Id: req-3)")
                .doesNotContain("\n")
                .doesNotContain("\r");
        assertThat(failure.errorMsg()).contains("Internal error.\r\n  Caused by: store timeout\nretry later");
    }

    @Test
    void errorCodeWithoutMessageSaysSo() {
        // GIVEN an error body with a code and no error_msg, and no request id
        OffsetkitApiException failure =
                OffsetkitApiException.builder(500, 1).errorCode("DMS.00500000").build();

        // THEN the message says the error_msg is missing and the request id is none
        assertThat(failure.getMessage()).isEqualTo("HTTP 500 DMS.00500000: (no error_msg) (X-Request-Id: none)");
        assertThat(failure.errorMsg()).isEmpty();
        assertThat(failure.requestId()).isEmpty();
    }

    @Test
    void responseThatIsNotADmsErrorIsDescribedByItsProblem() {
        // GIVEN a 2xx whose body the contract does not allow, read with a parser's complaint
        IOException parserComplaint = new IOException("unexpected end of input");
        OffsetkitApiException failure = OffsetkitApiException.builder(200, 1)
                .problem("with a body the contract does not allow: it has no \"queues\" array")
                .bodyStart("{}")
                .cause(parserComplaint)
                .build();

        // THEN the problem follows the status, and the cause is kept
        assertThat(failure.getMessage())
                .isEqualTo("HTTP 200 with a body the contract does not allow: it has no \"queues\" array"
                        + " (X-Request-Id: none)");
        assertThat(failure.errorCode()).isEmpty();
        assertThat(failure.getCause()).isSameAs(parserComplaint);
    }

    @Test
    void errorCodeWinsOverProblem() {
        // GIVEN both, as the reader gives them when it cannot know beforehand which the body has
        OffsetkitApiException failure = OffsetkitApiException.builder(404, 1)
                .errorCode("DMS.10240405")
                .errorMsg("The consumer group does not exist.")
                .problem("with a body that is not a DMS error: ...")
                .build();

        // THEN the message is the DMS error's
        assertThat(failure.getMessage()).startsWith("HTTP 404 DMS.10240405: The consumer group does not exist.");
    }

    @Test
    void bodyStartIsEmptyUnlessGiven() {
        OffsetkitApiException failure = OffsetkitApiException.builder(502, 1)
                .problem("with an empty body")
                .build();

        assertThat(failure.bodyStart()).isEmpty();
        assertThat(failure.retryAfter()).isEmpty();
    }

    @Test
    void messageNeedsAnErrorCodeOrAProblem() {
        // GIVEN a builder told only the status, a request id and an error_msg
        OffsetkitApiException.Builder builder =
                OffsetkitApiException.builder(503, 1).requestId("req-2").errorMsg("busy");

        // WHEN it is built THEN it refuses, naming what is missing
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("an OffsetkitApiException for HTTP 503 needs an errorCode or a problem");
    }

    @Test
    void statusAndAttemptAreChecked() {
        assertThatThrownBy(() -> OffsetkitApiException.builder(42, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("httpStatus must have three digits: 42");
        assertThatThrownBy(() -> OffsetkitApiException.builder(400, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attempt must be 1 or more: 0");
        assertThatThrownBy(() -> OffsetkitApiException.builder(400, 1).bodyStart(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("bodyStart");
    }
}
