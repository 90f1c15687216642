package io.offsetkit.server.backend;

import java.util.Objects;

/**
 * What a reset is applied to: a consumer group's offsets on one topic of one instance.
 *
 * @param projectId the project (tenant) the instance belongs to
 * @param instanceId the instance
 * @param group the consumer group
 * @param topic the topic
 */
public record ResetTarget(String projectId, String instanceId, String group, String topic) {

    public ResetTarget {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(topic, "topic");
    }
}
