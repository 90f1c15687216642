package io.offsetkit.server.backend;

/** The topic named in a reset does not exist. */
public class UnknownTopicException extends OffsetBackendException {

    private final String name;

    /** @param name the topic that was asked for */
    public UnknownTopicException(String name) {
        super("The topic '" + name + "' does not exist.");
        this.name = name;
    }

    /** The topic that was asked for. */
    public String name() {
        return name;
    }
}
