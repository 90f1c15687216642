package io.offsetkit.server.ops;

import io.offsetkit.server.admin.AdminAccess;
import io.offsetkit.server.admin.AdminApi;
import io.offsetkit.server.auth.AuthMode;
import io.offsetkit.server.rocketmq.RocketMqProperties;
import io.offsetkit.server.store.InstanceView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the server says once it listens: where (the URL), with which backend and authentication,
 * whether the admin API is open beyond this machine; with the embedded store, what the store holds
 * (project, instance, brokers, topics, groups) and a ready-to-paste {@code curl} of the documented
 * example against the first instance, group and topic (with the default fixture: exactly the
 * documented request); with the RocketMQ backend, which cluster each instance is.
 */
public final class StartupBanner {

    /** The documented example's time, 2022-09-08T16:00:00Z. */
    static final long EXAMPLE_TIMESTAMP = 1662652800000L;

    /** The documented example's consumer group. */
    static final String DOCUMENTED_GROUP = "group_01";

    /** The documented example's topic. */
    static final String DOCUMENTED_TOPIC = "topic_01";

    private StartupBanner() {}

    /**
     * The lines of the embedded store's banner.
     *
     * @param baseUrl where the server listens, such as {@code http://127.0.0.1:8080}
     * @param adminLoopbackOnly whether the admin API answers loopback clients only
     */
    public static List<String> embedded(
            String baseUrl, AuthMode auth, boolean adminLoopbackOnly, List<InstanceView> instances) {
        List<String> lines = new ArrayList<>();
        lines.add(headline(baseUrl, "embedded store", auth));
        lines.add(
                adminLoopbackOnly
                        ? "Admin API (" + baseUrl + AdminApi.OPENAPI + "): open to clients on this machine only;"
                                + " set offsetkit.admin.token to open it to others"
                        : "Admin API (" + baseUrl + AdminApi.OPENAPI + "): open to clients that send "
                                + AdminAccess.HEADER);
        for (InstanceView instance : instances) {
            lines.add("  project " + instance.projectId() + "  instance " + instance.instanceId() + "  brokers "
                    + instance.brokers());
            for (InstanceView.TopicView topic : instance.topics()) {
                lines.add("    topic " + topic.topic() + "  queues per broker " + topic.queues());
            }
            lines.add("    groups " + instance.groups());
        }
        instances.stream()
                .filter(i -> !i.groups().isEmpty() && !i.topics().isEmpty())
                .min(Comparator.comparing((InstanceView i) -> !holdsDocumentedExample(i)))
                .ifPresentOrElse(
                        i -> lines.addAll(tryIt(baseUrl, auth, i)),
                        () -> lines.add("No instance has both a group and a topic yet: create them with the admin API"
                                + " (" + baseUrl + AdminApi.OPENAPI + ")"));
        return lines;
    }

    /**
     * The documented example against an instance that has a group and a topic: its {@value
     * #DOCUMENTED_GROUP} on its {@value #DOCUMENTED_TOPIC} when it holds them, so that data other runs
     * added beside the example (a conformance run's topics) never take its place; else its first
     * group on its first topic, which the store resets as well. In token mode the header to add is in
     * the command; in AK/SK mode the request must be signed, which curl cannot do by hand, so the
     * lines say what can sign it.
     */
    private static List<String> tryIt(String baseUrl, AuthMode auth, InstanceView instance) {
        String group = instance.groups().contains(DOCUMENTED_GROUP)
                ? DOCUMENTED_GROUP
                : instance.groups().get(0);
        String topic = instance.topics().stream().anyMatch(t -> t.topic().equals(DOCUMENTED_TOPIC))
                ? DOCUMENTED_TOPIC
                : instance.topics().get(0).topic();
        String curl = "  curl -sS -X POST '" + baseUrl + "/v2/rocketmq/" + instance.projectId() + "/instances/"
                + instance.instanceId() + "/groups/" + group + "/reset-message-offset'"
                + (auth == AuthMode.TOKEN ? " -H 'X-Auth-Token: YOUR_TOKEN'" : "")
                + " -H 'Content-Type: application/json' -d '{\"topic\":\"" + topic + "\",\"timestamp\":"
                + EXAMPLE_TIMESTAMP + "}'";
        return switch (auth) {
            case NONE -> List.of("Try it:", curl);
            case TOKEN -> List.of("Try it (with one of offsetkit.auth.tokens in place of YOUR_TOKEN):", curl);
            case AKSK ->
                List.of(
                        "Try it: in AK/SK mode a request is signed (SDK-HMAC-SHA256), which curl cannot do by hand; sign"
                                + " it with the offsetkit Java client (io.offsetkit:offsetkit-client, see its README) or an official Huawei Cloud SDK. The"
                                + " request, unsigned:",
                        curl);
        };
    }

    private static boolean holdsDocumentedExample(InstanceView instance) {
        return instance.groups().contains(DOCUMENTED_GROUP)
                && instance.topics().stream().anyMatch(t -> t.topic().equals(DOCUMENTED_TOPIC));
    }

    /** The lines of the RocketMQ backend's banner. */
    public static List<String> rocketmq(String baseUrl, AuthMode auth, RocketMqProperties rocketmq) {
        List<String> lines = new ArrayList<>();
        lines.add(headline(baseUrl, "RocketMQ backend", auth));
        for (RocketMqProperties.Instance instance : rocketmq.instances()) {
            lines.add("  instance " + instance.id() + " (project "
                    + (instance.projectId() == null ? "any" : instance.projectId()) + ") is the cluster of name server "
                    + instance.nameServer() + (instance.hasCredentials() ? ", with ACL credentials" : ""));
        }
        return lines;
    }

    private static String headline(String baseUrl, String backend, AuthMode auth) {
        return "offsetkit reference server listening on " + baseUrl + ", " + backend + ", authentication "
                + auth.name().toLowerCase(Locale.ROOT);
    }
}
