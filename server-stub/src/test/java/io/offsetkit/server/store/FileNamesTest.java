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
}
