package io.offsetkit.server.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.emulator.EmulatorOptions;
import io.offsetkit.server.emulator.Http;
import io.offsetkit.server.emulator.OffsetkitEmulator;
import io.offsetkit.server.emulator.RunningEmulator;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A static field: one emulator for the class, its state reset before each test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionInStaticFieldTest {

    @RegisterExtension
    static OffsetkitEmulatorExtension emulator = OffsetkitEmulatorExtension.newInstance()
            .options(EmulatorOptions.options()
                    .withData(start -> start.instance().groups("billing").consumer("billing", "10.0.0.5@4711#1")))
            .build();

    private static RunningEmulator first;

    @Test
    @Order(1)
    void theFirstTestResetsBillingToTheLatestOffsets(RunningEmulator injected) {
        first = injected;

        assertThat(Http.reset(injected, "billing", "topic_01", -1, Map.of()).statusCode())
                .isEqualTo(200);

        assertThat(emulator.instance()
                        .committedOffsets("billing", "topic_01")
                        .get(0)
                        .offset())
                .isEqualTo(100L);
        assertThat(emulator.journal().size()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void theSecondTestHasTheSameEmulatorWithTheStartingStateBack(RunningEmulator injected) {
        assertThat(injected).isSameAs(first);
        assertThat(injected.baseUrl()).isEqualTo(emulator.baseUrl());
        assertThat(((OffsetkitEmulator) injected).isRunning()).isTrue();
        assertThat(emulator.instance()
                        .committedOffsets("billing", "topic_01")
                        .get(0)
                        .offset())
                .isNull();
        assertThat(emulator.journal().resets()).isEmpty();
    }
}
