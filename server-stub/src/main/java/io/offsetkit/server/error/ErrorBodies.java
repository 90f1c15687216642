package io.offsetkit.server.error;

import java.io.ByteArrayOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes the contract's error body, {@code {"error_code": "...", "error_msg": "..."}} (its
 * {@code Error} schema), for every failure the server answers: one format, one writer.
 */
public final class ErrorBodies {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ErrorBodies() {}

    /** The body of an error with the given documented code and message, as UTF-8 JSON. */
    public static byte[] of(DmsError error, String message) {
        return of(error.code(), message);
    }

    /** The body of an error with the given code (one the contract documents) and message, as UTF-8 JSON. */
    public static byte[] of(String errorCode, String message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + message.length());
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            json.writeStartObject();
            json.writeStringProperty("error_code", errorCode);
            json.writeStringProperty("error_msg", message);
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /** The body of a {@link DmsException}. */
    public static byte[] of(DmsException e) {
        return of(e.error(), e.getMessage());
    }
}
