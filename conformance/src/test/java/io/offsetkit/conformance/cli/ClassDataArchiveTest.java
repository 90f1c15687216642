package io.offsetkit.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jar's class-data archive: recorded beside the jar by the first JVM started from it, through a
 * temporary file that only a clean exit turns into the archive, then used by the next starts, and
 * recorded anew when the jar changes.
 */
class ClassDataArchiveTest {

    @TempDir
    Path directory;

    @Test
    void aJarWithoutAnArchiveRecordsOneIntoATemporaryFileBesideIt() throws IOException {
        // GIVEN a jar with no archive beside it
        Path jar = jar("offsetkit-server.jar");

        // WHEN a JVM is to be started from it
        ClassDataArchive.Use use = ClassDataArchive.forJar(jar);

        // THEN the JVM records into a temporary file of the jar's directory, its messages silenced
        assertThat(use.records()).isTrue();
        assertThat(use.recording().getParent()).isEqualTo(directory);
        assertThat(use.recording().getFileName().toString())
                .startsWith(".offsetkit-server.")
                .endsWith(".tmp");
        assertThat(use.options()).containsExactly("-Xlog:cds*=off", "-XX:ArchiveClassesAtExit=" + use.recording());
        assertThat(use.archive().getFileName().toString()).matches("offsetkit-server\\.[0-9a-f]{8}\\.jsa");
    }

    @Test
    void aCleanExitTurnsTheRecordingIntoTheArchiveThatTheNextStartUses() throws IOException {
        // GIVEN a recording the JVM wrote as it exited cleanly
        Path jar = jar("offsetkit-server.jar");
        ClassDataArchive.Use first = ClassDataArchive.forJar(jar);
        Files.write(first.recording(), new byte[] {1, 2, 3});

        // WHEN its run is finished
        first.finish(true);

        // THEN the archive is there under its final name, the temporary file gone, and the next start uses it
        assertThat(first.archive()).hasBinaryContent(new byte[] {1, 2, 3});
        assertThat(first.recording()).doesNotExist();
        ClassDataArchive.Use next = ClassDataArchive.forJar(jar);
        assertThat(next.records()).isFalse();
        assertThat(next.options()).containsExactly("-Xlog:cds*=off", "-XX:SharedArchiveFile=" + first.archive());
    }

    @Test
    void aRecordingOfAKilledJvmIsDeletedAndNotUsed() throws IOException {
        // GIVEN a recording of a JVM that was killed (possibly half written)
        Path jar = jar("offsetkit-server.jar");
        ClassDataArchive.Use use = ClassDataArchive.forJar(jar);
        Files.write(use.recording(), new byte[] {1});

        // WHEN its run is finished as not clean
        use.finish(false);

        // THEN nothing is left, and the next start records again
        assertThat(filesIn(directory)).containsExactly("offsetkit-server.jar");
        assertThat(ClassDataArchive.forJar(jar).records()).isTrue();
    }

    @Test
    void aRebuiltJarRecordsAnewAndItsArchiveReplacesTheOldOne() throws IOException {
        // GIVEN a jar with its archive
        Path jar = jar("offsetkit-server.jar");
        ClassDataArchive.Use old = ClassDataArchive.forJar(jar);
        Files.write(old.recording(), new byte[] {1});
        old.finish(true);

        // WHEN the jar is rebuilt (other bytes, another time) and started again
        Files.write(jar, new byte[] {9, 9, 9, 9});
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        ClassDataArchive.Use rebuilt = ClassDataArchive.forJar(jar);

        // THEN the old archive is not used (the JVM would refuse it, with a warning), a new one is
        // recorded, and once written it is the only one
        assertThat(rebuilt.records()).isTrue();
        assertThat(rebuilt.archive()).isNotEqualTo(old.archive());
        Files.write(rebuilt.recording(), new byte[] {2});
        rebuilt.finish(true);
        assertThat(filesIn(directory))
                .containsExactlyInAnyOrder(
                        "offsetkit-server.jar", rebuilt.archive().getFileName().toString());
    }

    @Test
    void aJarThatIsNotThereGetsNoArchiveOptions() throws IOException {
        // GIVEN no jar at the path WHEN a JVM is to be started from it THEN it gets no archive options
        ClassDataArchive.Use use = ClassDataArchive.forJar(directory.resolve("missing.jar"));

        assertThat(use.options()).isEmpty();
        assertThat(use.records()).isFalse();
        use.finish(true);
        assertThat(filesIn(directory)).isEmpty();
    }

    private Path jar(String name) throws IOException {
        return Files.write(directory.resolve(name), new byte[] {0x50, 0x4b, 3, 4});
    }

    private static java.util.List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }
}
