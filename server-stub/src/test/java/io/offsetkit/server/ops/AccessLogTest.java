package io.offsetkit.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The access log the settings ask for: off, with no logger made, when {@code logging.level} puts it
 * above INFO (the emulator's settings do), whatever the logging framework's own configuration.
 */
class AccessLogTest {

    @Test
    void settingsThatPutTheAccessLogAboveInfoTurnItOff() {
        for (String level : new String[] {"WARN", "warn", " Error ", "OFF"}) {
            // GIVEN the access logger's level above INFO WHEN the access log is made THEN it is off
            assertThat(AccessLog.of(Map.of(AccessLog.LOGGER, level)).isOn())
                    .as(level)
                    .isFalse();
        }
    }

    @Test
    void settingsThatLeaveTheAccessLogAtInfoOrBelowOrUnsetKeepItOn() {
        // GIVEN no level, or INFO and below, or another logger's level
        // WHEN the access log is made THEN it follows its logger (on)
        assertThat(AccessLog.of(Map.of()).isOn()).isTrue();
        assertThat(AccessLog.of(Map.of(AccessLog.LOGGER, "INFO")).isOn()).isTrue();
        assertThat(AccessLog.of(Map.of(AccessLog.LOGGER, "debug")).isOn()).isTrue();
        assertThat(AccessLog.of(Map.of("io.offsetkit.server", "WARN")).isOn()).isTrue();
    }
}
