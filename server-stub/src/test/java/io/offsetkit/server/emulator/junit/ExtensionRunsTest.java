package io.offsetkit.server.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.offsetkit.server.emulator.EmulatorOptions;
import io.offsetkit.server.emulator.Http;
import io.offsetkit.server.emulator.OffsetkitEmulator;
import io.offsetkit.server.emulator.RunningEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Test classes that use the extension, run by JUnit itself as an app's build runs them: in parallel,
 * and with a bad option.
 */
class ExtensionRunsTest {

    /** The ports the parallel classes' emulators listened on, by class. */
    static final Map<String, Integer> PORTS = new ConcurrentHashMap<>();

    /**
     * Released once every parallel class has started its emulator: a class whose tests wait for it in
     * vain was not run beside the other two.
     */
    static final CountDownLatch ALL_STARTED = new CountDownLatch(3);

    @Test
    void threeClassesInParallelEachHaveTheirOwnEmulatorAndTheirStateIsResetBetweenTests() {
        // GIVEN three test classes, each resetting the same group in each of its tests and checking it starts clean
        // WHEN JUnit runs them at the same time
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "3")
                .selectors(selectClass(ParallelA.class), selectClass(ParallelB.class), selectClass(ParallelC.class))
                .execute();

        // THEN every test passed, each class on its own port
        results.testEvents()
                .assertStatistics(stats -> stats.started(9).succeeded(9).failed(0));
        assertThat(PORTS).hasSize(3);
        assertThat(Set.copyOf(PORTS.values())).hasSize(3);
    }

    @Test
    void theFixtureIsReadOnceAtBuildNotAgainWhenTheEmulatorStarts() {
        // GIVEN a class whose extension was built with a fixture file that was deleted since
        // WHEN JUnit runs it
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(BuiltBeforehand.class))
                .execute();

        // THEN its emulator started from the fixture read at build
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void aBadOptionFailsAtBuildNamingTheOptionAndTheValue() {
        assertThatThrownBy(() -> OffsetkitEmulatorExtension.newInstance()
                        .options(EmulatorOptions.options().port(-1))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port(-1): it must be between 0 and 65535 (0: a free port)");
    }

    @Test
    void aBadFixtureOnTheAnnotationFailsTheClassNamingTheFixture() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(BadFixture.class))
                .execute();

        results.containerEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(finishedWithFailure(
                                instanceOf(ExtensionConfigurationException.class),
                                message(text -> text.contains("fixture(\"no-such-fixture.yaml\"): no such file")))));
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Test
    void aNestedClassSharesItsEnclosingClassesEmulatorWhichStopsAfterTheEnclosingClass() {
        // GIVEN a class with the extension in a static field, and a @Nested class in it
        // WHEN JUnit runs it
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(WithNested.class))
                .execute();

        // THEN both tests passed on the same emulator, and it stopped at the end, not before
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(WithNested.SEEN.keySet()).containsExactlyInAnyOrder("outer", "nested");
        assertThat(WithNested.SEEN.get("nested")).isSameAs(WithNested.SEEN.get("outer"));
        assertThat(((OffsetkitEmulator) WithNested.SEEN.get("outer")).isRunning())
                .isFalse();
    }

    @Test
    void aNestedClassOfAnAnnotatedClassSharesItsEmulator() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(AnnotatedWithNested.class))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(AnnotatedWithNested.SEEN.get("nested")).isSameAs(AnnotatedWithNested.SEEN.get("outer"));
        assertThat(((OffsetkitEmulator) AnnotatedWithNested.SEEN.get("outer")).isRunning())
                .isFalse();
    }

    /** Resets group_01 on topic_01 in each test, after checking that no earlier test's reset is left. */
    abstract static class ParallelClass {

        @RepeatedTest(3)
        void resetsFromAFreshState(RunningEmulator emulator) throws InterruptedException {
            if (PORTS.put(getClass().getSimpleName(), emulator.port()) == null) {
                ALL_STARTED.countDown(); // once per class: the latch opens when all three have started
            }
            assertThat(ALL_STARTED.await(30, TimeUnit.SECONDS))
                    .as("the three classes ran at the same time")
                    .isTrue();
            // the fixture's offset (the latest), not an earlier test's reset to 0
            assertThat(emulator.instance()
                            .committedOffsets("group_01", "topic_01")
                            .get(0)
                            .offset())
                    .isEqualTo(100L);
            assertThat(emulator.journal().resets()).isEmpty();
            assertThat(Http.reset(emulator, "group_01", "topic_01", 0, Map.of()).statusCode())
                    .isEqualTo(200);
            assertThat(emulator.instance()
                            .committedOffsets("group_01", "topic_01")
                            .get(0)
                            .offset())
                    .isEqualTo(0L);
        }
    }

    static class ParallelA extends ParallelClass {
        @RegisterExtension
        static OffsetkitEmulatorExtension emulator =
                OffsetkitEmulatorExtension.newInstance().build();
    }

    static class ParallelB extends ParallelClass {
        @RegisterExtension
        static OffsetkitEmulatorExtension emulator =
                OffsetkitEmulatorExtension.newInstance().build();
    }

    @OffsetkitEmulatorTest
    static class ParallelC extends ParallelClass {}

    @OffsetkitEmulatorTest(fixture = "no-such-fixture.yaml")
    static class BadFixture {
        @Test
        void neverRuns() {}
    }

    /** Records the emulator its tests get, by where the test is; the nested test checks it is still reset. */
    static class WithNested {
        static final Map<String, RunningEmulator> SEEN = new ConcurrentHashMap<>();

        @RegisterExtension
        static OffsetkitEmulatorExtension emulator =
                OffsetkitEmulatorExtension.newInstance().build();

        @Test
        void outer(RunningEmulator running) {
            SEEN.put("outer", running);
            assertThat(Http.reset(running, "group_01", "topic_01", -1, Map.of()).statusCode())
                    .isEqualTo(200);
        }

        @Nested
        class Inner {
            @Test
            void nested(RunningEmulator running) {
                SEEN.put("nested", running);
                assertThat(((OffsetkitEmulator) running).isRunning()).isTrue();
                assertThat(running.journal().resets()).isEmpty();
            }
        }
    }

    @OffsetkitEmulatorTest
    static class AnnotatedWithNested {
        static final Map<String, RunningEmulator> SEEN = new ConcurrentHashMap<>();

        @Test
        void outer(RunningEmulator running) {
            SEEN.put("outer", running);
        }

        @Nested
        class Inner {
            @Test
            void nested(RunningEmulator running) {
                SEEN.put("nested", running);
            }
        }
    }

    /** Its extension is built with a fixture file that is deleted right after. */
    static class BuiltBeforehand {
        @RegisterExtension
        static OffsetkitEmulatorExtension emulator = builtWithAFixtureDeletedSince();

        private static OffsetkitEmulatorExtension builtWithAFixtureDeletedSince() {
            try {
                Path fixture = Files.writeString(
                        Files.createTempFile("read-once", ".yaml"),
                        "instances:\n  - instance_id: read-once\n    project_id: p-1\n    brokers: [broker-1]\n");
                OffsetkitEmulatorExtension built = OffsetkitEmulatorExtension.newInstance()
                        .options(EmulatorOptions.options().fixture(fixture))
                        .build();
                Files.delete(fixture);
                return built;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Test
        void startsFromTheFixtureReadAtBuild(RunningEmulator running) {
            assertThat(running.instanceId()).isEqualTo("read-once");
        }
    }
}
