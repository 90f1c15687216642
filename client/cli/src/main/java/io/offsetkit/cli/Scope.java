package io.offsetkit.cli;

import java.util.List;

/**
 * Which groups and topics a reset covers: every group given on every topic given, or on each
 * group's own topics ({@code --all-topics}, read from the service).
 *
 * @param groups the groups, in the order given, without repeats
 * @param topics the topics, in the order given, without repeats; empty with {@code allTopics}
 * @param allTopics whether each group's topics are read from the service
 */
record Scope(List<String> groups, List<String> topics, boolean allTopics) {

    Scope {
        groups = groups.stream().distinct().toList();
        topics = topics.stream().distinct().toList();
    }
}
