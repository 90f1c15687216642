package io.offsetkit.server.backend;

import java.util.Objects;

/**
 * A consumer group of one instance: what the reads of a group ({@code ShowConsumerListOrDetails}
 * without a topic, {@code ShowConsumerConnections}) are asked about.
 *
 * @param projectId the project (tenant) the instance belongs to
 * @param instanceId the instance
 * @param group the consumer group
 */
public record GroupRef(String projectId, String instanceId, String group) {

    public GroupRef {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(group, "group");
    }
}
