package io.offsetkit.server.backend;

import java.util.Objects;

/**
 * A topic of one instance: what {@code ShowTopicStatus} is asked about.
 *
 * @param projectId the project (tenant) the instance belongs to
 * @param instanceId the instance
 * @param topic the topic
 */
public record TopicRef(String projectId, String instanceId, String topic) {

    public TopicRef {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(topic, "topic");
    }
}
