package io.offsetkit.server.rocketmq;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings of the RocketMQ backend ({@code offsetkit.rocketmq.*}, read when {@code
 * offsetkit.backend=rocketmq}): which RocketMQ cluster each instance id of the API stands for, and
 * how long a call to a name server or broker may take.
 *
 * <pre>
 * --offsetkit.backend=rocketmq
 * --offsetkit.rocketmq.instances[0].id=11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d
 * --offsetkit.rocketmq.instances[0].project-id=77b6a44cba5143ab91d13ab9a8ff44fd
 * --offsetkit.rocketmq.instances[0].name-server=10.0.0.1:9876;10.0.0.2:9876
 * --offsetkit.rocketmq.instances[0].access-key=...   (with ACL)
 * --offsetkit.rocketmq.instances[0].secret-key=...
 * --offsetkit.rocketmq.request-timeout=3s
 * </pre>
 *
 * @param instances the instances, at least one, ids unique
 * @param requestTimeout the longest wait for one answer of a name server or broker; default 3 s
 */
public record RocketMqProperties(List<Instance> instances, Duration requestTimeout) {

    /** Default of {@code offsetkit.rocketmq.request-timeout}. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern NAME_SERVER = Pattern.compile("[^;\\s]+:\\d{1,5}(;[^;\\s]+:\\d{1,5})*");

    public RocketMqProperties {
        instances = instances == null ? List.of() : List.copyOf(instances);
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("offsetkit.backend=rocketmq needs at least one instance: set"
                    + " offsetkit.rocketmq.instances[0].id and offsetkit.rocketmq.instances[0].name-server");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero() || requestTimeout.toMillis() > 600_000) {
            throw new IllegalArgumentException(
                    "offsetkit.rocketmq.request-timeout must be between 1 ms and 10 minutes, was " + requestTimeout);
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < instances.size(); i++) {
            Instance instance = instances.get(i);
            String key = "offsetkit.rocketmq.instances[" + i + "]";
            if (instance.id() == null || !ID.matcher(instance.id()).matches()) {
                throw new IllegalArgumentException(
                        key + ".id must be 1 to 64 of A-Z a-z 0-9 _ -, was " + quote(instance.id()));
            }
            if (!ids.add(instance.id())) {
                throw new IllegalArgumentException(key + ".id '" + instance.id() + "' is given twice");
            }
            if (instance.projectId() != null
                    && !ID.matcher(instance.projectId()).matches()) {
                throw new IllegalArgumentException(
                        key + ".project-id must be 1 to 64 of A-Z a-z 0-9 _ -, was " + quote(instance.projectId()));
            }
            if (instance.nameServer() == null
                    || !NAME_SERVER.matcher(instance.nameServer()).matches()) {
                throw new IllegalArgumentException(key + ".name-server must be host:port, several separated by ';',"
                        + " was " + quote(instance.nameServer()));
            }
            if ((instance.accessKey() == null) != (instance.secretKey() == null)) {
                throw new IllegalArgumentException(
                        key + ": access-key and secret-key (RocketMQ ACL) go together: set both or neither");
            }
        }
    }

    /** The request timeout in milliseconds, as RocketMQ's client takes it. */
    public long requestTimeoutMillis() {
        return requestTimeout.toMillis();
    }

    private static String quote(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }

    /**
     * One instance of the API: a RocketMQ cluster.
     *
     * @param id the instance id of the API's path
     * @param projectId the one project id the instance answers under; null: any project id
     * @param nameServer the cluster's name servers, {@code host:port}, several separated by {@code ;}
     * @param accessKey the RocketMQ ACL access key, or null when the cluster has no ACL
     * @param secretKey the RocketMQ ACL secret key, with {@code accessKey}
     */
    public record Instance(String id, String projectId, String nameServer, String accessKey, String secretKey) {

        /** Whether the cluster is reached with ACL credentials. */
        public boolean hasCredentials() {
            return accessKey != null;
        }

        /** What the logs may show: everything but the secret key. */
        @Override
        public String toString() {
            return "Instance[id=" + id + ", projectId=" + projectId + ", nameServer=" + nameServer + ", accessKey="
                    + accessKey + ", secretKey=" + (secretKey == null ? null : "(hidden)") + "]";
        }
    }
}
