package io.offsetkit.server.store;

import java.util.List;
import java.util.SortedMap;

/**
 * What the store holds for one instance, at one moment.
 *
 * @param instanceId the instance
 * @param projectId the project it belongs to
 * @param brokers its brokers, sorted
 * @param topics its topics, sorted by name, each with its queue count per broker
 * @param groups its consumer groups, sorted
 */
public record InstanceView(
        String instanceId, String projectId, List<String> brokers, List<TopicView> topics, List<String> groups) {

    /**
     * A topic and how many queues it has on each broker (queue ids {@code 0..n-1}).
     *
     * @param topic the topic's name
     * @param queues queue count per broker, sorted by broker name
     */
    public record TopicView(String topic, SortedMap<String, Integer> queues) {}
}
