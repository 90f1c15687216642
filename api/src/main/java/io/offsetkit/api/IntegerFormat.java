package io.offsetkit.api;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.format.Format;
import tools.jackson.databind.JsonNode;

/**
 * OpenAPI 3.0's {@code int32} and {@code int64} formats as assertions: an integer outside the
 * signed 32- or 64-bit range fails. The validator's OpenAPI 3.0 dialect does not assert them by
 * itself, yet a value outside the range breaks every typed client (the official Java SDK reads
 * {@code queue_id} into an {@code Integer} and {@code timestamp_offset} into a {@code Long}).
 * Values that are not integers are left to the {@code type} keyword.
 */
enum IntegerFormat implements Format {
    INT32("int32") {
        @Override
        boolean fits(JsonNode number) {
            return number.canConvertToInt();
        }
    },
    INT64("int64") {
        @Override
        boolean fits(JsonNode number) {
            return number.canConvertToLong();
        }
    };

    private final String name;

    IntegerFormat(String name) {
        this.name = name;
    }

    abstract boolean fits(JsonNode integralNumber);

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean matches(ExecutionContext executionContext, SchemaContext schemaContext, JsonNode value) {
        return !value.isIntegralNumber() || fits(value);
    }
}
