package io.offsetkit.server.answer;

import io.offsetkit.server.generated.model.ResetConsumeOffsetResp;
import io.offsetkit.server.generated.model.ResetConsumeOffsetRespQueues;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes the operation's answer, the generated {@link ResetConsumeOffsetResp}, as the contract's JSON
 * ({@code {"queues":[{"broker_name","queue_id","timestamp_offset"}]}}, numbers as JSON numbers, as the
 * official SDK reads them): the same bytes as a data-binding mapper gives for the model's {@code
 * @JsonProperty} names (a test holds the two together), without loading one on the request path. A
 * change of the response's schema changes the model's getters, and so breaks this class's compile.
 *
 * <p>Every reset is answered through here, so the common answer is written straight into one array
 * of its exact size: broker names of printable ASCII with no {@code "} or {@code \} (what the
 * contract's names are), which JSON writes as they are. An answer with any other broker name is
 * written by Jackson's generator, token by token, which escapes it.
 */
public final class ResetResponseWriter {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private static final byte[] START = ascii("{\"queues\":[");
    private static final byte[] BROKER = ascii("{\"broker_name\":\"");
    private static final byte[] QUEUE_ID = ascii("\",\"queue_id\":");
    private static final byte[] OFFSET = ascii(",\"timestamp_offset\":");
    private static final byte[] END = ascii("]}");

    private ResetResponseWriter() {}

    /** The answer as UTF-8 JSON. */
    public static byte[] write(ResetConsumeOffsetResp response) {
        List<ResetConsumeOffsetRespQueues> queues = response.getQueues();
        int length = START.length + END.length + Math.max(0, queues.size() - 1);
        for (ResetConsumeOffsetRespQueues queue : queues) {
            String broker = queue.getBrokerName();
            if (broker == null || !plain(broker) || queue.getQueueId() == null || queue.getTimestampOffset() == null) {
                return withGenerator(response);
            }
            length += BROKER.length
                    + broker.length()
                    + QUEUE_ID.length
                    + digits(queue.getQueueId())
                    + OFFSET.length
                    + digits(queue.getTimestampOffset())
                    + 1;
        }
        byte[] out = new byte[length];
        int at = put(START, out, 0);
        for (int i = 0; i < queues.size(); i++) {
            ResetConsumeOffsetRespQueues queue = queues.get(i);
            if (i > 0) {
                out[at++] = ',';
            }
            at = put(BROKER, out, at);
            String broker = queue.getBrokerName();
            broker.getBytes(0, broker.length(), out, at); // printable ASCII: one byte a character
            at += broker.length();
            at = put(QUEUE_ID, out, at);
            at = decimal(queue.getQueueId(), out, at);
            at = put(OFFSET, out, at);
            at = decimal(queue.getTimestampOffset(), out, at);
            out[at++] = '}';
        }
        put(END, out, at);
        return out;
    }

    /** Whether JSON writes {@code text} as it is: printable ASCII, no quote, no backslash. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static int put(byte[] bytes, byte[] out, int at) {
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return at + bytes.length;
    }

    /** How many characters {@code value} takes in decimal, its sign included. */
    private static int digits(long value) {
        if (value == Long.MIN_VALUE) {
            return 20;
        }
        int digits = value < 0 ? 2 : 1;
        for (long rest = Math.abs(value) / 10; rest > 0; rest /= 10) {
            digits++;
        }
        return digits;
    }

    /** Writes {@code value} in decimal at {@code at}; returns the index after it. */
    private static int decimal(long value, byte[] out, int at) {
        if (value == Long.MIN_VALUE) {
            byte[] min = ascii(Long.toString(value));
            return put(min, out, at);
        }
        if (value < 0) {
            out[at++] = '-';
            value = -value;
        }
        int end = at + digits(value);
        for (int i = end - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return end;
    }

    /** Any answer, token by token, escaped by Jackson (package-private: a test holds the two ways together). */
    static byte[] withGenerator(ResetConsumeOffsetResp response) {
        ByteArrayOutputStream bytes =
                new ByteArrayOutputStream(32 + 64 * response.getQueues().size());
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            json.writeStartObject();
            json.writeName("queues");
            json.writeStartArray();
            for (ResetConsumeOffsetRespQueues queue : response.getQueues()) {
                json.writeStartObject();
                json.writeStringProperty("broker_name", queue.getBrokerName());
                json.writeNumberProperty("queue_id", queue.getQueueId());
                json.writeNumberProperty("timestamp_offset", queue.getTimestampOffset());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
