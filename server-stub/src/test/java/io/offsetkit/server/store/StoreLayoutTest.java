package io.offsetkit.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreLayoutTest {

    @TempDir
    Path dir;

    @Test
    void theDirectoryIsAbsoluteAndNormalised() {
        // GIVEN a relative directory with a detour
        StoreLayout layout = StoreLayout.of(Path.of("a", "..", "data"));

        // THEN the layout names it from the root, without the detour
        assertThat(layout.directory()).isEqualTo(Path.of("data").toAbsolutePath());
    }

    @Test
    void everyFileHasItsPlaceInTheDataDirectory() {
        StoreLayout layout = StoreLayout.of(dir);

        assertThat(layout.lockFile()).isEqualTo(dir.resolve(".lock"));
        assertThat(layout.catalogFile()).isEqualTo(dir.resolve("catalog.log"));
        assertThat(layout.queueFile("i-1", "topic_01", "broker-1", 3))
                .isEqualTo(dir.resolve("queues/i-1/topic_01/broker-1/3.log"));
        assertThat(layout.offsetsFile("i-1", "group_01", "topic_01"))
                .isEqualTo(dir.resolve("offsets/i-1/group_01/topic_01.log"));
    }

    @Test
    void namesAreEncodedSoThatCaseAndSpecialCharactersStayApart() {
        StoreLayout layout = StoreLayout.of(dir);

        // WHEN names carry upper case, dots and RocketMQ's % and |
        Path queue = layout.queueFile("I-1", "Topic", "broker.1", 0);
        Path offsets = layout.offsetsFile("i-1", "%RETRY%|g", "T");

        // THEN each becomes one encoded path segment
        assertThat(queue).isEqualTo(dir.resolve("queues/%49-1/%54opic/broker%2E1/0.log"));
        assertThat(offsets).isEqualTo(dir.resolve("offsets/i-1/%25%52%45%54%52%59%25%7Cg/%54.log"));
    }

    @Test
    void noNameLeavesItsDirectory() {
        StoreLayout layout = StoreLayout.of(dir);

        // WHEN every name is a parent-directory reference
        Path queue = layout.queueFile("..", "..", "..", 0);
        Path offsets = layout.offsetsFile("..", "..", "..");

        // THEN the paths still lie under their directories, unchanged by normalisation
        assertThat(queue.normalize()).isEqualTo(queue).startsWithRaw(dir.resolve("queues"));
        assertThat(offsets.normalize()).isEqualTo(offsets).startsWithRaw(dir.resolve("offsets"));
    }

    @Test
    void mappingANameCreatesNothing() {
        Path absent = dir.resolve("absent");
        StoreLayout layout = StoreLayout.of(absent);

        layout.lockFile();
        layout.catalogFile();
        layout.queueFile("i", "t", "b", 0);
        layout.offsetsFile("i", "g", "t");

        assertThat(absent).doesNotExist();
    }
}
