package io.offsetkit.server.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.server.backend.BackendUnavailableException;
import io.offsetkit.server.backend.QueueOffset;
import io.offsetkit.server.backend.ResetTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RocketMQ backend against a broker that takes only requests signed with its ACL credentials. */
class RocketMqAclTest {

    static final String ACCESS_KEY = "offsetkit";
    static final String SECRET_KEY = "offsetkit-acl-secret";

    @TempDir
    static Path directory;

    static InProcessRocketMq cluster;
    static final String TOPIC = "acl_topic";
    static final String GROUP = "acl_group";

    @BeforeAll
    static void startClusterWithAclAndData() throws Exception {
        cluster = InProcessRocketMq.startWithAcl(directory, ACCESS_KEY, SECRET_KEY, "broker-acl");
        try (RocketMqClusterTools tools = new RocketMqClusterTools(
                cluster, new AclClientRPCHook(new SessionCredentials(ACCESS_KEY, SECRET_KEY)))) {
            tools.createTopic(TOPIC, Map.of("broker-acl", 1));
            tools.createGroup(GROUP, "broker-acl");
            tools.produce(TOPIC, "broker-acl", 0, 3);
        }
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    static RocketMqOffsetBackend backend(String accessKey, String secretKey) {
        return new RocketMqOffsetBackend(new RocketMqProperties(
                List.of(new RocketMqProperties.Instance("acl", null, cluster.nameServer(), accessKey, secretKey)),
                // wide: the credentials are the subject, and a busy CI machine makes a healthy reset slow
                Duration.ofSeconds(10)));
    }

    @Test
    void withTheClustersCredentialsTheResetApplies() {
        // GIVEN the backend configured with the cluster's access key and secret key
        try (RocketMqOffsetBackend backend = backend(ACCESS_KEY, SECRET_KEY)) {
            // WHEN the group is reset to the latest offsets
            List<QueueOffset> offsets = backend.resetByTime(new ResetTarget("p", "acl", GROUP, TOPIC), -1);

            // THEN the broker took the signed request: the queue is at its end
            assertThat(offsets).containsExactly(new QueueOffset("broker-acl", 0, 3));
        }
    }

    @Test
    void withAWrongSecretKeyTheResetFailsSayingTheBrokerRefusedIt() {
        // GIVEN the backend configured with a wrong secret key
        try (RocketMqOffsetBackend backend = backend(ACCESS_KEY, "not-the-secret")) {
            // WHEN the group is reset, THEN the broker's refusal is reported, naming the broker
            assertThatThrownBy(() -> backend.resetByTime(new ResetTarget("p", "acl", GROUP, TOPIC), 0))
                    .isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("broker 'broker-acl'")
                    .hasMessageContaining("answered code");
        }
    }
}
