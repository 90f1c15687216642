package io.offsetkit.server.store;

/** A broker, or a queue on a broker, that the instance or topic does not have. */
public class UnknownBrokerException extends RuntimeException {

    public UnknownBrokerException(String message) {
        super(message);
    }
}
