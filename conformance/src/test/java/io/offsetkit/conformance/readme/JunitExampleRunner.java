package io.offsetkit.conformance.readme;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs one test class with JUnit Jupiter, in a JVM of its own, and prints what happened, one line
 * each: {@code SUMMARY started succeeded skipped aborted failed}, then {@code SKIPPED name: reason},
 * {@code ABORTED name: reason} and {@code FAILED name: message}. {@link ReadmeJunitExamplesTest}
 * starts it with the environment the README's examples read, which a running JVM cannot be given.
 */
public final class JunitExampleRunner {

    private JunitExampleRunner() {}

    public static void main(String[] args) throws ClassNotFoundException {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Class.forName(args[0])))
                .execute()
                .testEvents();
        System.out.println("SUMMARY " + tests.started().count() + " "
                + tests.succeeded().count() + " " + tests.skipped().count() + " "
                + tests.aborted().count() + " " + tests.failed().count());
        tests.skipped().stream()
                .forEach(event -> System.out.println("SKIPPED " + name(event) + ": "
                        + event.getPayload(String.class).orElse("")));
        tests.aborted().stream().forEach(event -> System.out.println("ABORTED " + name(event) + ": " + reason(event)));
        tests.failed().stream().forEach(event -> System.out.println("FAILED " + name(event) + ": " + reason(event)));
    }

    private static String name(Event event) {
        return event.getTestDescriptor().getDisplayName();
    }

    private static String reason(Event event) {
        Optional<Throwable> thrown =
                event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable);
        return thrown.map(Throwable::getMessage).orElse("").replace('\n', ' ');
    }
}
