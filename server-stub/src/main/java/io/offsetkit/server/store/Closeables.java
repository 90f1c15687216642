package io.offsetkit.server.store;

import java.io.Closeable;
import java.io.IOException;

/** Closing several files at once, where one that fails to close must not keep the others open. */
final class Closeables {

    private Closeables() {}

    /**
     * Closes every one of {@code closeables}, in order, even when some fail.
     *
     * @throws IOException the first failure, with the later ones suppressed in it
     */
    static void closeAll(Iterable<? extends Closeable> closeables) throws IOException {
        IOException failure = null;
        for (Closeable closeable : closeables) {
            try {
                closeable.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
