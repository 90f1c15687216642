package io.offsetkit.server.store.log;

import static io.offsetkit.server.store.log.RecordLogTest.bytes;
import static io.offsetkit.server.store.log.RecordLogTest.replay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record log of format version 2, which earlier builds wrote for a group's offsets (preallocated:
 * zeros after the last record are its end, never data): this build reads it, recovers a torn record in
 * it, and can append to it. The files are made here byte by byte, as those builds laid them out.
 */
class VersionTwoRecordLogTest {

    private static final int CAPACITY = 4096;

    @TempDir
    Path dir;

    /** A version 2 file of {@code records}, zeros up to {@link #CAPACITY} bytes. */
    private static byte[] versionTwo(String... records) {
        ByteBuffer file = ByteBuffer.allocate(CAPACITY).put(new byte[] {'O', 'K', 'L', 'O', 'G', 0, 0, 2});
        for (String record : records) {
            byte[] payload = bytes(record);
            CRC32C crc = new CRC32C();
            crc.update(ByteBuffer.allocate(4).putInt(0, payload.length));
            crc.update(payload);
            file.putInt(payload.length).putInt((int) crc.getValue()).put(payload);
        }
        return file.array();
    }

    @Test
    void itsRecordsAreReadUpToTheZerosAndAnAppendOverwritesThemWithoutGrowingTheFile() throws IOException {
        // GIVEN a version 2 file of three records
        Path file = dir.resolve("x.log");
        Files.write(file, versionTwo("one", "", "three"));

        // WHEN it is read THEN exactly its records come back, and the zeros after them stay
        assertThat(replay(file)).containsExactly("one", "", "three");
        assertThat(Files.size(file)).isEqualTo(CAPACITY);

        // WHEN a record is appended THEN it overwrites zeros: the file keeps its size and reads it back
        try (RecordLog log = RecordLog.open(file, p -> {})) {
            assertThat(log.size()).isEqualTo(8 + 3 * 8 + 3 + 5);
            log.append(bytes("four"));
        }
        assertThat(Files.size(file)).isEqualTo(CAPACITY);
        assertThat(replay(file)).containsExactly("one", "", "three", "four");
    }

    @Test
    void aTornLastRecordIsDroppedWhereverTheCrashCutItAndItsBytesAreZeroed() throws IOException {
        // GIVEN a file of two records, and each state a crash during the second append could leave in a
        // preallocated file: the record written up to any byte, the rest still zeros
        byte[] all = versionTwo("kept", "torn-away");
        int afterFirst = 8 + 8 + 4;
        int afterSecond = afterFirst + 8 + 9;

        for (int cut = afterFirst; cut < afterSecond; cut++) {
            byte[] torn = all.clone();
            Arrays.fill(torn, cut, afterSecond, (byte) 0);
            Path file = dir.resolve("cut" + cut + ".log");
            Files.write(file, torn);

            // WHEN it is opened, and a new record appended after the recovery
            List<String> records = replay(file);
            try (RecordLog log = RecordLog.open(file, p -> {})) {
                log.append(bytes("x"));
            }

            // THEN the whole first record is there, the torn one is gone, and nothing of it follows the new one
            assertThat(records).as("cut at %d", cut).containsExactly("kept");
            assertThat(replay(file)).as("cut at %d", cut).containsExactly("kept", "x");
            byte[] after = Files.readAllBytes(file);
            assertThat(Arrays.copyOfRange(after, afterFirst + 9, CAPACITY))
                    .as("cut at %d", cut)
                    .containsOnly(0);
        }
    }

    @Test
    void aRecordWithTheLaterSectorWrittenAndTheFirstNotIsDroppedAndZeroed() throws IOException {
        // GIVEN a record whose header never reached the disk but whose payload did (writes reordered)
        Path file = dir.resolve("x.log");
        byte[] bytes = versionTwo("kept", "payload-only");
        int afterFirst = 8 + 8 + 4;
        Arrays.fill(bytes, afterFirst, afterFirst + 8, (byte) 0);
        Files.write(file, bytes);

        // WHEN it is opened THEN the payload is not a record, and is zeroed
        assertThat(replay(file)).containsExactly("kept");
        assertThat(Arrays.copyOfRange(Files.readAllBytes(file), afterFirst, CAPACITY))
                .containsOnly(0);
    }

    @Test
    void aLogOfAnUnknownVersionIsRefusedNamingItsVersion() throws IOException {
        Path file = dir.resolve("x.log");
        Files.write(
                file,
                ByteBuffer.allocate(64)
                        .put(new byte[] {'O', 'K', 'L', 'O', 'G', 0, 0, 7})
                        .array());

        assertThatThrownBy(() -> replay(file))
                .isInstanceOf(CorruptLogException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("format version 7")
                .hasMessageContaining("reads versions 1 and 2");
        assertThat(Files.size(file)).isEqualTo(64);
    }
}
