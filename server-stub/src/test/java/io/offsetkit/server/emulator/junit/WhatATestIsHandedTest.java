package io.offsetkit.server.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.offsetkit.server.emulator.Http;
import io.offsetkit.server.emulator.OffsetkitEmulator;
import io.offsetkit.server.emulator.RunningEmulator;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** What a test is handed cannot stop the emulator under the next test. */
class WhatATestIsHandedTest {

    @Test
    void theHandleATestIsInjectedHasNoLifecycle() {
        // GIVEN the type a test is injected, and the extension's own
        // WHEN their public methods are listed
        // THEN neither can close, stop, start or reset the emulator
        for (Class<?> type : new Class<?>[] {RunningEmulator.class, OffsetkitEmulatorExtension.class}) {
            assertThat(Arrays.stream(type.getMethods()).map(Method::getName))
                    .as(type.getSimpleName())
                    .doesNotContain("close", "stop", "start", "reset");
        }
    }

    @Test
    void anEmulatorATestClosedThroughACastServesTheNextTest() {
        // GIVEN a class whose first test casts its handle and closes the emulator
        // WHEN JUnit runs it
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(ClosesItsEmulator.class))
                .execute();

        // THEN the second test was served all the same, from the starting state
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(ClosesItsEmulator.secondStatus).isEqualTo(200);
    }

    @Test
    void aTestThatAsksForTheWholeEmulatorIsToldToAskForTheHandle() {
        // GIVEN a test whose parameter is an OffsetkitEmulator
        // WHEN JUnit runs it
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(AsksForTheWholeEmulator.class))
                .execute();

        // THEN it fails, saying which type to declare
        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(finishedWithFailure(
                                message(text -> text.contains("declare") && text.contains("as RunningEmulator")))));
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ClosesItsEmulator {
        static int secondStatus;

        @RegisterExtension
        static OffsetkitEmulatorExtension emulator =
                OffsetkitEmulatorExtension.newInstance().build();

        @Test
        @Order(1)
        void closesIt(RunningEmulator running) {
            ((OffsetkitEmulator) running).close();
        }

        @Test
        @Order(2)
        void isServed(RunningEmulator running) {
            secondStatus =
                    Http.reset(running, "group_01", "topic_01", -1, Map.of()).statusCode();
            assertThat(running.journal().resets()).hasSize(1);
        }
    }

    @OffsetkitEmulatorTest
    static class AsksForTheWholeEmulator {
        @Test
        void wantsToCloseIt(OffsetkitEmulator emulator) {
            emulator.close();
        }
    }
}
