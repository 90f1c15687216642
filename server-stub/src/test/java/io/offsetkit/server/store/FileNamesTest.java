package io.offsetkit.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void namesThatDifferOnlyInCaseGetDifferentFileNames() {
        assertThat(FileNames.encode("topic_01")).isEqualTo("topic_01");
        assertThat(FileNames.encode("Topic_01")).isEqualTo("%54opic_01");
        assertThat(FileNames.encode("TOPIC_01")).isNotEqualToIgnoringCase(FileNames.encode("topic_01"));
    }

    @Test
    void rocketMqSpecialCharactersAndDotsNeverReachTheFileSystem() {
        assertThat(FileNames.encode("%RETRY%|a")).isEqualTo("%25%52%45%54%52%59%25%7Ca");
        assertThat(FileNames.encode("..")).isEqualTo("%2E%2E");
        assertThat(FileNames.encode("broker.1")).isEqualTo("broker%2E1");
    }

    @Test
    void theLongestNamesOfUpperCaseLettersStillFitAFileName() {
        // GIVEN a topic at the contract's longest (127), mostly upper case: 381 bytes encoded as is
        String topic = "offsetkit_ck_" + "A".repeat(114);
        String other = "offsetkit_ck_" + "A".repeat(113) + "B";

        // WHEN they are encoded
        String encoded = FileNames.encode(topic);

        // THEN each fits the file systems' 255 bytes, and two names that share their beginning still differ
        assertThat(encoded.length()).isLessThanOrEqualTo(148);
        assertThat(encoded).startsWith("offsetkit_ck_%41%41").contains("~");
        assertThat(FileNames.encode(other)).isNotEqualTo(encoded).hasSameSizeAs(encoded);
        assertThat(FileNames.encode("%".repeat(120)))
                .hasSizeLessThanOrEqualTo(148)
                .doesNotContain("%~");
    }

    @Test
    void namesWhoseEncodingFitsAreKeptWhole() {
        String name = "t".repeat(127);

        assertThat(FileNames.encode(name)).isEqualTo(name);
    }
}
