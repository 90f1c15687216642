package io.offsetkit.server;

import io.offsetkit.server.emulator.OffsetkitEmulator;
import io.offsetkit.server.fault.FaultSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
 * The emulator's {@code reset()} between two tests, after a test that set faults on demand and whose
 * calls got some, beside the same reset after a test that set none, in the same run: {@code faults}
 * is how many were set (each of the kinds, on the reset and the reads), and the test's documented
 * reset got the first of them (so the fault journal has an entry too). The target: at most 5 ms.
 *
 * <pre>
 * ./mvnw -B -pl server-stub -Pbenchmarks -DskipTests test-compile exec:exec@run-emulator-benchmarks \
 *   -Djmh.emulator.args=FaultsBenchmark
 * </pre>
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FaultsBenchmark {

    /** How many faults the test before the reset set: none (the baseline), 1, or 100 (the most). */
    @Param({"0", "1", "100"})
    int faults;

    OffsetkitEmulator emulator;
    InProcessStartBenchmark.ExampleClient client;

    @Setup(Level.Trial)
    public void start() {
        emulator = new OffsetkitEmulator().start();
        client = new InProcessStartBenchmark.ExampleClient(InProcessStartBenchmark.EXAMPLE_PATH, InProcessStartBenchmark.EXAMPLE_BODY);
    }

    /** What a test did: set its faults, and sent the documented reset, which got the first of them. */
    @Setup(Level.Invocation)
    public void aTestRan() throws IOException {
        for (int i = 0; i < faults; i++) {
            emulator.faults().set(fault(i));
        }
        try {
            client.post(emulator.port());
        } catch (IllegalStateException answered500) {
            // the first fault, a 500 once: the test's call got it, and the fault journal has it
        }
    }

    private static FaultSpec.Builder fault(int i) {
        return switch (i % 5) {
            case 0 -> FaultSpec.on("resetConsumeOffset").error("DMS.00500000").once();
            case 1 -> FaultSpec.on("showTopicStatus").delay(Duration.ofMillis(100), Duration.ofMillis(200));
            case 2 -> FaultSpec.on("showConsumerListOrDetails").group("group_01").connectionReset().probability(0.5);
            case 3 -> FaultSpec.on("resetConsumeOffset").partialReset("broker-2").times(3);
            default -> FaultSpec.on("showConsumerConnections").malformedBody();
        };
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Fork(1)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 4, time = 5)
    public void reset() {
        emulator.reset();
    }

    @TearDown(Level.Trial)
    public void stop() {
        emulator.close();
    }
}
