package io.offsetkit.server.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.auth.AuthMode;
import io.offsetkit.server.emulator.Http;
import io.offsetkit.server.emulator.RunningEmulator;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The annotation form: options on the class, the emulator injected into lifecycle and test methods. */
@OffsetkitEmulatorTest(auth = AuthMode.TOKEN, fixture = "none")
@TestMethodOrder(OrderAnnotation.class) // the second test checks what the first one left
class AnnotationFormTest {

    @BeforeEach
    void anInstanceForEachTest(RunningEmulator emulator) {
        emulator.putInstance("i", "p", "b").groups("g").topic("t", 1).messages("b", 0, 10L, 20L);
        emulator.consumer("g", "10.0.0.5@4711#1");
    }

    @Test
    @Order(1)
    void theEmulatorHasTheAnnotationsOptions(RunningEmulator emulator) {
        assertThat(emulator.auth()).isEqualTo(AuthMode.TOKEN);
        assertThat(Http.reset(emulator, "g", "t", 15, Map.of()).statusCode()).isEqualTo(401);
        assertThat(Http.reset(emulator, "g", "t", 15, Map.of("X-Auth-Token", emulator.token()))
                        .statusCode())
                .isEqualTo(200);
        assertThat(emulator.instance().committedOffsets("g", "t").get(0).offset())
                .isEqualTo(1L);
    }

    @Test
    @Order(2)
    void theInstanceOfTheLastTestIsGoneBeforeThisOnesBeforeEach(RunningEmulator emulator) {
        // GIVEN the first test committed offset 1 and left a reset in the journal
        // THEN the reset before this test emptied the store (no fixture), and @BeforeEach made it again
        assertThat(emulator.instance().committedOffsets("g", "t").get(0).offset())
                .isNull();
        assertThat(emulator.journal().resets()).isEmpty();
    }
}
