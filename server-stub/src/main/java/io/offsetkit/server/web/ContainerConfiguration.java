package io.offsetkit.server.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Replaces Tomcat's HTML error page with {@link ContainerErrorValve}, so that even the requests
 * Tomcat refuses by itself get the contract's error body and an {@code X-Request-Id}.
 */
@Configuration(proxyBeanMethods = false)
public class ContainerConfiguration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ContainerErrorValve)) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ContainerErrorValve());
            // On start the host adds a valve of this class unless it finds one; name ours so that
            // it finds it, instead of adding Tomcat's HTML one back.
            if (host instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(ContainerErrorValve.class.getName());
            }
        });
    }

    /** After Spring Boot's own customizer, which installs the valve this one replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
