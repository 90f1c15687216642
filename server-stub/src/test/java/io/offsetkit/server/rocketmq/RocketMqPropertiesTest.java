package io.offsetkit.server.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RocketMqPropertiesTest {

    static RocketMqProperties.Instance instance(String id, String nameServer) {
        return new RocketMqProperties.Instance(id, null, nameServer, null, null);
    }

    @Test
    void defaultsTheRequestTimeoutToThreeSeconds() {
        // WHEN only an instance is given
        RocketMqProperties properties = new RocketMqProperties(List.of(instance("i1", "127.0.0.1:9876")), null);

        // THEN calls wait at most 3 s
        assertThat(properties.requestTimeoutMillis()).isEqualTo(3000);
    }

    @Test
    void refusesToStartWithoutAnInstanceAndSaysWhichKeysToSet() {
        assertThatThrownBy(() -> new RocketMqProperties(null, null))
                .hasMessageContaining("offsetkit.rocketmq.instances[0].id")
                .hasMessageContaining("offsetkit.rocketmq.instances[0].name-server");
    }

    @Test
    void namesTheKeyOfEachBadValue() {
        assertThatThrownBy(() -> new RocketMqProperties(List.of(instance("i1", "no-port")), null))
                .hasMessageContaining("offsetkit.rocketmq.instances[0].name-server must be host:port")
                .hasMessageContaining("'no-port'");
        assertThatThrownBy(() -> new RocketMqProperties(List.of(instance("i1", "a:1"), instance("i 2", "a:1")), null))
                .hasMessageContaining("offsetkit.rocketmq.instances[1].id must be 1 to 64");
        assertThatThrownBy(() -> new RocketMqProperties(List.of(instance("i1", "a:1"), instance("i1", "b:1")), null))
                .hasMessageContaining("'i1' is given twice");
        assertThatThrownBy(() -> new RocketMqProperties(
                        List.of(new RocketMqProperties.Instance("i1", null, "a:1", "ak", null)), null))
                .hasMessageContaining("access-key and secret-key (RocketMQ ACL) go together");
        assertThatThrownBy(() -> new RocketMqProperties(List.of(instance("i1", "a:1")), Duration.ZERO))
                .hasMessageContaining("offsetkit.rocketmq.request-timeout must be between 1 ms and 10 minutes");
    }

    @Test
    void acceptsSeveralNameServers() {
        RocketMqProperties properties =
                new RocketMqProperties(List.of(instance("i1", "10.0.0.1:9876;10.0.0.2:9876")), Duration.ofSeconds(1));

        assertThat(properties.instances().get(0).nameServer()).isEqualTo("10.0.0.1:9876;10.0.0.2:9876");
    }

    @Test
    void neverShowsTheSecretKey() {
        RocketMqProperties.Instance instance = new RocketMqProperties.Instance("i1", null, "a:1", "ak", "s3cr3t");

        assertThat(instance.toString()).contains("ak").doesNotContain("s3cr3t");
    }
}
