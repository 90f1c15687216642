package io.offsetkit.server.backend;

/**
 * The group exists but holds no consumer offset on the topic: it never consumed it and was never reset
 * on it, so it has no progress to show.
 */
public class NoConsumerOffsetsException extends OffsetBackendException {

    private final String group;
    private final String topic;

    /**
     * @param group the group that was asked about
     * @param topic the topic it has no offset on
     */
    public NoConsumerOffsetsException(String group, String topic) {
        super("The group '" + group + "' has no consumer offset on the topic '" + topic
                + "': it never consumed it and was never reset on it.");
        this.group = group;
        this.topic = topic;
    }

    /** The group that was asked about. */
    public String group() {
        return group;
    }

    /** The topic it has no offset on. */
    public String topic() {
        return topic;
    }
}
