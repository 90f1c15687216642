package io.offsetkit.server.store.log;

import static io.offsetkit.server.store.log.RecordLogTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.server.testsupport.HeldFsyncs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The slot file (format version 3): one value, overwritten in place, the newest forced one never at risk. */
class SlotFileTest {

    private static final int SIZE = 4 * SlotFile.MIN_SLOT;

    @TempDir
    Path dir;

    private static String read(Path file) throws IOException {
        try (SlotFile slots = SlotFile.open(Storage.disk(), file)) {
            return text(slots.value());
        }
    }

    private static String text(ByteBuffer value) {
        byte[] b = new byte[value.remaining()];
        value.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Where in {@code file} the bytes of {@code value} are, or -1. */
    private static int indexOf(byte[] file, String value) {
        byte[] v = bytes(value);
        for (int i = 0; i + v.length <= file.length; i++) {
            if (Arrays.equals(file, i, i + v.length, v, 0, v.length)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aNewFileHoldsItsValueInFourBlocksAndWritesNeverGrowIt() throws IOException {
        // GIVEN a new file
        Path file = dir.resolve("a/b/x.log");
        try (SlotFile slots = SlotFile.create(Storage.disk(), file, bytes("first"))) {
            assertThat(Files.size(file)).isEqualTo(SIZE);
            assertThat(text(slots.value())).isEqualTo("first");

            // WHEN 1,000 values are written and forced
            for (int i = 0; i < 1_000; i++) {
                slots.write(bytes("value-" + i));
                slots.force();
            }

            // THEN the file keeps its size, and holds the last value
            assertThat(Files.size(file)).isEqualTo(SIZE);
            assertThat(text(slots.value())).isEqualTo("value-999");
        }
        assertThat(Arrays.copyOf(Files.readAllBytes(file), 8)).containsExactly('O', 'K', 'L', 'O', 'G', 0, 0, 3);
        assertThat(SlotFile.formatVersion(Storage.disk(), file)).isEqualTo(3);
        // AND reopened, it holds it too
        assertThat(read(file)).isEqualTo("value-999");
    }

    @Test
    void aWrittenValueNotForcedIsReadBackWhenWholeAndATornOneLeavesTheLastForced() throws IOException {
        // GIVEN a file whose value "forced" is durable, and a later value written but not forced
        Path file = dir.resolve("x.log");
        try (SlotFile slots = SlotFile.create(Storage.disk(), file, bytes("made"))) {
            slots.write(bytes("forced"));
            slots.force();
            slots.write(bytes("in-flight"));
        }
        byte[] all = Files.readAllBytes(file);

        // WHEN the process stops with the later value whole THEN it is the file's value
        assertThat(read(file)).isEqualTo("in-flight");

        // WHEN any one byte of the later value's slot is torn (never written, or garbage)
        int payload = indexOf(all, "in-flight");
        int slotStart = payload - SlotFile.SLOT_HEADER;
        for (int at = slotStart; at < payload + "in-flight".length(); at++) {
            byte[] torn = all.clone();
            torn[at] ^= 0x5a;
            Path copy = dir.resolve("torn" + at + ".log");
            Files.write(copy, torn);

            // THEN the file's value is the last forced one
            assertThat(read(copy)).as("torn at %d", at).isEqualTo("forced");
        }
    }

    @Test
    void writesDuringAForceGoToNeitherTheSlotBeingForcedNorTheDurableOne() throws Exception {
        // GIVEN a file whose durable value is "durable", and a force of "being-forced" held mid-way
        Path file = dir.resolve("offsets/x.log");
        try (SlotFile slots = SlotFile.create(Storage.disk(), file, bytes("made"))) {
            slots.write(bytes("durable"));
            slots.force();
        }
        HeldFsyncs storage = new HeldFsyncs(Storage.disk()); // its first fsync is the one held below
        try (SlotFile slots = SlotFile.open(storage, file)) {
            slots.write(bytes("being-forced"));
            storage.hold();
            CompletableFuture<Void> force = CompletableFuture.runAsync(() -> {
                try {
                    slots.force();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(storage.forceStarted.await(10, TimeUnit.SECONDS)).isTrue();

            // WHEN more values are written meanwhile
            slots.write(bytes("later-1"));
            slots.write(bytes("later-2"));

            // THEN both the durable value and the one being forced are still whole in the file
            byte[] now = Files.readAllBytes(file);
            assertThat(indexOf(now, "durable")).isPositive();
            assertThat(indexOf(now, "being-forced")).isPositive();
            assertThat(indexOf(now, "later-2")).isPositive();

            // AND once the force returns and the next is done, the last write is the value
            storage.release();
            force.get(10, TimeUnit.SECONDS);
            slots.force();
            assertThat(text(slots.value())).isEqualTo("later-2");
        }
        assertThat(read(file)).isEqualTo("later-2");
    }

    @Test
    void aValueTooLargeForTheSlotsMakesTheFileAnewWithLargerOnesDurably() throws IOException {
        // GIVEN a file of the smallest slots
        Path file = dir.resolve("x.log");
        char[] large = new char[3 * SlotFile.MIN_SLOT];
        Arrays.fill(large, 'q');
        String value = new String(large);
        try (SlotFile slots = SlotFile.create(Storage.disk(), file, bytes("small"))) {
            // WHEN a value larger than a slot is written, with no force
            slots.write(bytes(value));

            // THEN the file has slots that hold it, and it is the value, on disk already
            assertThat(slots.slotSize()).isEqualTo(4 * SlotFile.MIN_SLOT);
            assertThat(Files.size(file)).isEqualTo(4L * 4 * SlotFile.MIN_SLOT);
            assertThat(read(file)).isEqualTo(value);

            // AND later writes go on in the larger slots
            slots.write(bytes("small-again"));
            slots.force();
        }
        assertThat(read(file)).isEqualTo("small-again");
    }

    @Test
    void aFileOfAnotherVersionOrWithNoWholeSlotIsRefusedNamingIt() throws IOException {
        // GIVEN a record log (version 1) and a slot file whose every slot is torn
        Path log = dir.resolve("log.log");
        try (RecordLog records = RecordLog.open(log, p -> {})) {
            records.append(bytes("a record"));
        }
        Path torn = dir.resolve("torn.log");
        try (SlotFile slots = SlotFile.create(Storage.disk(), torn, bytes("only"))) {
            assertThat(slots.slotSize()).isEqualTo(SlotFile.MIN_SLOT);
        }
        byte[] all = Files.readAllBytes(torn);
        all[indexOf(all, "only")] ^= 1;
        Files.write(torn, all);

        // WHEN they are opened as slot files THEN each is refused with its name and what is wrong
        assertThat(SlotFile.formatVersion(Storage.disk(), log)).isEqualTo(1);
        assertThatThrownBy(() -> SlotFile.open(Storage.disk(), log))
                .isInstanceOf(CorruptLogException.class)
                .hasMessageContaining(log.toString())
                .hasMessageContaining("format version 1");
        assertThatThrownBy(() -> SlotFile.open(Storage.disk(), torn))
                .isInstanceOf(CorruptLogException.class)
                .hasMessageContaining(torn.toString())
                .hasMessageContaining("no slot holds a whole value");
    }

    @Test
    void inMemoryTheSameFormatIsWrittenAndRead() throws IOException {
        // GIVEN a file in memory
        MemoryStorage memory = new MemoryStorage();
        Path file = Path.of("offsets", "x.log");
        try (SlotFile slots = SlotFile.create(memory, file, bytes("one"))) {
            slots.write(bytes("two"));
            slots.force();
            slots.write(bytes("three"));
        }

        // WHEN it is opened again THEN it holds the last value written
        try (SlotFile slots = SlotFile.open(memory, file)) {
            assertThat(text(slots.value())).isEqualTo("three");
        }
    }
}
