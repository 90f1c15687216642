package io.offsetkit.server.store;

import io.offsetkit.server.backend.QueueOffset;
import io.offsetkit.server.store.log.RecordLog;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committed offsets of one consumer group on one topic, in a {@link RecordLog}: each commit is
 * one record holding every queue it sets, so a crash leaves all of a reset's offsets or none of them.
 * The file is created by the first commit. At open the records replay in order, the last value of each queue winning. When the file passes
 * {@value #COMPACT_AT_BYTES} bytes it is rewritten atomically as one record of the current values.
 *
 * <p>Record payload: {@code int count, count x (short brokerLength, UTF-8 broker, int queueId, long
 * offset)}.
 *
 * <p>Thread-safe; a caller that must read and commit as one step (a reset) holds this object's
 * monitor, which is what serialises resets of the same group and topic.
 */
final class GroupOffsets implements Closeable {

    static final int COMPACT_AT_BYTES = 1024 * 1024;

    private final Path file;
    private RecordLog log; // null until the first commit when the file does not exist yet
    private final Map<QueueKey, Long> offsets;
    private final long compactAtBytes;

    private GroupOffsets(Path file, RecordLog log, Map<QueueKey, Long> offsets, long compactAtBytes) {
        this.file = file;
        this.log = log;
        this.offsets = offsets;
        this.compactAtBytes = compactAtBytes;
    }

    static GroupOffsets open(Path file) throws IOException {
        return open(file, COMPACT_AT_BYTES);
    }

    /** Opens with another compaction threshold (tests). */
    static GroupOffsets open(Path file, long compactAtBytes) throws IOException {
        Map<QueueKey, Long> offsets = new TreeMap<>();
        if (!Files.exists(file)) { // a read must not create files: the first commit does
            return new GroupOffsets(file, null, offsets, compactAtBytes);
        }
        RecordLog log = RecordLog.open(file, payload -> {
            for (QueueOffset offset : decode(payload)) {
                offsets.put(new QueueKey(offset.brokerName(), offset.queueId()), offset.offset());
            }
        });
        return new GroupOffsets(file, log, offsets, compactAtBytes);
    }

    /** Commits new offsets, durably, before returning. */
    synchronized void commit(List<QueueOffset> committed) throws IOException {
        if (log == null) {
            log = RecordLog.open(file, payload -> {});
        }
        if (log.size() > compactAtBytes) {
            Map<QueueKey, Long> merged = new TreeMap<>(offsets);
            committed.forEach(o -> merged.put(new QueueKey(o.brokerName(), o.queueId()), o.offset()));
            List<QueueOffset> all = new ArrayList<>();
            merged.forEach((key, offset) -> all.add(new QueueOffset(key.broker(), key.queueId(), offset)));
            log.rewrite(List.of(encode(all)));
        } else {
            log.append(encode(committed));
        }
        committed.forEach(o -> offsets.put(new QueueKey(o.brokerName(), o.queueId()), o.offset()));
    }

    /** The committed offset of a queue, or {@code null} when the group never committed one. */
    synchronized Long offset(String broker, int queueId) {
        return offsets.get(new QueueKey(broker, queueId));
    }

    @Override
    public synchronized void close() throws IOException {
        if (log != null) {
            log.close();
        }
    }

    private static byte[] encode(List<QueueOffset> offsets) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 32 * offsets.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(offsets.size());
            for (QueueOffset offset : offsets) {
                byte[] broker = offset.brokerName().getBytes(StandardCharsets.UTF_8);
                out.writeShort(broker.length);
                out.write(broker);
                out.writeInt(offset.queueId());
                out.writeLong(offset.offset());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static List<QueueOffset> decode(ByteBuffer payload) {
        int count = payload.getInt();
        List<QueueOffset> offsets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] broker = new byte[payload.getShort() & 0xffff];
            payload.get(broker);
            offsets.add(
                    new QueueOffset(new String(broker, StandardCharsets.UTF_8), payload.getInt(), payload.getLong()));
        }
        return offsets;
    }

    private record QueueKey(String broker, int queueId) implements Comparable<QueueKey> {
        @Override
        public int compareTo(QueueKey other) {
            int byBroker = broker.compareTo(other.broker);
            return byBroker != 0 ? byBroker : Integer.compare(queueId, other.queueId);
        }
    }
}
