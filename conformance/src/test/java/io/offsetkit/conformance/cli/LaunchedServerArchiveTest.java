package io.offsetkit.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.client.auth.Credentials;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.http.KitHttp;
import io.offsetkit.conformance.http.RawRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference server's class-data archive, with the real server jar: the first launch from a jar
 * records it beside the jar as the server stops, the next launch starts from it and serves as before.
 */
class LaunchedServerArchiveTest {

    @TempDir
    Path directory;

    @Test
    void theFirstLaunchRecordsTheArchiveAndTheNextStartsFromIt() throws Exception {
        // GIVEN the server jar, alone in a directory
        Path jar = Files.copy(
                Path.of(System.getProperty("offsetkit.server.jar", "server jar not set")),
                directory.resolve("offsetkit-server.jar"));

        // WHEN it is launched, asked something and stopped
        try (LaunchedServer first = LaunchedServer.start(jar)) {
            assertThat(health(first).status()).isEqualTo(200);
        }

        // THEN its archive is beside it, and nothing else (no temporary file)
        List<String> afterFirst = filesIn(directory);
        assertThat(afterFirst).hasSize(2).contains("offsetkit-server.jar");
        String archive = afterFirst.stream()
                .filter(name -> !name.equals("offsetkit-server.jar"))
                .findFirst()
                .orElseThrow();
        assertThat(archive).matches("offsetkit-server\\.[0-9a-f]{8}\\.jsa");
        assertThat(Files.size(directory.resolve(archive))).isGreaterThan(1_000_000);

        // WHEN it is launched again THEN it starts from that archive and serves
        assertThat(ClassDataArchive.forJar(jar).options())
                .contains("-XX:SharedArchiveFile=" + directory.resolve(archive));
        try (LaunchedServer next = LaunchedServer.start(jar)) {
            assertThat(health(next).status()).isEqualTo(200);
        }
        assertThat(filesIn(directory)).containsExactlyInAnyOrder("offsetkit-server.jar", archive);
    }

    private static Exchange health(LaunchedServer server) {
        return new KitHttp(server.baseUrl(), Credentials.none(), Clock.systemUTC())
                .sendUnauthenticated(RawRequest.of("GET", "/health"));
    }

    private static List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }
}
