package io.offsetkit.server.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.emulator.EmulatorAuth;
import io.offsetkit.server.emulator.OffsetkitEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The annotation form: options on the class, the emulator injected into lifecycle and test methods. */
@OffsetkitEmulatorTest(auth = EmulatorAuth.TOKEN, fixture = "none")
class AnnotationFormTest {

    @BeforeEach
    void anInstanceForEachTest(OffsetkitEmulator emulator) {
        emulator.putInstance("i", "p", "b").groups("g").topic("t", 1).messages("b", 0, 10L, 20L);
    }

    @Test
    void theEmulatorHasTheAnnotationsOptions(OffsetkitEmulator emulator) {
        assertThat(emulator.auth()).isEqualTo(EmulatorAuth.TOKEN);
        assertThat(EmulatorHttp.reset(emulator, "g", "t", 15, null)).isEqualTo(401);
        assertThat(EmulatorHttp.reset(emulator, "g", "t", 15, emulator.token())).isEqualTo(200);
        assertThat(emulator.committedOffsets("g", "t").get(0).offset()).isEqualTo(1L);
    }

    @Test
    void theInstanceOfTheLastTestIsGoneBeforeThisOnesBeforeEach(OffsetkitEmulator emulator) {
        // The reset before each test emptied the store (no fixture), then @BeforeEach made it again.
        assertThat(emulator.committedOffsets("g", "t").get(0).offset()).isNull();
        assertThat(emulator.journal().resets()).isEmpty();
    }
}
