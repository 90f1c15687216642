package io.offsetkit.client;

import io.offsetkit.client.generated.request.ConsumerOffsetsRequests.ResetConsumeOffsetBuilder;

/**
 * The {@code engine} segment of the route. Both values select the same RocketMQ engine and get the
 * same answer; the contract keeps {@code reliability} as an alias. Each value is the contract's own,
 * from the generated request: a value the contract drops breaks this enum's compile.
 */
public enum Engine {
    ROCKETMQ(ResetConsumeOffsetBuilder.ENGINE_ROCKETMQ),
    RELIABILITY(ResetConsumeOffsetBuilder.ENGINE_RELIABILITY);

    private final String pathSegment;

    Engine(String pathSegment) {
        this.pathSegment = pathSegment;
    }

    /** The value written in the path. */
    public String pathSegment() {
        return pathSegment;
    }
}
