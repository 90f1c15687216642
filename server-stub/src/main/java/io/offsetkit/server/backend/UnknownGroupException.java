package io.offsetkit.server.backend;

/** The group named in a reset does not exist. */
public class UnknownGroupException extends OffsetBackendException {

    private final String name;

    /** @param name the group that was asked for */
    public UnknownGroupException(String name) {
        super("The group '" + name + "' does not exist.");
        this.name = name;
    }

    /** The group that was asked for. */
    public String name() {
        return name;
    }
}
