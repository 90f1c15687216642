package io.offsetkit.server.backend;

/**
 * A reset of a group none of whose consumers is online, refused as the service refuses it (the
 * contract's {@code 400 DMS.50050004}). The message names the group and says how to bring a consumer
 * online or to reset without one.
 */
public class GroupOfflineException extends OffsetBackendException {

    private final String group;

    /**
     * @param group the group that was to be reset
     * @param message what was refused and what to do, in words a person can act on
     */
    public GroupOfflineException(String group, String message) {
        super(message);
        this.group = group;
    }

    /** The group that was to be reset. */
    public String group() {
        return group;
    }
}
