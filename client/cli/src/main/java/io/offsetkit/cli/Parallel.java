package io.offsetkit.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one task per item, at most {@code bound} at a time, and gives the results in the items'
 * order. When there are more than {@link #FEW} items it keeps one progress line on the error
 * stream ({@code label: 37/100}), rewritten in place and ended with a new line, so the standard
 * output stays clean for a script.
 */
final class Parallel implements AutoCloseable {

    /** Up to this many items, no progress line. */
    static final int FEW = 5;

    private final ExecutorService pool;
    private final PrintStream progress;

    /**
     * @param bound how many tasks run at once, 1 or more
     * @param progress where the progress line goes
     */
    Parallel(int bound, PrintStream progress) {
        this.pool = Executors.newFixedThreadPool(bound, task -> {
            Thread thread = new Thread(task, "offsetkit-cli-request");
            thread.setDaemon(true);
            return thread;
        });
        this.progress = progress;
    }

    /**
     * {@code task} on every item, in parallel within the bound.
     *
     * @throws RuntimeException the first failure in the items' order, as the task threw it, once
     *     every task has ended
     */
    <T, R> List<R> map(String label, List<T> items, Function<T, R> task) {
        boolean shown = items.size() > FEW;
        AtomicInteger done = new AtomicInteger();
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool.submit(() -> {
                try {
                    return task.apply(item);
                } finally {
                    if (shown) {
                        // Counted under the lock that prints, so the line never goes backwards.
                        synchronized (progress) {
                            show(label, done.incrementAndGet(), items.size());
                        }
                    }
                }
            }));
        }
        List<R> results = new ArrayList<>(items.size());
        RuntimeException first = null;
        for (Future<R> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException runtime
                            ? runtime
                            : new IllegalStateException(e.getCause());
                }
                results.add(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (shown) {
            synchronized (progress) {
                progress.println();
            }
        }
        if (first != null) {
            throw first;
        }
        return results;
    }

    private void show(String label, int count, int total) {
        progress.print("\r" + label + ": " + count + "/" + total);
        progress.flush();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
