package io.offsetkit.server.testsupport;

import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts the server a {@link RunningServer} class asks for (one per distinct set of settings, shared
 * by the classes that ask for the same, stopped at the end of the run) and hands it to the class's
 * {@link RunningServer.Server} fields.
 */
final class RunningServerExtension implements TestInstancePostProcessor {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RunningServerExtension.class);

    @Override
    public void postProcessTestInstance(Object instance, ExtensionContext context) throws Exception {
        RunningServer annotation = AnnotationSupport.findAnnotation(instance.getClass(), RunningServer.class)
                .or(() -> enclosing(instance.getClass()))
                .orElseThrow(() -> new IllegalStateException(instance.getClass() + " has no @RunningServer"));
        List<String> settings = List.of(annotation.value());
        ServerResource server = context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        settings,
                        key -> new ServerResource(TestServer.start(annotation.value())),
                        ServerResource.class);
        for (Class<?> type = instance.getClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(RunningServer.Server.class)) {
                    field.setAccessible(true);
                    field.set(instance, field.getType() == int.class ? (Object) server.server.port() : server.server);
                }
            }
        }
    }

    private static java.util.Optional<RunningServer> enclosing(Class<?> type) {
        for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            java.util.Optional<RunningServer> found = AnnotationSupport.findAnnotation(outer, RunningServer.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return java.util.Optional.empty();
    }

    /** Stops the server when the run's root context closes. */
    private static final class ServerResource implements AutoCloseable {

        private final TestServer server;

        ServerResource(TestServer server) {
            this.server = server;
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }
}
