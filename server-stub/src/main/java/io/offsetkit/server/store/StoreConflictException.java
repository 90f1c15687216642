package io.offsetkit.server.store;

import io.offsetkit.server.backend.RefusedChangeException;

/**
 * A change of the store that contradicts what it holds: an instance re-declared under another
 * project, a {@code min_offset} for a queue that already has messages, a queue that is full. The
 * message says what is held and what was asked.
 */
public class StoreConflictException extends RefusedChangeException {

    public StoreConflictException(String message) {
        super(message);
    }
}
