package io.offsetkit.server.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Binds {@code offsetkit.http.*} and serves Swagger UI at {@value #SWAGGER_UI}: the page
 * ({@code static/swagger-ui/index.html}) loads Swagger UI's files from its webjar and shows the
 * contract served at {@code /openapi.yaml}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpProperties.class)
public class WebConfiguration implements WebMvcConfigurer {

    /** Where Swagger UI is. */
    public static final String SWAGGER_UI = "/swagger-ui/index.html";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/swagger-ui", SWAGGER_UI);
        registry.addRedirectViewController("/swagger-ui/", SWAGGER_UI);
    }
}
