package io.offsetkit.server.store.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordLogTest {

    @TempDir
    Path dir;

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> replay(Path file) throws IOException {
        List<String> records = new ArrayList<>();
        try (RecordLog log = RecordLog.open(file, payload -> {
            byte[] b = new byte[payload.remaining()];
            payload.get(b);
            records.add(new String(b, StandardCharsets.UTF_8));
        })) {
            return records;
        }
    }

    @Test
    void reopenedLogReplaysEveryRecordInOrder() throws IOException {
        Path file = dir.resolve("a/b/x.log");
        try (RecordLog log = RecordLog.open(file, p -> {})) {
            log.append(bytes("one"));
            log.append(bytes(""));
            log.append(bytes("three"));
        }

        assertThat(replay(file)).containsExactly("one", "", "three");
    }

    @Test
    void aTornLastRecordIsDroppedWhereverTheCrashCutIt() throws IOException {
        // GIVEN a log of two records, and every prefix of it that a crash during the second append can leave
        Path whole = dir.resolve("whole.log");
        long afterFirst;
        try (RecordLog log = RecordLog.open(whole, p -> {})) {
            log.append(bytes("kept"));
            afterFirst = log.size();
            log.append(bytes("torn-away"));
        }
        byte[] all = Files.readAllBytes(whole);

        for (int cut = (int) afterFirst; cut < all.length; cut++) {
            Path file = dir.resolve("cut" + cut + ".log");
            Files.write(file, java.util.Arrays.copyOf(all, cut));

            // WHEN it is opened
            List<String> records = replay(file);

            // THEN the whole first record is there, the torn one is gone and the file is cut back
            assertThat(records).as("cut at %d", cut).containsExactly("kept");
            assertThat(Files.size(file)).isEqualTo(afterFirst);
        }
    }

    @Test
    void aRecordWithABadChecksumOrZerosAfterTheEndAreDropped() throws IOException {
        Path file = dir.resolve("x.log");
        long afterFirst;
        try (RecordLog log = RecordLog.open(file, p -> {})) {
            log.append(bytes("kept"));
            afterFirst = log.size();
            log.append(bytes("flipped"));
        }
        // a flipped payload byte, as a partly written sector would leave
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {'F'}), afterFirst + 8);
        }
        assertThat(replay(file)).containsExactly("kept");

        // zeros past the end, as a file system that grew the file before writing its data leaves
        Files.write(file, new byte[64], StandardOpenOption.APPEND);
        assertThat(replay(file)).containsExactly("kept");
        assertThat(Files.size(file)).isEqualTo(afterFirst);
    }

    @Test
    void appendsAfterARecoveryFollowTheLastWholeRecord() throws IOException {
        Path file = dir.resolve("x.log");
        try (RecordLog log = RecordLog.open(file, p -> {})) {
            log.append(bytes("one"));
        }
        Files.write(file, new byte[] {0, 0, 0, 9, 1, 2}, StandardOpenOption.APPEND);

        try (RecordLog log = RecordLog.open(file, p -> {})) {
            log.append(bytes("two"));
        }

        assertThat(replay(file)).containsExactly("one", "two");
    }

    @Test
    void aTemporaryFileLeftBesideTheLogIsIgnoredAndDeleted() throws IOException {
        // GIVEN a log of two records
        Path file = dir.resolve("x.log");
        try (RecordLog log = RecordLog.open(file, p -> {})) {
            log.append(bytes("old-1"));
            log.append(bytes("old-2"));
        }
        // AND the temporary file a crash during an atomic write leaves beside it
        Files.write(dir.resolve("x.log.tmp"), bytes("half a rewrite"));

        // WHEN it is opened THEN its records are read, and the temporary file is gone
        assertThat(replay(file)).containsExactly("old-1", "old-2");
        assertThat(dir.resolve("x.log.tmp")).doesNotExist();
    }

    @Test
    void aFileOfAnotherFormatIsRefusedNotTruncated() throws IOException {
        Path file = dir.resolve("x.log");
        Files.write(file, bytes("not a log at all"));

        assertThatThrownBy(() -> replay(file))
                .isInstanceOf(CorruptLogException.class)
                .hasMessageContaining(file.toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes("not a log at all"));
    }
}
