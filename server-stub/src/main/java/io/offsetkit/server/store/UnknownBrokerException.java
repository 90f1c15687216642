package io.offsetkit.server.store;

import io.offsetkit.server.backend.RefusedChangeException;

/** A broker, or a queue on a broker, that the instance or topic does not have. */
public class UnknownBrokerException extends RefusedChangeException {

    public UnknownBrokerException(String message) {
        super(message);
    }
}
