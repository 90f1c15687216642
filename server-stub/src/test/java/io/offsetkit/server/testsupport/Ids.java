package io.offsetkit.server.testsupport;

/** The ids of the documented example, as the contract's parameter examples give them. */
public final class Ids {

    public static final String PROJECT = "77b6a44cba5143ab91d13ab9a8ff44fd";
    public static final String INSTANCE = "11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d";
    public static final String GROUP = "group_01";
    public static final String TOPIC = "topic_01";
    public static final long TIMESTAMP = 1662652800000L;

    private Ids() {}

    /** The path of the current route for an engine and the given ids. */
    public static String path(String engine, String project, String instance, String group) {
        return "/v2/" + engine + "/" + project + "/instances/" + instance + "/groups/" + group
                + "/reset-message-offset";
    }

    /** The path of the documented example on the current route. */
    public static String path(String engine) {
        return path(engine, PROJECT, INSTANCE, GROUP);
    }

    /** The path of the older route for the given ids. */
    public static String olderPath(String project, String instance, String group) {
        return "/v2/" + project + "/rocketmq/instances/" + instance + "/groups/" + group + "/reset-message-offset";
    }
}
