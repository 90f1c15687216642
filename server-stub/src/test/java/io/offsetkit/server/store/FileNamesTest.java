package io.offsetkit.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void namesThatDifferOnlyInCaseGetDifferentFileNames() {
        assertThat(FileNames.directory("topic_01")).isEqualTo("topic_01");
        assertThat(FileNames.directory("Topic_01")).isEqualTo("%54opic_01");
        assertThat(FileNames.directory("TOPIC_01")).isNotEqualToIgnoringCase(FileNames.directory("topic_01"));
    }

    @Test
    void rocketMqSpecialCharactersAndDotsNeverReachTheFileSystem() {
        assertThat(FileNames.directory("%RETRY%|a")).isEqualTo("%25%52%45%54%52%59%25%7Ca");
        assertThat(FileNames.directory("..")).isEqualTo("%2E%2E");
        assertThat(FileNames.directory("broker.1")).isEqualTo("broker%2E1");
    }

    @Test
    void theLongestNamesOfUpperCaseLettersStillFitAFileName() {
        // GIVEN a topic at the contract's longest (127), mostly upper case: 381 bytes encoded as is
        String topic = "offsetkit_ck_" + "A".repeat(114);
        String other = "offsetkit_ck_" + "A".repeat(113) + "B";

        // WHEN they are encoded
        String encoded = FileNames.directory(topic);

        // THEN each fits the file systems' 255 bytes, and two names that share their beginning still differ
        assertThat(encoded.length()).isLessThanOrEqualTo(148);
        assertThat(encoded).startsWith("offsetkit_ck_%41%41").contains("~");
        assertThat(FileNames.directory(other)).isNotEqualTo(encoded).hasSameSizeAs(encoded);
        assertThat(FileNames.directory("%".repeat(120)))
                .hasSizeLessThanOrEqualTo(148)
                .doesNotContain("%~");
    }

    @Test
    void namesWhoseEncodingFitsAreKeptWhole() {
        String name = "t".repeat(127);

        assertThat(FileNames.directory(name)).isEqualTo(name);
    }

    @Test
    void theLongestDirectoryNameKeptWholeFillsAFileNameAndOneCharacterMoreIsHashed() {
        // GIVEN a group whose encoding is 255 characters (85 upper-case letters), and one a letter longer
        String longest = "A".repeat(85);
        String longer = longest + "b";

        // WHEN they are encoded as directories
        String whole = FileNames.directory(longest);
        String hashed = FileNames.directory(longer);

        // THEN the first is its plain encoding, as it was always stored; the second is cut and hashed
        assertThat(whole).isEqualTo("%41".repeat(85)).hasSize(255);
        assertThat(hashed).contains("~").hasSize(FileNames.KEPT + 1 + 32);
    }

    @Test
    void theLongestLogFileNameKeptWholeFitsWithTheAtomicWritesSuffixAndOneCharacterMoreIsHashed() {
        // GIVEN a topic whose encoding is 247 characters, and one a letter longer
        String longest = "A".repeat(82) + "b";
        String longer = longest + "c";

        // WHEN they are encoded as log files
        String whole = FileNames.logFile(longest);
        String hashed = FileNames.logFile(longer);

        // THEN the first is its plain encoding (as stored before long names were hashed), filling 255
        // bytes with the temporary file's ".tmp"; the second is hashed, and fits too
        assertThat(whole).isEqualTo("%41".repeat(82) + "b.log");
        assertThat((whole + ".tmp").getBytes(StandardCharsets.UTF_8)).hasSize(255);
        assertThat(hashed).contains("~").endsWith(".log");
        assertThat((hashed + ".tmp").getBytes(StandardCharsets.UTF_8)).hasSizeLessThan(255);
        assertThat(FileNames.logFile("%".repeat(120)) + ".tmp").hasSizeLessThanOrEqualTo(155);
    }
}
