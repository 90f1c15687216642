package io.offsetkit.conformance.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The class-data-sharing archive of one runnable jar, beside it: a file of the classes a run of the
 * jar loaded, already parsed and verified, that the next JVM started from the same jar maps instead
 * of loading them again (the JDK's {@code -XX:SharedArchiveFile}; a start loads a few thousand classes,
 * and that is most of a short run's start-up CPU).
 *
 * <p>JDK 17 does not make such an archive by itself: the first JVM started from a jar records it
 * ({@code -XX:ArchiveClassesAtExit}, written when that JVM exits normally), the next ones use it.
 * The archive's name carries a key of the jar (its size and modification time) and of the JVM (its
 * version and home), because the JVM refuses an archive of another jar or JDK: a rebuilt jar or
 * another JDK records a new archive instead of warning on every start. Recording writes a temporary
 * file that {@link Use#finish} renames when its JVM exited cleanly, so that concurrent runs and a
 * killed JVM never leave a half-written archive under the final name. Where the jar's directory cannot
 * be written, nothing is recorded and the JVM starts as it would without.
 *
 * <p>The archive is a cache: the JVM checks it and loads classes normally when it does not fit, and
 * its messages about it are silenced ({@code -Xlog:cds*=off}) so that they never mix into a run's
 * output.
 */
final class ClassDataArchive {

    /** The archive's file name ends so, after the jar's name (without {@code .jar}) and the key. */
    static final String SUFFIX = ".jsa";

    private ClassDataArchive() {}

    /**
     * What a JVM started from {@code jar} is given: the options to use or record its archive, and what
     * to do after it exited.
     */
    static Use forJar(Path jar) {
        Path absolute = jar.toAbsolutePath();
        Path directory = absolute.getParent();
        Optional<String> key = key(absolute);
        if (directory == null || key.isEmpty()) {
            return Use.NONE;
        }
        String stem = stem(absolute);
        Path archive = directory.resolve(joined(stem, ".", key.get(), SUFFIX));
        if (Files.isRegularFile(archive)) {
            return new Use(List.of("-Xlog:cds*=off", joined("-XX:SharedArchiveFile=", archive)), null, archive, stem);
        }
        if (!Files.isWritable(directory)) {
            return Use.NONE;
        }
        Path recording = directory.resolve(
                joined(".", stem, ".", key.get(), ".", ProcessHandle.current().pid(), SUFFIX, ".tmp"));
        return new Use(
                List.of("-Xlog:cds*=off", joined("-XX:ArchiveClassesAtExit=", recording)), recording, archive, stem);
    }

    /**
     * The parts' texts one after the other. Not {@code +}: javac compiles {@code +} on strings to an
     * invokedynamic call whose first uses spin method handles (a third of a second under load, before
     * the next JVM or the server is started), and the first JVM, which only relaunches the kit ({@link
     * KitJvm}), runs this code and little else, without the kit's class-data archive.
     */
    private static String joined(Object... parts) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            text.append(part);
        }
        return text.toString();
    }

    /** The jar's file name without {@code .jar}. */
    private static String stem(Path jar) {
        String name = jar.getFileName().toString();
        return name.endsWith(".jar") ? name.substring(0, name.length() - ".jar".length()) : name;
    }

    /**
     * What identifies the jar's bytes and the JVM, as far as the JVM checks an archive: 8 hex digits.
     * A checksum, not a digest: the JVM checks the archive itself, the key only keeps archives of
     * different jars and JVMs apart (and a digest would load the security providers into the JVM that
     * only relaunches, {@link KitJvm}).
     */
    static Optional<String> key(Path jar) {
        try {
            String identity = joined(
                    Files.size(jar),
                    "|",
                    Files.getLastModifiedTime(jar).toMillis(),
                    "|",
                    System.getProperty("java.vm.version"),
                    "|",
                    System.getProperty("java.home"));
            CRC32 checksum = new CRC32();
            checksum.update(identity.getBytes(StandardCharsets.UTF_8));
            // eight hex digits, without String.format (its Formatter and patterns, for the same reason)
            String hex = Long.toHexString(checksum.getValue());
            return Optional.of(joined("0".repeat(8 - hex.length()), hex));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The archive options of one JVM start.
     *
     * @param options the JVM options, empty when there is no archive to use or record
     * @param recording the temporary file the JVM records into, or null when it uses an archive (or none)
     * @param archive the archive's final name
     * @param stem the jar's name without {@code .jar}: older archives of the jar start with it
     */
    record Use(List<String> options, Path recording, Path archive, String stem) {

        static final Use NONE = new Use(List.of(), null, null, null);

        /** Whether the JVM records the archive (and must exit normally for it to be written). */
        boolean records() {
            return recording != null;
        }

        /**
         * After the JVM exited: a recording of a clean exit becomes the archive (replacing the
         * jar's archives of other keys, which no JVM can use any more); any other recording is
         * deleted. Failures are ignored: the archive is a cache.
         *
         * @param cleanExit whether the JVM exited by itself or on a polite request, not killed
         */
        void finish(boolean cleanExit) {
            if (recording == null) {
                return;
            }
            try {
                if (cleanExit && Files.isRegularFile(recording) && Files.size(recording) > 0) {
                    deleteOlderArchives();
                    move(recording, archive);
                }
            } catch (IOException e) {
                // A cache not written: the next start records again.
            } finally {
                try {
                    Files.deleteIfExists(recording);
                } catch (IOException e) {
                    // A temporary file left in the jar's directory; the next recording has another name.
                }
            }
        }

        private void deleteOlderArchives() throws IOException {
            try (DirectoryStream<Path> siblings = Files.newDirectoryStream(archive.getParent(), stem + ".*" + SUFFIX)) {
                for (Path sibling : siblings) {
                    if (!sibling.equals(archive)) {
                        Files.deleteIfExists(sibling);
                    }
                }
            }
        }

        private static void move(Path from, Path to) throws IOException {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
