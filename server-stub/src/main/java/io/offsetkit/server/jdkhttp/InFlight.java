package io.offsetkit.server.jdkhttp;

/**
 * The requests a server has taken and not yet answered, and whether it still takes new ones: what a
 * graceful stop waits for. A request counts from the moment the server hands it over until its answer
 * is written (or its connection dropped), on whichever thread that happens. Thread-safe.
 */
final class InFlight {

    private int requests;
    private boolean closing;

    /** Counts a request in; false, counting nothing, once the server is stopping. */
    synchronized boolean enter() {
        if (closing) {
            return false;
        }
        requests++;
        return true;
    }

    /** A request counted in by {@link #enter()} has been answered. */
    synchronized void exit() {
        requests--;
        if (requests == 0) {
            notifyAll();
        }
    }

    /**
     * Takes no new request from now on, and waits until the requests taken have been answered.
     *
     * @return the requests still unanswered when {@code timeoutMillis} had passed; 0 when all were
     */
    synchronized int closeAndAwait(long timeoutMillis) throws InterruptedException {
        closing = true;
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (requests > 0) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return requests;
            }
            wait(left);
        }
        return 0;
    }
}
