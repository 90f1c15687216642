package io.offsetkit.server.store.index;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExtBrokerInner;
import org.apache.rocketmq.store.DefaultMessageStore;
import org.apache.rocketmq.store.PutMessageResult;
import org.apache.rocketmq.store.config.FlushDiskType;
import org.apache.rocketmq.store.config.MessageStoreConfig;
import org.apache.rocketmq.store.stats.BrokerStatsManager;

/**
 * One queue of a real Apache RocketMQ store ({@link DefaultMessageStore}, on disk) holding {@code
 * messages} messages, and the store timestamps RocketMQ stamped on them, read back from the store.
 *
 * <p>The store is built once per size under {@code target/jmh-rocketmq/<messages>} (tiny bodies,
 * asynchronous flush, 64 MiB commit-log files, RocketMQ's default consume-queue files of 300,000
 * entries) and reused by the later trials of the run: building 10^7 messages takes minutes, and
 * every JMH trial runs in a fresh JVM. The file {@code timestamps.bin} beside the store marks it
 * complete and holds its timestamps, so a trial that only needs the timestamps never opens it.
 */
final class RocketMqQueue {

    static final String TOPIC = "offsetkit-bench";
    static final int QUEUE_ID = 0;

    private static final Path ROOT = Path.of(System.getProperty("rocketmq.bench.dir", "target/jmh-rocketmq"));
    private static final byte[] BODY = "m".getBytes(StandardCharsets.US_ASCII);

    private RocketMqQueue() {}

    /** The store timestamps of the queue of {@code messages} messages, building the store when absent. */
    static long[] timestamps(int messages) {
        Path file = directory(messages).resolve("timestamps.bin");
        if (!Files.exists(file)) {
            build(messages);
        }
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            long[] timestamps = new long[in.readInt()];
            for (int i = 0; i < timestamps.length; i++) {
                timestamps[i] = in.readLong();
            }
            return timestamps;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the (built) store of {@code messages} messages; the caller shuts it down. */
    static DefaultMessageStore open(int messages) {
        timestamps(messages); // builds it when absent
        try {
            DefaultMessageStore store = newStore(directory(messages));
            if (!store.load()) {
                throw new IllegalStateException("RocketMQ's store did not load from " + directory(messages));
            }
            store.start();
            long max = store.getMaxOffsetInQueue(TOPIC, QUEUE_ID);
            if (max != messages) {
                throw new IllegalStateException("the reopened store holds " + max + " messages, not " + messages);
            }
            return store;
        } catch (Exception e) {
            throw new IllegalStateException("RocketMQ's store could not be opened", e);
        }
    }

    private static void build(int messages) {
        Path dir = directory(messages);
        try {
            deleteRecursively(dir);
            Files.createDirectories(dir);
            DefaultMessageStore store = newStore(dir);
            if (!store.load()) {
                throw new IllegalStateException("RocketMQ's store did not load from " + dir);
            }
            store.start();
            long started = System.nanoTime();
            InetSocketAddress host = new InetSocketAddress("127.0.0.1", 10911);
            for (int i = 0; i < messages; i++) {
                MessageExtBrokerInner message = new MessageExtBrokerInner();
                message.setTopic(TOPIC);
                message.setQueueId(QUEUE_ID);
                message.setBody(BODY);
                message.setBornTimestamp(System.currentTimeMillis());
                message.setBornHost(host);
                message.setStoreHost(host);
                MessageAccessor.setProperties(message, new HashMap<>());
                message.setPropertiesString(MessageDecoder.messageProperties2String(message.getProperties()));
                PutMessageResult result = store.putMessage(message);
                if (!result.isOk()) {
                    throw new IllegalStateException("RocketMQ refused message " + i + ": " + result.getPutMessageStatus());
                }
            }
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (store.getMaxOffsetInQueue(TOPIC, QUEUE_ID) < messages || store.dispatchBehindBytes() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("RocketMQ's consume queue did not catch up in 10 minutes");
                }
                Thread.sleep(10);
            }
            double putSeconds = (System.nanoTime() - started) / 1e9;
            long readStarted = System.nanoTime();
            long[] timestamps = new long[messages];
            for (int i = 0; i < messages; i++) {
                timestamps[i] = store.getMessageStoreTimeStamp(TOPIC, QUEUE_ID, i);
                if (timestamps[i] < 0) {
                    throw new IllegalStateException("RocketMQ has no store timestamp for offset " + i);
                }
            }
            double readSeconds = (System.nanoTime() - readStarted) / 1e9;
            store.shutdown();
            System.out.printf(
                    "%n[rocketmq store] built %d messages in %.1f s (%.0f messages/s, async flush), read back their"
                            + " store timestamps in %.1f s; spanning %d ms%n",
                    messages,
                    putSeconds,
                    messages / putSeconds,
                    readSeconds,
                    timestamps[messages - 1] - timestamps[0]);
            Path file = dir.resolve("timestamps.bin");
            Path temp = dir.resolve("timestamps.bin.tmp");
            try (DataOutputStream out =
                    new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(temp)))) {
                out.writeInt(messages);
                for (long timestamp : timestamps) {
                    out.writeLong(timestamp);
                }
            }
            Files.move(temp, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("RocketMQ's store could not be built in " + dir, e);
        }
    }

    private static DefaultMessageStore newStore(Path dir) throws IOException {
        MessageStoreConfig config = new MessageStoreConfig();
        config.setStorePathRootDir(dir.toAbsolutePath().toString());
        config.setStorePathCommitLog(dir.resolve("commitlog").toAbsolutePath().toString());
        config.setMappedFileSizeCommitLog(64 * 1024 * 1024);
        config.setFlushDiskType(FlushDiskType.ASYNC_FLUSH);
        config.setMessageIndexEnable(false);
        config.setMaxHashSlotNum(1024);
        config.setMaxIndexNum(4096);
        config.setDiskMaxUsedSpaceRatio(95);
        BrokerConfig broker = new BrokerConfig();
        return new DefaultMessageStore(
                config,
                new BrokerStatsManager("offsetkit-bench", false),
                (topic, queueId, logicOffset, tagsCode, storeTime, filter, properties) -> {},
                broker,
                new ConcurrentHashMap<>());
    }

    private static Path directory(int messages) {
        return ROOT.resolve(Integer.toString(messages));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
