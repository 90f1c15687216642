package io.offsetkit.server.operations;

import io.offsetkit.server.backend.GroupOfflineException;
import io.offsetkit.server.backend.GroupRef;
import io.offsetkit.server.backend.OffsetBackend;

/**
 * The service's precondition of a reset: the group has a consumer online. The vendor's console resets
 * only such groups, and answers {@code 400 DMS.50050004} ("The consumer group is offline") otherwise;
 * Apache RocketMQ's client-side reset refuses likewise ({@code CONSUMER_NOT_ONLINE}). A broker-side
 * reset (RIP-48) would work without consumers, which is why the check can be turned off ({@code
 * offsetkit.reset.require-online-consumer=false}, the emulator's {@code requireOnlineConsumer(false)}).
 *
 * <p>The check reads the backend's connected consumers just before the reset: a consumer that
 * disconnects in between does not undo the reset, as on the service.
 */
public final class OnlineConsumerCheck {

    /** Where the refused caller can bring a consumer online or turn the check off: said in the message. */
    public enum Remedy {
        /** The server over its embedded store: a consumer is declared (fixture, admin API). */
        EMBEDDED_SERVER,
        /** The server over RocketMQ clusters: a real consumer connects. */
        ROCKETMQ_SERVER,
        /** The emulator in an app's tests: a consumer is declared with its Java API. */
        EMULATOR
    }

    private static final OnlineConsumerCheck OFF = new OnlineConsumerCheck(false, Remedy.EMBEDDED_SERVER);

    private final boolean required;
    private final Remedy remedy;

    private OnlineConsumerCheck(boolean required, Remedy remedy) {
        this.required = required;
        this.remedy = remedy;
    }

    /** Resets need a consumer online; a refusal says how to get one, or how to turn the check off, as {@code remedy}. */
    public static OnlineConsumerCheck required(Remedy remedy) {
        return new OnlineConsumerCheck(true, remedy);
    }

    /** Resets need no consumer (a broker-side reset). */
    public static OnlineConsumerCheck off() {
        return OFF;
    }

    /** Whether resets need a consumer online. */
    public boolean isRequired() {
        return required;
    }

    /**
     * Passes when the check is off or the group has a consumer online.
     *
     * @throws GroupOfflineException when it is on and no consumer of the group is online
     * @throws io.offsetkit.server.backend.UnknownInstanceException when there is no such instance
     * @throws io.offsetkit.server.backend.UnknownGroupException when there is no such group
     */
    void check(OffsetBackend backend, GroupRef group) {
        if (required && !backend.hasOnlineConsumer(group)) {
            throw new GroupOfflineException(group.group(), message(group));
        }
    }

    private String message(GroupRef group) {
        String name = group.group();
        String refused = "The group '" + name + "' has no consumer online; the service resets only a group whose"
                + " consumers are online. ";
        return refused
                + switch (remedy) {
                    case EMBEDDED_SERVER ->
                        "Declare a consumer of the group online (the fixture's consumers, or PUT"
                                + " /admin/instances/" + group.instanceId() + "/groups/" + name
                                + "/consumers), or start"
                                + " the server with offsetkit.reset.require-online-consumer=false to reset without one.";
                    case ROCKETMQ_SERVER ->
                        "Start a consumer of the group (connected to the instance's cluster), or"
                                + " start the server with offsetkit.reset.require-online-consumer=false to reset on the"
                                + " brokers without one.";
                    case EMULATOR ->
                        "Declare one with emulator.consumer(\"" + name + "\", \"<client id>\") (online;"
                                + " in Builder.withData to keep it across resets) or in the fixture's consumers, or build"
                                + " the emulator with requireOnlineConsumer(false) to reset without one.";
                };
    }
}
