package io.offsetkit.server.rocketmq;

import io.offsetkit.server.backend.OffsetBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the {@link OffsetBackend} bean when {@code offsetkit.backend=rocketmq}: a {@link
 * RocketMqOffsetBackend} over the clusters of {@code offsetkit.rocketmq.instances}. The clusters
 * are not contacted at start-up, so that the server starts (and says so) while a cluster is down;
 * each reset reports a cluster it cannot reach.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "offsetkit.backend", havingValue = RocketMqConfiguration.BACKEND)
@EnableConfigurationProperties(RocketMqProperties.class)
public class RocketMqConfiguration {

    /** {@code offsetkit.backend} for this backend. */
    public static final String BACKEND = "rocketmq";

    private static final Logger log = LoggerFactory.getLogger(RocketMqConfiguration.class);

    @Bean(destroyMethod = "close")
    RocketMqOffsetBackend rocketMqOffsetBackend(RocketMqProperties properties) {
        for (RocketMqProperties.Instance instance : properties.instances()) {
            log.info(
                    "RocketMQ backend: instance {} (project {}) is the cluster of name server {}{}",
                    instance.id(),
                    instance.projectId() == null ? "any" : instance.projectId(),
                    instance.nameServer(),
                    instance.hasCredentials() ? ", with ACL credentials" : "");
        }
        return new RocketMqOffsetBackend(properties);
    }
}
