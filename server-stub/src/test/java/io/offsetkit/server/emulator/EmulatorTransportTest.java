package io.offsetkit.server.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.server.http.HttpServer;
import io.offsetkit.server.jdkhttp.JdkHttpServer;
import org.junit.jupiter.api.Test;

class EmulatorTransportTest {

    @Test
    void fromJdk23TheJdksServerWritesAnAnswerInOneWriteSoItIsChosen() {
        assertThat(EmulatorTransport.choose(null, 23, false)).isEqualTo(EmulatorTransport.JDK);
        assertThat(EmulatorTransport.choose(null, 25, false)).isEqualTo(EmulatorTransport.JDK);
    }

    @Test
    void onJdk17To22ItIsChosenOnlyWhenTheJvmsOwnerSetNoDelay() {
        // each answer would otherwise wait 40 ms for the client's delayed acknowledgement
        assertThat(EmulatorTransport.choose(null, 17, false)).isEqualTo(EmulatorTransport.JETTY);
        assertThat(EmulatorTransport.choose(null, 22, false)).isEqualTo(EmulatorTransport.JETTY);
        assertThat(EmulatorTransport.choose(null, 17, true)).isEqualTo(EmulatorTransport.JDK);
    }

    @Test
    void thePropertyChoosesEitherExplicitlyWhateverTheJdk() {
        assertThat(EmulatorTransport.choose("jetty", 25, true)).isEqualTo(EmulatorTransport.JETTY);
        assertThat(EmulatorTransport.choose(" JDK ", 17, false)).isEqualTo(EmulatorTransport.JDK);
        assertThat(EmulatorTransport.choose("", 17, false)).isEqualTo(EmulatorTransport.JETTY);
    }

    @Test
    void anUnknownTransportStopsTheStartNamingThePropertyAndTheValue() {
        assertThatThrownBy(() -> EmulatorTransport.choose("netty", 17, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("offsetkit.emulator.transport=netty: the emulator's transport is jdk or jetty");
    }

    @Test
    void eachChoiceIsItsServer() {
        assertThat(EmulatorTransport.JDK.transport()).isSameAs(JdkHttpServer.TRANSPORT);
        assertThat(EmulatorTransport.JETTY.transport()).isSameAs(HttpServer.TRANSPORT);
    }
}
