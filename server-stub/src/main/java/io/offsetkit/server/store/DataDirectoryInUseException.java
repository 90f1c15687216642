package io.offsetkit.server.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data directory is held by another process (or by another open store of this one), so this one
 * cannot open it. Apart from other {@link IOException}s so that whoever opens the store can say how
 * to pick another directory, in the words of its own setting.
 */
public final class DataDirectoryInUseException extends IOException {

    private final Path directory;

    DataDirectoryInUseException(Path directory) {
        super("the data directory " + directory + " is in use by another process");
        this.directory = directory;
    }

    /** The directory in use. */
    public Path directory() {
        return directory;
    }
}
