package io.offsetkit.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondAcquireIsRefusedWithAMessageThatNamesTheDirectory() throws IOException {
        StoreLayout layout = StoreLayout.of(dir);
        // GIVEN the directory's lock is held
        try (DataDirectoryLock held = DataDirectoryLock.acquire(layout)) {
            // WHEN it is acquired again
            // THEN that is refused, naming the directory
            assertThatThrownBy(() -> DataDirectoryLock.acquire(layout))
                    .isInstanceOf(IOException.class)
                    .hasMessage("the data directory " + layout.directory() + " is in use by another process");
        }
    }

    @Test
    void theLockIsTheLockFileOfTheLayout() throws IOException {
        StoreLayout layout = StoreLayout.of(dir);

        try (DataDirectoryLock held = DataDirectoryLock.acquire(layout)) {
            assertThat(layout.lockFile()).exists();
        }
    }

    @Test
    void closingReleasesTheLock() throws IOException {
        StoreLayout layout = StoreLayout.of(dir);
        // GIVEN a lock taken and closed
        DataDirectoryLock.acquire(layout).close();

        // WHEN it is acquired again THEN it is granted, and held again
        try (DataDirectoryLock again = DataDirectoryLock.acquire(layout)) {
            assertThatThrownBy(() -> DataDirectoryLock.acquire(layout)).isInstanceOf(IOException.class);
        }
    }
}
