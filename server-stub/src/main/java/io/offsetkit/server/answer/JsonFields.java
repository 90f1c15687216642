package io.offsetkit.server.answer;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The writing the answer writers share: one JSON object to bytes, and properties written only when
 * the model holds a value (the read answers' models have every field optional: an answer carries the
 * fields of the form asked for, and no {@code null}).
 */
final class JsonFields {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonFields() {}

    /** The object {@code body} writes, as UTF-8 JSON. */
    static byte[] object(int sizeHint, Consumer<JsonGenerator> body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(sizeHint);
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            json.writeStartObject();
            body.accept(json);
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }

    static void string(JsonGenerator json, String name, String value) {
        if (value != null) {
            json.writeStringProperty(name, value);
        }
    }

    static void number(JsonGenerator json, String name, Integer value) {
        if (value != null) {
            json.writeNumberProperty(name, value);
        }
    }

    static void number(JsonGenerator json, String name, Long value) {
        if (value != null) {
            json.writeNumberProperty(name, value);
        }
    }

    static void bool(JsonGenerator json, String name, Boolean value) {
        if (value != null) {
            json.writeBooleanProperty(name, value);
        }
    }
}
