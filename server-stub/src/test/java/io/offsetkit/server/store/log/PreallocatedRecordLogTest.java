package io.offsetkit.server.store.log;

import static io.offsetkit.server.store.log.RecordLogTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preallocated record log (format version 2): zeros after the last record are its end, never data. */
class PreallocatedRecordLogTest {

    private static final int CAPACITY = 4096;

    @TempDir
    Path dir;

    private List<String> replay(Path file) throws IOException {
        List<String> records = new ArrayList<>();
        try (RecordLog log = RecordLog.openPreallocated(
                Storage.disk(),
                file,
                payload -> {
                    byte[] b = new byte[payload.remaining()];
                    payload.get(b);
                    records.add(new String(b, StandardCharsets.UTF_8));
                },
                CAPACITY)) {
            return records;
        }
    }

    @Test
    void aNewLogIsMadeWholeWithZerosAndItsRecordsOverwriteThemWithoutGrowingIt() throws IOException {
        // GIVEN a new preallocated log
        Path file = dir.resolve("a/x.log");
        try (RecordLog log = RecordLog.openPreallocated(Storage.disk(), file, p -> {}, CAPACITY)) {
            assertThat(log.preallocated()).isTrue();
            assertThat(Files.size(file)).isEqualTo(CAPACITY);
            // WHEN records are appended
            log.append(bytes("one"));
            log.append(bytes(""));
            log.append(bytes("three"));
            // THEN the file keeps its size, and the log knows where its records end
            assertThat(Files.size(file)).isEqualTo(CAPACITY);
            assertThat(log.size()).isEqualTo(8 + 3 * 8 + 3 + 5);
        }
        byte[] header = Arrays.copyOf(Files.readAllBytes(file), 8);
        assertThat(header).containsExactly('O', 'K', 'L', 'O', 'G', 0, 0, 2);

        // AND reopened, it replays exactly its records: the zeros after them are its end, and stay
        assertThat(replay(file)).containsExactly("one", "", "three");
        assertThat(Files.size(file)).isEqualTo(CAPACITY);
    }

    @Test
    void aTornLastRecordIsDroppedWhereverTheCrashCutItAndItsBytesAreZeroed() throws IOException {
        // GIVEN a log of two records, and each state a crash during the second append can leave in a
        // preallocated file: the record written up to any byte, the rest still zeros
        Path whole = dir.resolve("whole.log");
        long afterFirst;
        long afterSecond;
        try (RecordLog log = RecordLog.openPreallocated(Storage.disk(), whole, p -> {}, CAPACITY)) {
            log.append(bytes("kept"));
            afterFirst = log.size();
            log.append(bytes("torn-away"));
            afterSecond = log.size();
        }
        byte[] all = Files.readAllBytes(whole);

        for (int cut = (int) afterFirst; cut < afterSecond; cut++) {
            byte[] torn = all.clone();
            Arrays.fill(torn, cut, (int) afterSecond, (byte) 0);
            Path file = dir.resolve("cut" + cut + ".log");
            Files.write(file, torn);

            // WHEN it is opened, and a new record appended after the recovery
            List<String> records = replay(file);
            try (RecordLog log = RecordLog.openPreallocated(Storage.disk(), file, p -> {}, CAPACITY)) {
                log.append(bytes("x"));
            }

            // THEN the whole first record is there, the torn one is gone, and nothing of it follows the new one
            assertThat(records).as("cut at %d", cut).containsExactly("kept");
            assertThat(replay(file)).as("cut at %d", cut).containsExactly("kept", "x");
            byte[] after = Files.readAllBytes(file);
            assertThat(Arrays.copyOfRange(after, (int) afterFirst + 9, CAPACITY))
                    .as("cut at %d", cut)
                    .containsOnly(0);
        }
    }

    @Test
    void aRecordWithTheLaterSectorWrittenAndTheFirstNotIsDroppedAndZeroed() throws IOException {
        // GIVEN a record whose header never reached the disk but whose payload did (writes reordered)
        Path file = dir.resolve("x.log");
        long afterFirst;
        try (RecordLog log = RecordLog.openPreallocated(Storage.disk(), file, p -> {}, CAPACITY)) {
            log.append(bytes("kept"));
            afterFirst = log.size();
            log.append(bytes("payload-only"));
        }
        byte[] bytes = Files.readAllBytes(file);
        Arrays.fill(bytes, (int) afterFirst, (int) afterFirst + 8, (byte) 0);
        Files.write(file, bytes);

        // WHEN it is opened THEN the payload is not a record, and is zeroed
        assertThat(replay(file)).containsExactly("kept");
        assertThat(Arrays.copyOfRange(Files.readAllBytes(file), (int) afterFirst, CAPACITY))
                .containsOnly(0);
    }

    @Test
    void recordsPastTheCapacityGrowTheFileAndAreReadBack() throws IOException {
        Path file = dir.resolve("x.log");
        byte[] big = new byte[3000];
        Arrays.fill(big, (byte) 'b');
        try (RecordLog log = RecordLog.openPreallocated(Storage.disk(), file, p -> {}, CAPACITY)) {
            log.append(big);
            log.append(big);
        }

        assertThat(Files.size(file)).isEqualTo(8 + 2 * (8 + 3000));
        assertThat(replay(file)).hasSize(2).allMatch(r -> r.length() == 3000);
    }

    @Test
    void aRewriteIntoASpareMadeAheadKeepsThePreallocatedFormatAndLeavesNoSpareBehind() throws IOException {
        Path file = dir.resolve("x.log");
        try (RecordLog log = RecordLog.openPreallocated(Storage.disk(), file, p -> {}, CAPACITY)) {
            log.append(bytes("old-1"));
            log.append(bytes("old-2"));

            // WHEN a spare twice the size is made, and the log rewritten into it
            log.prepareSpare(2 * CAPACITY);
            assertThat(dir.resolve("x.log" + Storage.TEMP_SUFFIX)).hasSize(2 * CAPACITY);
            log.rewrite(List.of(bytes("new")));
            log.append(bytes("after"));

            // THEN the file is the spare, preallocated, and the spare's name is free again
            assertThat(log.capacity()).isEqualTo(2 * CAPACITY);
            assertThat(Files.size(file)).isEqualTo(2 * CAPACITY);
            assertThat(dir.resolve("x.log" + Storage.TEMP_SUFFIX)).doesNotExist();
        }
        assertThat(replay(file)).containsExactly("new", "after");
    }

    @Test
    void aSpareNoRewriteUsedIsDeletedAtClose() throws IOException {
        Path file = dir.resolve("x.log");
        try (RecordLog log = RecordLog.openPreallocated(Storage.disk(), file, p -> {}, CAPACITY)) {
            log.append(bytes("one"));
            log.prepareSpare(CAPACITY);
        }

        assertThat(dir.resolve("x.log" + Storage.TEMP_SUFFIX)).doesNotExist();
        assertThat(replay(file)).containsExactly("one");
    }

    @Test
    void aVersionOneLogIsReadByEitherOpenAndGrowsAsBefore() throws IOException {
        // GIVEN a log an earlier build wrote (format version 1, grown by appends)
        Path file = dir.resolve("x.log");
        try (RecordLog log = RecordLog.open(file, p -> {})) {
            log.append(bytes("one"));
        }
        assertThat(Arrays.copyOf(Files.readAllBytes(file), 8)).containsExactly('O', 'K', 'L', 'O', 'G', 0, 0, 1);

        // WHEN it is opened as a preallocated log THEN its records are read, and it says it is not one
        try (RecordLog log = RecordLog.openPreallocated(Storage.disk(), file, p -> {}, CAPACITY)) {
            assertThat(log.preallocated()).isFalse();
            log.append(bytes("two"));
        }
        assertThat(replay(file)).containsExactly("one", "two");
        assertThat(Files.size(file)).isEqualTo(8 + 2 * (8 + 3));
    }

    @Test
    void aLogOfAnUnknownVersionIsRefusedNamingItsVersion() throws IOException {
        Path file = dir.resolve("x.log");
        Files.write(
                file,
                ByteBuffer.allocate(64)
                        .put(new byte[] {'O', 'K', 'L', 'O', 'G', 0, 0, 3})
                        .array());

        assertThatThrownBy(() -> replay(file))
                .isInstanceOf(CorruptLogException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("format version 3")
                .hasMessageContaining("reads versions 1 and 2");
        assertThat(Files.size(file)).isEqualTo(64);
    }
}
