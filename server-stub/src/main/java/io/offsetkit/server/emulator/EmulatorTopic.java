package io.offsetkit.server.emulator;

import java.time.Instant;

/**
 * One topic of an emulator instance, to append messages to its queues. Only the messages' store
 * times matter to a reset (which offset is the first stored at or after a time), so a message is its
 * store time. Each call goes to the store at once, with the admin API's checks: an unknown broker or
 * queue, a negative time throws an {@link EmulatorFixtureException} from the call itself.
 */
public final class EmulatorTopic {

    private final FixtureCalls calls;
    private final String instanceId;
    private final String topic;

    EmulatorTopic(FixtureCalls calls, String instanceId, String topic) {
        this.calls = calls;
        this.instanceId = instanceId;
        this.topic = topic;
    }

    /** The topic's name. */
    public String name() {
        return topic;
    }

    /**
     * Appends messages stored at these times to one queue, in offset order (a clock that steps back
     * is allowed, as a broker's can).
     */
    public EmulatorTopic messages(String broker, int queueId, Instant... storeTimes) {
        long[] millis = new long[storeTimes.length];
        for (int i = 0; i < storeTimes.length; i++) {
            millis[i] = storeTimes[i].toEpochMilli();
        }
        return messages(broker, queueId, millis);
    }

    /** Appends messages stored at these times (milliseconds since the epoch, {@code >= 0}) to one queue. */
    public EmulatorTopic messages(String broker, int queueId, long... storeTimestamps) {
        calls.call(admin -> admin.appendMessages(instanceId, topic, broker, queueId, storeTimestamps.clone(), null));
        return this;
    }

    /**
     * Appends messages to a queue that is still empty, starting at {@code minOffset} instead of 0, as
     * if older messages had been deleted by retention.
     */
    public EmulatorTopic messagesFrom(String broker, int queueId, long minOffset, long... storeTimestamps) {
        calls.call(
                admin -> admin.appendMessages(instanceId, topic, broker, queueId, storeTimestamps.clone(), minOffset));
        return this;
    }

    @Override
    public String toString() {
        return "topic " + topic + " of instance " + instanceId;
    }
}
