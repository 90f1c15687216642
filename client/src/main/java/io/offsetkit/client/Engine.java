package io.offsetkit.client;

/**
 * The {@code engine} segment of the route. Both values select the same RocketMQ engine and get the
 * same answer; the contract keeps {@code reliability} as an alias.
 */
public enum Engine {
    ROCKETMQ("rocketmq"),
    RELIABILITY("reliability");

    private final String pathSegment;

    Engine(String pathSegment) {
        this.pathSegment = pathSegment;
    }

    /** The value written in the path. */
    public String pathSegment() {
        return pathSegment;
    }
}
