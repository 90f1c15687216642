package io.offsetkit.server;

import io.offsetkit.server.call.Answer;
import io.offsetkit.server.call.Call;
import io.offsetkit.server.assembly.Engine;
import io.offsetkit.server.engine.RequestPath;
import io.offsetkit.server.ops.ConsoleLogging;
import io.offsetkit.server.settings.ServerSettings;
import io.offsetkit.server.settings.SettingSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The request path alone, without HTTP, on the two cheapest calls there are (the topic status read
 * and the progress read of the default fixture's one-queue topic_01): route, checks, the store's read,
 * the answer written. It uses only what every build of the server has ({@code Engine.start}, {@code
 * RequestPath.serve}), so {@code src/bench/request-path-ab.sh} compiles it alone and runs it on an
 * earlier build's jar and on this one's, in turns, to say what a change costs the request path: faults
 * on demand, when none is set, add one volatile read to it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class RequestPathBenchmark {

    private static final String PROJECT_ID = "77b6a44cba5143ab91d13ab9a8ff44fd";
    private static final String INSTANCE_ID = "11b0c2a4-6d8e-4f10-8a2c-3e5f7a9b1c0d";
    private static final String STATUS = "/v2/" + PROJECT_ID + "/instances/" + INSTANCE_ID + "/topics/topic_01/status";
    private static final String PROGRESS = "/v2/" + PROJECT_ID + "/instances/" + INSTANCE_ID + "/groups/group_01/topics";

    private Path dataDir;
    private Engine engine;
    private RequestPath path;

    @Setup
    public void start() throws IOException {
        dataDir = Files.createTempDirectory("offsetkit-request-path-bench");
        Map<String, String> settings = Map.of(
                "offsetkit.data-dir", dataDir.toString(), "logging.level.io.offsetkit.server.access", "WARN");
        ServerSettings parsed = ServerSettings.from(SettingSources.of(settings));
        ConsoleLogging.setLevels(parsed.logLevels());
        engine = Engine.start(parsed);
        path = engine.requestPath();
    }

    @Benchmark
    public Answer topicStatus() {
        return path.serve(new Get(STATUS, null));
    }

    @Benchmark
    public Answer progress() {
        return path.serve(new Get(PROGRESS, "topic=topic_01"));
    }

    @TearDown
    public void stop() throws Exception {
        engine.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    /** A GET from loopback, as the official SDKs send it (Content-Type, no body). */
    private record Get(String rawPath, String rawQuery) implements Call {

        @Override
        public String method() {
            return "GET";
        }

        @Override
        public String header(String name) {
            return name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Accept") ? "application/json" : null;
        }

        @Override
        public byte[] body(int limit) {
            return new byte[0];
        }

        @Override
        public boolean fromLoopback() {
            return true;
        }
    }
}
