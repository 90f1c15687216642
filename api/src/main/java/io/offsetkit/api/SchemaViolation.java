package io.offsetkit.api;

/**
 * One way a JSON value fails a schema of the contract.
 *
 * @param instanceLocation where in the value, as a JSON pointer such as {@code /queues/0/queue_id}
 * @param keyword the schema keyword that failed, such as {@code type} or {@code required}
 * @param message the validator's message, naming the location and the expectation
 */
public record SchemaViolation(String instanceLocation, String keyword, String message) {

    @Override
    public String toString() {
        return message;
    }
}
