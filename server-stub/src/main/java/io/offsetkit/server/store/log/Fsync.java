package io.offsetkit.server.store.log;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Makes directory entries durable: a file that was created or renamed survives a crash only once
 * the directory that names it has been forced to disk.
 */
public final class Fsync {

    private Fsync() {}

    /** Forces a directory's entries to disk. */
    public static void directory(Path directory) throws IOException {
        if (File.separatorChar == '\\') {
            // Windows cannot open a directory as a file; NTFS journals renames itself.
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Creates the missing directories of {@code directory} and forces each new entry to disk. */
    public static void createDirectories(Path directory) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = directory.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path created = missing.pop();
            Files.createDirectories(created);
            directory(created.getParent());
        }
    }
}
