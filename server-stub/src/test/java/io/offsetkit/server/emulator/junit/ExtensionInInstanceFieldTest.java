package io.offsetkit.server.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.emulator.Http;
import io.offsetkit.server.emulator.OffsetkitEmulator;
import io.offsetkit.server.emulator.RunningEmulator;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An instance field: one emulator per test, stopped after it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionInInstanceFieldTest {

    @RegisterExtension
    OffsetkitEmulatorExtension emulator =
            OffsetkitEmulatorExtension.newInstance().build();

    private static RunningEmulator previous;

    @Test
    @Order(1)
    void theFirstTestHasAnEmulatorOfItsOwn(RunningEmulator injected) {
        previous = injected;

        assertThat(((OffsetkitEmulator) previous).isRunning()).isTrue();
        assertThat(Http.reset(previous, "group_01", "topic_01", 0, Map.of()).statusCode())
                .isEqualTo(200);
    }

    @Test
    @Order(2)
    void theSecondTestHasAnotherAndTheFirstIsStopped(RunningEmulator injected) {
        assertThat(injected).isNotSameAs(previous);
        assertThat(injected.baseUrl()).isEqualTo(emulator.baseUrl());
        assertThat(((OffsetkitEmulator) previous).isRunning()).isFalse();
        assertThat(injected.journal().resets()).isEmpty();
    }
}
