package io.offsetkit.server.store.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryStorageTest {

    private final MemoryStorage storage = new MemoryStorage();
    private final Path file = Path.of("data", "queues", "q.log");

    @Test
    void aFileWrittenAtomicallyIsReadBackAndGrowsWhereWritten() throws IOException {
        // GIVEN a file of three bytes
        storage.writeAtomically(file, ByteBuffer.wrap(new byte[] {1, 2, 3}));

        // WHEN it is opened and written past its end
        try (Storage.LogFile open = storage.open(file)) {
            open.write(ByteBuffer.wrap(new byte[] {9, 9}), 5);

            // THEN it holds the old bytes, a gap of zeros and the new bytes
            ByteBuffer read = ByteBuffer.allocate(10);
            assertThat(open.read(read, 0)).isEqualTo(7);
            assertThat(read.flip().array()).startsWith(1, 2, 3, 0, 0, 9, 9);
            assertThat(open.size()).isEqualTo(7);
            assertThat(open.read(ByteBuffer.allocate(1), 7)).isEqualTo(-1);
        }
    }

    @Test
    void truncateCutsTheFileAndAClosedFileRefusesEverything() throws IOException {
        storage.writeAtomically(file, ByteBuffer.wrap(new byte[] {1, 2, 3, 4}));
        Storage.LogFile open = storage.open(file);

        open.truncate(2);
        assertThat(open.size()).isEqualTo(2);

        open.close();
        assertThatThrownBy(() -> open.write(ByteBuffer.allocate(1), 0)).isInstanceOf(ClosedChannelException.class);
    }

    @Test
    void aMissingFileDoesNotExistAndCannotBeOpened() {
        assertThat(storage.exists(file)).isFalse();
        assertThatThrownBy(() -> storage.open(file)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aCopyHoldsTheSameFilesAndThenGoesItsOwnWay() throws IOException {
        // GIVEN a record log with one record, and a copy of the storage
        try (RecordLog log = RecordLog.open(storage, file, payload -> {})) {
            log.append("before".getBytes(StandardCharsets.UTF_8));
        }
        MemoryStorage copy = storage.copy();

        // WHEN the original gets another record
        try (RecordLog log = RecordLog.open(storage, file, payload -> {})) {
            log.append("after".getBytes(StandardCharsets.UTF_8));
        }

        // THEN the copy replays the first record only, the original both
        assertThat(records(copy)).containsExactly("before");
        assertThat(records(storage)).containsExactly("before", "after");
    }

    @Test
    void aTornRecordInMemoryIsDroppedAtOpenAsOnDisk() throws IOException {
        // GIVEN a log whose last record was cut (its length says more than the file holds)
        try (RecordLog log = RecordLog.open(storage, file, payload -> {})) {
            log.append("whole".getBytes(StandardCharsets.UTF_8));
        }
        long whole;
        try (Storage.LogFile open = storage.open(file)) {
            whole = open.size();
            open.write(ByteBuffer.allocate(8).putInt(0, 100), whole);
        }

        // WHEN it is opened, THEN the whole record replays and the torn one is gone
        assertThat(records(storage)).containsExactly("whole");
        try (Storage.LogFile open = storage.open(file)) {
            assertThat(open.size()).isEqualTo(whole);
        }
    }

    @Test
    void aLockIsHeldOnceUntilReleased() throws IOException {
        Path lock = Path.of("data", ".lock");

        Closeable first = storage.tryLock(lock);
        assertThat(first).isNotNull();
        assertThat(storage.tryLock(lock)).isNull();

        first.close();
        assertThat(storage.tryLock(lock)).isNotNull();
    }

    private List<String> records(MemoryStorage from) throws IOException {
        List<String> records = new ArrayList<>();
        try (RecordLog log = RecordLog.open(from, file, payload -> {
            byte[] bytes = new byte[payload.remaining()];
            payload.get(bytes);
            records.add(new String(bytes, StandardCharsets.UTF_8));
        })) {
            return records;
        }
    }
}
