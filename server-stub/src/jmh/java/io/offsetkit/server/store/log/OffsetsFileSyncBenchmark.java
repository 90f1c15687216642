package io.offsetkit.server.store.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor of one durable commit of the offsets file, on the disk of the data directory: one record
 * of a reset's size (16 queues, 400 bytes) written at the end of the log and made durable, in the
 * ways the log could do it, in one run so that their ratios mean something on a shared machine:
 *
 * <ul>
 *   <li>{@code append}: {@code pwrite} past the end, then {@code fdatasync} ({@code force(false)}):
 *       the file grows, so the fsync must also commit its new size (a journal commit);
 *   <li>{@code overwrite}: the same inside a region that was written with zeros and forced before
 *       (a pre-zeroed file): only the data block and the device's flush;
 *   <li>{@code fallocated}: the same inside a region reserved by {@code fallocate} but never written
 *       (unwritten extents: the write converts them, metadata again);
 *   <li>{@code dsyncAppend} and {@code dsyncOverwrite}: the file opened {@code O_DSYNC}, the
 *       {@code pwrite} durable when it returns, no separate fsync.
 * </ul>
 *
 * The directory is {@code -Doffsetkit.bench.dir} (default: the working directory's {@code
 * target/sync-bench}); it must be on the disk the server's data directory would be on.
 *
 * <pre>
 * ./mvnw -B -pl server-stub -Pbenchmarks -DskipTests test-compile exec:exec@run-benchmarks \
 *   -Djmh.args=OffsetsFileSyncBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 3)
public class OffsetsFileSyncBenchmark {

    /** How the commit is made durable; see the class comment. */
    @Param({"append", "overwrite", "fallocated", "dsyncAppend", "dsyncOverwrite"})
    String mode;

    private static final int RECORD = 400;
    private static final long REGION = 64L * 1024 * 1024;

    private Path directory;
    private FileChannel channel;
    private final ByteBuffer record = ByteBuffer.allocateDirect(RECORD);
    private long position;

    @Setup(Level.Iteration)
    public void open() throws IOException {
        directory = Files.createDirectories(Path.of(System.getProperty("offsetkit.bench.dir", "target/sync-bench")));
        Path file = Files.createTempFile(directory, "offsets", ".log");
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.READ, StandardOpenOption.WRITE);
        if (mode.startsWith("dsync")) {
            options.add(StandardOpenOption.DSYNC);
        }
        if (mode.endsWith("verwrite")) { // overwrite, dsyncOverwrite: written with zeros and forced first
            try (FileChannel zeros = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ByteBuffer block = ByteBuffer.allocateDirect(1 << 20);
                for (long at = 0; at < REGION; at += block.capacity()) {
                    zeros.write(block.clear(), at);
                }
                zeros.force(true);
            }
        } else if (mode.equals("fallocated")) {
            // RandomAccessFile.setLength only sets the size (a hole); fallocate is what the JDK does not
            // offer, so reserve with the posix tool when present and fall back to a hole.
            try {
                new ProcessBuilder("fallocate", "-l", Long.toString(REGION), file.toString())
                        .inheritIO()
                        .start()
                        .waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try (FileChannel sync = FileChannel.open(file, StandardOpenOption.WRITE)) {
                sync.force(true);
            }
        }
        channel = FileChannel.open(file, options);
        position = 0;
        for (int i = 0; i < RECORD; i++) {
            record.put(i, (byte) i);
        }
    }

    @Benchmark
    public long commit() throws IOException {
        if (position + RECORD > REGION) {
            position = 0; // a 3 s iteration at 0.1 ms a commit writes some 12 MB: never reached in practice
        }
        position += channel.write(record.clear(), position);
        if (!mode.startsWith("dsync")) {
            channel.force(false);
        }
        return position;
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        channel.close();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
