package io.offsetkit.server.reset;

import io.offsetkit.server.generated.api.ConsumerOffsetsApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the strict body reader and the path check in front of {@link ResetConsumeOffsetHandler}. */
@Configuration(proxyBeanMethods = false)
public class ResetWebConfiguration implements WebMvcConfigurer {

    private final ResetParameters parameters = ResetParameters.bundled();

    @Bean
    ResetParameters resetParameters() {
        return parameters;
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.addCustomConverter(new ResetRequestConverter(new ResetRequestReader(parameters)));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ResetPathCheck(parameters))
                .addPathPatterns(
                        ConsumerOffsetsApi.PATH_RESET_CONSUME_OFFSET,
                        ConsumerOffsetsApi.PATH_RESET_CONSUME_OFFSET_FOR_ROCKET_MQ);
    }
}
