package io.offsetkit.server.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.settings.ServerSettings;
import org.junit.jupiter.api.Test;

/**
 * The emulator's engine settings take the server's defaults where the emulator has no option of its
 * own, without reading any setting at its start: its constants equal what {@code java -jar} with no
 * setting has.
 */
class EmulatorSettingsTest {

    @Test
    void theEmulatorsConstantsAreTheServersDefaults() {
        // GIVEN the server's defaults, as java -jar with no setting reads them
        ServerSettings server = ServerSettings.defaults();

        // WHEN the emulator's settings are made from its default options
        ServerSettings emulator = EmulatorSettings.of(EmulatorOptions.options().checked());

        // THEN the largest body and the data directory it does not open are the server's
        assertThat(emulator.maxBodyBytes()).isEqualTo(server.maxBodyBytes()).isEqualTo(65_536);
        assertThat(EmulatorSettings.DEFAULT_DATA_DIR).isEqualTo(server.dataDir());
        assertThat(emulator.dataDir()).isEqualTo(server.dataDir());
    }
}
