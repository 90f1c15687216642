package io.offsetkit.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns a response into the call's result (read by an {@link Answers.Reader}), or into the {@link
 * OffsetkitApiException} that describes it. Bodies are read as UTF-8 whatever the platform's charset, and at most {@value
 * #MAX_BODY_BYTES} bytes of them, so that a broken server cannot exhaust the application's memory.
 */
final class ResponseReader {

    static final int BODY_START_CHARS = 200;
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final ObjectMapper mapper;

    ResponseReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The result of a 2xx response with the contract's body, as {@code answer} reads it as {@code
     * model}.
     *
     * @throws OffsetkitApiException for any other status, or a body that is not the contract's
     * @throws IOException when the body cannot be read to its end
     */
    <A, T> T read(HttpResponse<InputStream> response, int attempt, Class<A> model, Answers.Reader<A, T> answer)
            throws IOException {
        int status = response.statusCode();
        String requestId = response.headers().firstValue(REQUEST_ID_HEADER).orElse(null);
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw OffsetkitApiException.builder(status, attempt)
                    .problem("with a body of more than " + MAX_BODY_BYTES + " bytes")
                    .requestId(requestId)
                    .bodyStart(bodyStart(body))
                    .build();
        }
        if (status / 100 != 2) {
            throw error(status, body, requestId, retryAfter(response), attempt);
        }
        return success(status, body, requestId, attempt, model, answer);
    }

    private <A, T> T success(
            int status, byte[] body, String requestId, int attempt, Class<A> model, Answers.Reader<A, T> answer) {
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw notTheContract(status, body, requestId, "it is not a JSON object", null, attempt);
            }
            return answer.read(tree, model, requestId);
        } catch (Answers.Unreadable e) {
            throw notTheContract(status, body, requestId, e.getMessage(), null, attempt);
        } catch (JacksonException e) {
            throw notTheContract(
                    status, body, requestId, "it is not the contract's answer: " + e.getOriginalMessage(), e, attempt);
        }
    }

    private OffsetkitApiException notTheContract(
            int status, byte[] body, String requestId, String why, Throwable cause, int attempt) {
        return OffsetkitApiException.builder(status, attempt)
                .problem("with a body the contract does not allow: " + why + "; body starts: " + bodyStart(body))
                .requestId(requestId)
                .bodyStart(bodyStart(body))
                .cause(cause)
                .build();
    }

    private OffsetkitApiException error(int status, byte[] body, String requestId, Duration retryAfter, int attempt) {
        String errorCode = null;
        String errorMsg = null;
        try {
            JsonNode tree = body.length == 0 ? null : mapper.readTree(body);
            if (tree != null && tree.isObject()) {
                errorCode = textOrNull(tree.get("error_code"));
                errorMsg = textOrNull(tree.get("error_msg"));
            }
        } catch (JacksonException notJson) {
            // Not the DMS error shape (a proxy's HTML page, say): the status and body start tell the story.
        }
        String start = bodyStart(body);
        return OffsetkitApiException.builder(status, attempt)
                .errorCode(errorCode)
                .errorMsg(errorMsg)
                .problem(body.length == 0 ? "with an empty body" : "with a body that is not a DMS error: " + start)
                .requestId(requestId)
                .bodyStart(start)
                .retryAfter(retryAfter)
                .build();
    }

    /** {@code Retry-After} in delta-seconds; the HTTP-date form is rare for APIs and ignored. */
    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Retry-After")
                .map(String::trim)
                .filter(value -> value.matches("[0-9]{1,9}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value)))
                .orElse(null);
    }

    private static String textOrNull(JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }

    /** The first characters of a body, decoded as UTF-8, with line breaks flattened for one-line messages. */
    static String bodyStart(byte[] body) {
        int length = Math.min(body.length, BODY_START_CHARS * 4);
        String text = new String(body, 0, length, StandardCharsets.UTF_8);
        if (text.length() > BODY_START_CHARS) {
            text = text.substring(0, BODY_START_CHARS) + "...";
        } else if (length < body.length) {
            text = text + "...";
        }
        return text.replaceAll("[\\r\\n\\t]+", " ");
    }
}
