package io.offsetkit.server.emulator;

import io.offsetkit.server.backend.ConsumerConnection;
import io.offsetkit.server.store.GroupConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One consumer of a group in the emulator's store, declared by {@link EmulatorInstance#consumer}: online
 * (connected) until told otherwise, with the defaults of the fixture file (address {@code 127.0.0.1:0},
 * language {@code JAVA}, version {@code V5_3_1}, no subscription). Each call changes the declared
 * consumer in the store at once, with the admin API's checks (a bad field throws an {@link
 * EmulatorFixtureException} from the call itself), and is part of the starting state when made in
 * {@link EmulatorOptions#withData}.
 *
 * <pre>{@code
 * emulator.instance().consumer("billing", "10.0.0.5@4711#1")
 *         .address("10.0.0.5:53412")
 *         .subscribe("orders", "*");
 * emulator.instance().consumer("billing", "10.0.0.5@4711#1").offline(); // the group is offline now
 * }</pre>
 */
public final class EmulatorConsumer {

    private final FixtureCalls calls;
    private final String instanceId;
    private final String group;
    private final String clientId;

    EmulatorConsumer(FixtureCalls calls, String instanceId, String group, String clientId) {
        this.calls = calls;
        this.instanceId = instanceId;
        this.group = group;
        this.clientId = clientId;
    }

    /** The consumer's client id, unique in its group. */
    public String clientId() {
        return clientId;
    }

    /** The group it consumes for. */
    public String group() {
        return group;
    }

    /** The consumer as the store declares it now. */
    public GroupConsumer state() {
        return calls.call(admin -> admin.consumers(instanceId, group)).stream()
                .filter(consumer -> consumer.clientId().equals(clientId))
                .findFirst()
                .orElseThrow(() -> new EmulatorFixtureException(
                        "DMS.00400800",
                        "the group '" + group + "' has no consumer '" + clientId + "' any more (a reset removed it?)",
                        null));
    }

    /** Its address, host and port (1 to 255 visible ASCII characters). */
    public EmulatorConsumer address(String clientAddr) {
        return change(c ->
                new GroupConsumer(c.clientId(), clientAddr, c.language(), c.version(), c.online(), c.subscriptions()));
    }

    /** Its language as RocketMQ reports it ({@code JAVA}, {@code GO}, {@code CPP}, ...). */
    public EmulatorConsumer language(String language) {
        return change(c ->
                new GroupConsumer(c.clientId(), c.clientAddr(), language, c.version(), c.online(), c.subscriptions()));
    }

    /** Its RocketMQ version ({@code V5_3_1}). */
    public EmulatorConsumer version(String version) {
        return change(c ->
                new GroupConsumer(c.clientId(), c.clientAddr(), c.language(), version, c.online(), c.subscriptions()));
    }

    /** Adds a subscription to a topic by tag expression ({@code *} for every message, {@code a || b}). */
    public EmulatorConsumer subscribe(String topic, String tagExpression) {
        return subscribe(topic, "TAG", tagExpression);
    }

    /** Adds a subscription to a topic by SQL92 expression ({@code a > 1}). */
    public EmulatorConsumer subscribeSql92(String topic, String expression) {
        return subscribe(topic, "SQL92", expression);
    }

    /** Connected: the reads list it, and its group is online. */
    public EmulatorConsumer online() {
        return setOnline(true);
    }

    /** Declared but not connected: the reads leave it out, and a group with no other is offline. */
    public EmulatorConsumer offline() {
        return setOnline(false);
    }

    private EmulatorConsumer setOnline(boolean online) {
        calls.call(admin -> admin.setConsumerOnline(instanceId, group, clientId, online));
        return this;
    }

    private EmulatorConsumer subscribe(String topic, String type, String expression) {
        return change(c -> {
            List<ConsumerConnection.Subscription> subscriptions = new ArrayList<>(c.subscriptions());
            subscriptions.add(new ConsumerConnection.Subscription(topic, type, expression));
            return new GroupConsumer(
                    c.clientId(), c.clientAddr(), c.language(), c.version(), c.online(), subscriptions);
        });
    }

    private EmulatorConsumer change(UnaryOperator<GroupConsumer> change) {
        GroupConsumer changed = change.apply(state());
        calls.call(admin -> admin.putConsumer(instanceId, group, changed));
        return this;
    }

    @Override
    public String toString() {
        return "consumer " + clientId + " of group " + group + " of instance " + instanceId;
    }
}
