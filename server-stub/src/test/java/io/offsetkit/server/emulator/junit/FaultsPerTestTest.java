package io.offsetkit.server.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.emulator.Http;
import io.offsetkit.server.fault.FaultSpec;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Faults set in a test do not leak into the next one: with the state reset, and with keepState() too. */
class FaultsPerTestTest {

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class WithTheStateReset {

        @RegisterExtension
        static OffsetkitEmulatorExtension emulator =
                OffsetkitEmulatorExtension.newInstance().build();

        @Test
        @Order(1)
        void theFirstTestSetsAFaultThatItsResetGets() {
            emulator.faults().set(FaultSpec.on("resetConsumeOffset").error("DMS.00500000"));

            assertThat(reset(emulator)).isEqualTo(500);
        }

        @Test
        @Order(2)
        void theSecondTestHasNoFault() {
            assertThat(emulator.faults().list()).isEmpty();
            assertThat(emulator.faults().journal()).isEmpty();
            assertThat(reset(emulator)).isEqualTo(200);
        }
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class WithTheStateKept {

        @RegisterExtension
        static OffsetkitEmulatorExtension emulator =
                OffsetkitEmulatorExtension.newInstance().keepState().build();

        @Test
        @Order(1)
        void theFirstTestSetsAFaultThatItsResetGets() {
            emulator.faults().set(FaultSpec.on("resetConsumeOffset").error("DMS.00403007"));

            assertThat(reset(emulator)).isEqualTo(403);
        }

        @Test
        @Order(2)
        void theSecondTestKeepsTheDataButNotTheFault() {
            assertThat(emulator.journal().size())
                    .as("the journal is data: kept")
                    .isEqualTo(1);
            assertThat(emulator.faults().list()).isEmpty();
            assertThat(reset(emulator)).isEqualTo(200);
        }
    }

    private static int reset(OffsetkitEmulatorExtension emulator) {
        return Http.reset(emulator.emulator(), "group_01", "topic_01", 0, Map.of())
                .statusCode();
    }
}
