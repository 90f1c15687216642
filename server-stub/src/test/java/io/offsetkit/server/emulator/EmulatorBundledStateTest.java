package io.offsetkit.server.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The default start (the bundled fixture, no data, in memory) opens the store files the build
 * filled from the fixture instead of applying it; a start that adds data applies the fixture. Both
 * start in the same state, and a reset brings the default one back to it.
 */
class EmulatorBundledStateTest {

    @Test
    void theDefaultStartIsInTheStateTheBundledFixtureAppliedGives() {
        // GIVEN an emulator with the defaults (the shipped store files) and one whose data callback adds
        // nothing (the fixture applied at its start)
        try (OffsetkitEmulator shipped = new OffsetkitEmulator().start();
                OffsetkitEmulator applied =
                        new OffsetkitEmulator(EmulatorOptions.options().withData(emulator -> {})).start()) {
            // THEN both have the fixture's instance as their own
            assertThat(shipped.instanceId()).isEqualTo("11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d");
            assertThat(shipped.instanceId()).isEqualTo(applied.instanceId());
            assertThat(shipped.projectId()).isEqualTo(applied.projectId());
            // and the same brokers, committed offsets and consumers
            assertState(shipped, applied);

            // AND WHEN the default one gets another consumer, then is reset
            shipped.instance().consumer("group_01", "extra@1").subscribe("topic_01", "*");
            shipped.reset();

            // THEN it is back in the starting state
            assertState(shipped, applied);
        }
    }

    private static void assertState(OffsetkitEmulator shipped, OffsetkitEmulator applied) {
        assertThat(shipped.instance().brokers()).isEqualTo(applied.instance().brokers());
        for (String group : new String[] {"group_01", "group_02"}) {
            assertThat(shipped.instance().consumers(group))
                    .isEqualTo(applied.instance().consumers(group))
                    .isNotEmpty();
            for (String topic : new String[] {"topic_01", "topic_02"}) {
                assertThat(shipped.instance().committedOffsets(group, topic))
                        .isEqualTo(applied.instance().committedOffsets(group, topic));
            }
        }
        assertThat(shipped.instance().committedOffsets("group_01", "topic_01")).isNotEmpty();
    }
}
