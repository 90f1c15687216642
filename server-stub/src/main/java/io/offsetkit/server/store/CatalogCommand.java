package io.offsetkit.server.store;

import io.offsetkit.server.backend.ConsumerConnection;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One change of the catalog (instances, brokers, topics, groups, a group's consumers), as written to
 * the catalog log and replayed at open. Each is idempotent: replaying a command twice changes nothing.
 * The put commands add, except {@link PutConsumers}, which replaces the consumers it carries, each
 * with its whole new state; the delete commands (the admin API's clean-up of what a test created)
 * remove a topic or a group with its files.
 *
 * <p>Payload: {@code byte kind, then the fields; strings as (short length, UTF-8 bytes)}. {@link
 * PutConsumers}: {@code instance, group, byte replaceAll, int count, count x (clientId, clientAddr,
 * language, version, byte online, int subscriptions, subscriptions x (topic, type, expression))}.
 */
sealed interface CatalogCommand {

    byte PUT_INSTANCE = 1;
    byte PUT_TOPIC = 2;
    byte PUT_GROUP = 3;
    byte PUT_CONSUMERS = 4;
    byte DELETE_TOPIC = 5;
    byte DELETE_GROUP = 6;

    /** An instance in a project with (more) brokers. */
    record PutInstance(String instanceId, String projectId, List<String> brokers) implements CatalogCommand {}

    /** A topic with at least this many queues on each named broker. */
    record PutTopic(String instanceId, String topic, Map<String, Integer> queues) implements CatalogCommand {}

    /** A consumer group. */
    record PutGroup(String instanceId, String group) implements CatalogCommand {}

    /**
     * A group's consumers: with {@code replaceAll} they become the group's only ones; without it each
     * replaces the consumer of its client id, or is added.
     */
    record PutConsumers(String instanceId, String group, boolean replaceAll, List<GroupConsumer> consumers)
            implements CatalogCommand {}
    /** A topic removed, with its queues' messages and every group's committed offsets on it. */
    record DeleteTopic(String instanceId, String topic) implements CatalogCommand {}

    /** A consumer group removed, with its committed offsets on every topic. */
    record DeleteGroup(String instanceId, String group) implements CatalogCommand {}

    static byte[] encode(CatalogCommand command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (command instanceof PutInstance c) {
                out.writeByte(PUT_INSTANCE);
                writeString(out, c.instanceId());
                writeString(out, c.projectId());
                out.writeInt(c.brokers().size());
                for (String broker : c.brokers()) {
                    writeString(out, broker);
                }
            } else if (command instanceof PutTopic c) {
                out.writeByte(PUT_TOPIC);
                writeString(out, c.instanceId());
                writeString(out, c.topic());
                out.writeInt(c.queues().size());
                for (Map.Entry<String, Integer> entry : c.queues().entrySet()) {
                    writeString(out, entry.getKey());
                    out.writeInt(entry.getValue());
                }
            } else if (command instanceof PutGroup c) {
                out.writeByte(PUT_GROUP);
                writeString(out, c.instanceId());
                writeString(out, c.group());
            } else if (command instanceof PutConsumers c) {
                out.writeByte(PUT_CONSUMERS);
                writeString(out, c.instanceId());
                writeString(out, c.group());
                out.writeBoolean(c.replaceAll());
                out.writeInt(c.consumers().size());
                for (GroupConsumer consumer : c.consumers()) {
                    writeString(out, consumer.clientId());
                    writeString(out, consumer.clientAddr());
                    writeString(out, consumer.language());
                    writeString(out, consumer.version());
                    out.writeBoolean(consumer.online());
                    out.writeInt(consumer.subscriptions().size());
                    for (ConsumerConnection.Subscription subscription : consumer.subscriptions()) {
                        writeString(out, subscription.topic());
                        writeString(out, subscription.type());
                        writeString(out, subscription.expression());
                    }
                }
            } else if (command instanceof DeleteTopic c) {
                out.writeByte(DELETE_TOPIC);
                writeString(out, c.instanceId());
                writeString(out, c.topic());
            } else if (command instanceof DeleteGroup c) {
                out.writeByte(DELETE_GROUP);
                writeString(out, c.instanceId());
                writeString(out, c.group());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    static CatalogCommand decode(ByteBuffer in) {
        byte kind = in.get();
        switch (kind) {
            case PUT_INSTANCE -> {
                String instanceId = readString(in);
                String projectId = readString(in);
                int count = in.getInt();
                List<String> brokers = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    brokers.add(readString(in));
                }
                return new PutInstance(instanceId, projectId, brokers);
            }
            case PUT_TOPIC -> {
                String instanceId = readString(in);
                String topic = readString(in);
                int count = in.getInt();
                Map<String, Integer> queues = new LinkedHashMap<>();
                for (int i = 0; i < count; i++) {
                    queues.put(readString(in), in.getInt());
                }
                return new PutTopic(instanceId, topic, queues);
            }
            case PUT_GROUP -> {
                return new PutGroup(readString(in), readString(in));
            }
            case PUT_CONSUMERS -> {
                String instanceId = readString(in);
                String group = readString(in);
                boolean replaceAll = in.get() != 0;
                int count = in.getInt();
                List<GroupConsumer> consumers = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    String clientId = readString(in);
                    String clientAddr = readString(in);
                    String language = readString(in);
                    String version = readString(in);
                    boolean online = in.get() != 0;
                    int subscriptionCount = in.getInt();
                    List<ConsumerConnection.Subscription> subscriptions = new ArrayList<>(subscriptionCount);
                    for (int j = 0; j < subscriptionCount; j++) {
                        subscriptions.add(
                                new ConsumerConnection.Subscription(readString(in), readString(in), readString(in)));
                    }
                    consumers.add(new GroupConsumer(clientId, clientAddr, language, version, online, subscriptions));
                }
                return new PutConsumers(instanceId, group, replaceAll, consumers);
            }
            case DELETE_TOPIC -> {
                return new DeleteTopic(readString(in), readString(in));
            }
            case DELETE_GROUP -> {
                return new DeleteGroup(readString(in), readString(in));
            }
            default -> throw new IllegalStateException("unknown catalog record kind " + kind);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    private static String readString(ByteBuffer in) {
        byte[] bytes = new byte[in.getShort() & 0xffff];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
