package io.offsetkit.server.backend;

/**
 * A request the backend refuses as it stands because it contradicts what the backend holds: a broker
 * or queue the instance does not have, a change that conflicts with the data (the subclasses say
 * which). The client's to mend: answered 400 {@code DMS.00400800} with this message.
 */
public class RefusedChangeException extends OffsetBackendException {

    public RefusedChangeException(String message) {
        super(message);
    }
}
