package io.offsetkit.server.backend;

/** The instance named in a reset does not exist. */
public class UnknownInstanceException extends OffsetBackendException {

    private final String name;

    /** @param name the instance that was asked for */
    public UnknownInstanceException(String name) {
        super("The instance '" + name + "' does not exist.");
        this.name = name;
    }

    /** The instance that was asked for. */
    public String name() {
        return name;
    }
}
