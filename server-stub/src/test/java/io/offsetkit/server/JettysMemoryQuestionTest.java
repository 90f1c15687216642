package io.offsetkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The standalone server's {@code main} answers Jetty's question about references before Jetty loads. */
class JettysMemoryQuestionTest {

    private static final String PROPERTY = OffsetkitServer.REFERENCES_PER_CACHE_LINE;

    @AfterEach
    void leaveTheJvmAsItWas() {
        System.clearProperty(PROPERTY);
    }

    @Test
    void compressedReferencesUnderA32GibHeapAreSixteenToACacheLine() {
        // GIVEN no value given (this test JVM's heap is far under 32 GiB)
        System.clearProperty(PROPERTY);

        // WHEN main's first step runs
        OffsetkitServer.answerJettysMemoryQuestion();

        // THEN Jetty reads 16 and asks no management server
        assertThat(System.getProperty(PROPERTY)).isEqualTo("16");
    }

    @Test
    void aValueGivenOnTheCommandLineStays() {
        // GIVEN -Dorg.eclipse.jetty.util.referencesPerCacheLine=8
        System.setProperty(PROPERTY, "8");

        // WHEN main's first step runs
        OffsetkitServer.answerJettysMemoryQuestion();

        // THEN the value given stays
        assertThat(System.getProperty(PROPERTY)).isEqualTo("8");
    }
}
