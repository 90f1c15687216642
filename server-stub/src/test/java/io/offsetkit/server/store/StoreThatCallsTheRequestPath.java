package io.offsetkit.server.store;

import io.offsetkit.server.engine.RequestPath;

/**
 * A defect on purpose, for {@code LayersTest}: a class of a backend's package that calls the request
 * path above it, which the layered rule must report (and the cycle it closes, the path using the
 * store). Never used otherwise.
 */
public final class StoreThatCallsTheRequestPath {

    private StoreThatCallsTheRequestPath() {}

    /** The upward call. */
    static void primeThePath(RequestPath path) {
        path.prime();
    }
}
