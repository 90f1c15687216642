package io.offsetkit.server.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.emulator.Http;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** keepState(): what one test committed, the next one reads. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeepStateTest {

    @RegisterExtension
    static OffsetkitEmulatorExtension emulator =
            OffsetkitEmulatorExtension.newInstance().keepState().build();

    @Test
    @Order(1)
    void theFirstTestCommits() {
        assertThat(Http.reset(emulator.emulator(), "group_01", "topic_01", 0, Map.of())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    @Order(2)
    void theSecondTestReadsTheCommitAndTheJournal() {
        // the bundled fixture starts group_01 at offset 100 (the latest); the first test's reset moved it to 0
        assertThat(emulator.instance()
                        .committedOffsets("group_01", "topic_01")
                        .get(0)
                        .offset())
                .isEqualTo(0L);
        assertThat(emulator.journal().size()).isEqualTo(1);
    }
}
