package io.offsetkit.cli;

import io.offsetkit.client.ConsumerProgress;
import io.offsetkit.client.ConsumersPage;
import io.offsetkit.client.OffsetkitClient;
import io.offsetkit.client.OffsetkitException;
import io.offsetkit.client.QueueProgress;
import io.offsetkit.client.QueueStatus;
import io.offsetkit.client.TopicStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes a {@link Plan} from the contract's read operations only, changing nothing: each group's
 * consumers ({@code ShowConsumerConnections}), each topic's queues ({@code ShowTopicStatus}) and
 * each group's progress on each topic ({@code ShowConsumerListOrDetails}), in parallel within the
 * bound. An unknown instance, group or topic is a {@link BadInputException} naming the option; any
 * other failure a {@link ServiceException}.
 */
final class Planner {

    static final String GROUP_NOT_FOUND = "DMS.10240405";
    static final String TOPIC_NOT_FOUND = "DMS.00400876";
    static final String INSTANCE_NOT_FOUND = "DMS.00404022";

    /** The warning on a group with no consumer connected. */
    static final String OFFLINE = "no consumer of the group is online: the service refuses to reset an offline group"
            + " (DMS.50050004); start one of its consumers first";

    /** The warning on a reset that moves no queue. */
    static final String NOTHING_TO_CHANGE = "the reset would change nothing: every queue is at its target already";

    /** The warning on a group that never consumed the topic. */
    static final String NO_OFFSETS = "the group has no committed offset on the topic yet: the reset creates them";

    private final OffsetkitClient client;
    private final String projectId;
    private final String instanceId;
    private final Parallel parallel;
    private final Clock clock;

    Planner(OffsetkitClient client, String projectId, String instanceId, Parallel parallel, Clock clock) {
        this.client = client;
        this.projectId = projectId;
        this.instanceId = instanceId;
        this.parallel = parallel;
        this.clock = clock;
    }

    /** The plan for {@code scope} and {@code strategy}. */
    Plan plan(Scope scope, Strategy strategy) {
        List<GroupFacts> groups = parallel.map("reading groups", scope.groups(), group -> group(group, scope));
        Set<String> topicNames = new LinkedHashSet<>(scope.topics());
        groups.forEach(group -> topicNames.addAll(group.topics()));
        List<TopicStatus> statuses = parallel.map(
                "reading topics",
                List.copyOf(topicNames),
                topic -> topic(topic, scope.allTopics() ? "--all-topics" : "--topic"));
        Map<String, TopicStatus> byTopic = new LinkedHashMap<>();
        statuses.forEach(status -> byTopic.put(status.topic(), status));

        List<Pair> pairs = new ArrayList<>();
        for (GroupFacts group : groups) {
            for (String topic : group.topics()) {
                pairs.add(new Pair(group, byTopic.get(topic)));
            }
        }
        List<Plan.Entry> entries =
                parallel.map("reading offsets", pairs, pair -> entry(pair.group(), pair.status(), strategy));
        return new Plan(
                Plan.FORMAT, client.endpoint().toString(), projectId, instanceId, clock.instant(), strategy, entries);
    }

    /**
     * Each queue's state now, for the drift guard and the executor: the same reads as a plan's, for
     * the entries already planned.
     */
    List<Plan.Entry> reread(List<Plan.Entry> planned, Strategy strategy) {
        List<String> topics = planned.stream().map(Plan.Entry::topic).distinct().toList();
        Map<String, TopicStatus> byTopic = new LinkedHashMap<>();
        parallel.map("reading topics", topics, topic -> topic(topic, "--from-plan"))
                .forEach(status -> byTopic.put(status.topic(), status));
        return parallel.map(
                "reading offsets",
                planned,
                entry -> entry(
                        new GroupFacts(entry.group(), entry.online(), entry.consumers(), List.of(entry.topic())),
                        byTopic.get(entry.topic()),
                        strategy));
    }

    private GroupFacts group(String group, Scope scope) {
        ConsumersPage page;
        try {
            page = client.consumers(instanceId, group, 1, 0, false);
        } catch (OffsetkitException e) {
            throw notFound(e, "--group", "group '" + group + "'");
        }
        List<String> topics = scope.topics();
        if (scope.allTopics()) {
            try {
                topics = client.allGroupTopics(instanceId, group);
            } catch (OffsetkitException e) {
                throw notFound(e, "--group", "group '" + group + "'");
            }
            if (topics.isEmpty()) {
                throw new BadInputException(
                        "--all-topics",
                        "group '" + group + "' has no committed offset on any topic; name one with --topic");
            }
        }
        return new GroupFacts(group, page.online(), page.total(), topics);
    }

    /** @param option the option that named the topic, for a message */
    private TopicStatus topic(String topic, String option) {
        try {
            return client.topicStatus(instanceId, topic);
        } catch (OffsetkitException e) {
            throw notFound(e, option, "topic '" + topic + "'");
        }
    }

    private Plan.Entry entry(GroupFacts group, TopicStatus status, Strategy strategy) {
        Map<String, QueueProgress> progress = new LinkedHashMap<>();
        try {
            ConsumerProgress read = client.groupProgress(instanceId, group.name(), status.topic());
            read.queues().forEach(queue -> progress.put(queue.brokerName() + "/" + queue.queueId(), queue));
        } catch (OffsetkitException e) {
            // The group exists (its consumers were read): a 404 here means no offset on this topic yet.
            if (!ServiceFailures.is(e, 404, GROUP_NOT_FOUND)) {
                throw new ServiceException(
                        "reading " + group.name() + "/" + status.topic() + " failed: " + ServiceFailures.describe(e),
                        e);
            }
        }
        List<Plan.Queue> queues = new ArrayList<>();
        for (QueueStatus queue : status.queues()) {
            QueueProgress now = progress.get(queue.brokerName() + "/" + queue.queueId());
            queues.add(new Plan.Queue(
                    queue.brokerName(),
                    queue.queueId(),
                    now == null ? null : now.consumerOffset(),
                    now == null ? queue.maxOffset() : now.brokerOffset(),
                    now == null ? null : now.lag(),
                    queue.minOffset(),
                    queue.lastMessageTime(),
                    target(queue, strategy)));
        }
        List<String> warnings = new ArrayList<>();
        if (!group.online()) {
            warnings.add(OFFLINE);
        }
        if (progress.isEmpty()) {
            warnings.add(NO_OFFSETS);
        }
        Plan.Entry entry =
                new Plan.Entry(group.name(), status.topic(), group.online(), group.consumers(), queues, warnings);
        if (entry.changesNothing()) {
            List<String> more = new ArrayList<>(warnings);
            more.add(NOTHING_TO_CHANGE);
            entry = new Plan.Entry(entry.group(), entry.topic(), entry.online(), entry.consumers(), queues, more);
        }
        return entry;
    }

    /**
     * Where the reset will put the queue, when that can be known before it runs: the maximum offset
     * for the latest, the minimum for the earliest, and the maximum for a time after the queue's
     * last message (or an empty queue). A time within the queue's messages needs the service's time
     * index: null.
     */
    static Long target(QueueStatus queue, Strategy strategy) {
        if (strategy.timestamp() == Strategy.LATEST) {
            return queue.maxOffset();
        }
        if (strategy.timestamp() == Strategy.EARLIEST) {
            return queue.minOffset();
        }
        if (queue.maxOffset() == queue.minOffset() || strategy.timestamp() > queue.lastMessageTime()) {
            return queue.maxOffset();
        }
        return null;
    }

    private RuntimeException notFound(OffsetkitException e, String option, String what) {
        if (ServiceFailures.is(e, 404, INSTANCE_NOT_FOUND)) {
            return new BadInputException(
                    "--instance-id",
                    "no instance '" + instanceId + "' in the project (" + ServiceFailures.describe(e) + ")");
        }
        if (ServiceFailures.is(e, 404, GROUP_NOT_FOUND) || ServiceFailures.is(e, 400, TOPIC_NOT_FOUND)) {
            return new BadInputException(
                    option, "no " + what + " on instance " + instanceId + " (" + ServiceFailures.describe(e) + ")");
        }
        return new ServiceException("reading " + what + " failed: " + ServiceFailures.describe(e), e);
    }

    /** A group as read: whether it is online, how many consumers, and the topics of the plan. */
    private record GroupFacts(String name, boolean online, int consumers, List<String> topics) {}

    private record Pair(GroupFacts group, TopicStatus status) {}
}
