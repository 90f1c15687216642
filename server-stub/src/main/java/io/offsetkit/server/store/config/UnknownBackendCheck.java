package io.offsetkit.server.store.config;

import io.offsetkit.server.backend.OffsetBackend;
import io.offsetkit.server.rocketmq.RocketMqConfiguration;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Stops the start, before any bean is made, with a message naming the key and its value when {@code
 * offsetkit.backend} selects no backend of this build (a typo, or a backend not built yet), instead
 * of leaving Spring to report a missing {@link OffsetBackend} bean deep in a stack trace.
 */
@Component
class UnknownBackendCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (beanFactory.getBeanNamesForType(OffsetBackend.class, true, false).length == 0) {
            throw new IllegalStateException("offsetkit.backend="
                    + environment.getProperty("offsetkit.backend", StoreProperties.EMBEDDED)
                    + " names no backend of this build; the backends are: " + StoreProperties.EMBEDDED + ", "
                    + RocketMqConfiguration.BACKEND);
        }
    }
}
