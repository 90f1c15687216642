package io.offsetkit.conformance.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The selector threads of the JDK's HTTP clients, stopped once the run is over so that the kit's JVM
 * exits at once. Why: each {@link java.net.http.HttpClient} keeps a thread blocked in the operating
 * system's select call, in native code, for as long as the client lives, and Java 17's clients have
 * no {@code close()}. A JVM that exits waits for its threads in native code to stop, up to about
 * 0.3 s when none of them is compiling (HotSpot's exit at its last safepoint polls every 10 ms, 30
 * times): the kit's four clients (the rules', the fixture's, the preflight's, the health check's)
 * cost every run that 0.3 s after its last line (server-stub/PERFORMANCE.md, section 6). Interrupting
 * such a thread wakes its selector, and the client's loop ends on the interrupt; a client whose
 * selector thread is stopped can send nothing more, so only {@link Main#main} does it, after the run.
 *
 * <p>The threads are found by the name the JDK gives them ({@code HttpClient-<n>-SelectorManager});
 * a JDK that names them otherwise is left as it is, and only exits as slowly as before.
 */
final class HttpClientThreads {

    private static final Pattern SELECTOR = Pattern.compile("HttpClient-\\d+-SelectorManager");

    /** How long to wait for each thread to end: it ends within milliseconds of its interrupt. */
    private static final long JOIN_MILLIS = 100;

    private HttpClientThreads() {}

    /** The selector threads of every HTTP client of this JVM that are alive now. */
    static List<Thread> selectors() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        List<Thread> selectors = new ArrayList<>();
        for (Thread thread : Arrays.asList(threads).subList(0, count)) {
            if (thread.isAlive() && SELECTOR.matcher(thread.getName()).matches()) {
                selectors.add(thread);
            }
        }
        return selectors;
    }

    /**
     * Stops the given selector threads (their clients can send nothing more) and waits briefly for each
     * to end.
     */
    static void stop(Collection<Thread> selectors) {
        selectors.forEach(Thread::interrupt);
        for (Thread selector : selectors) {
            try {
                selector.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // this thread is being stopped itself: the exit goes on, only slower
            }
        }
    }
}
