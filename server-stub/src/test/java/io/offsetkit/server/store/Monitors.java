package io.offsetkit.server.store;

import static org.assertj.core.api.Assertions.fail;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/** Checks which monitor a piece of code really takes, by holding it and watching the code wait. */
final class Monitors {

    private static final long PATIENCE_SECONDS = 10;

    private Monitors() {}

    /**
     * Runs {@code action} in another thread while this thread holds {@code monitor}, and passes once
     * that thread is blocked on exactly that object; then lets it finish and returns its result.
     * Fails when the action finishes while the monitor is held (it does not take that monitor) or
     * blocks on nothing, or on something else, for {@value #PATIENCE_SECONDS} seconds.
     */
    static <T> T assertWaitsFor(Object monitor, Callable<T> action) throws Exception {
        return assertWaitsFor(monitor, action, () -> {});
    }

    /**
     * As {@link #assertWaitsFor(Object, Callable)}, and runs {@code meanwhile} while the action waits,
     * before the monitor is released: a change it makes is seen by whatever the action does under
     * that monitor, and not by what it did before taking it.
     */
    static <T> T assertWaitsFor(Object monitor, Callable<T> action, Meanwhile meanwhile) throws Exception {
        FutureTask<T> task = new FutureTask<>(action);
        Thread thread = new Thread(task, "waits-for-monitor probe");
        synchronized (monitor) {
            thread.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
            while (!blockedOn(thread, monitor)) {
                if (task.isDone()) {
                    fail("the action finished while the test held the monitor of " + monitor
                            + ", so it does not take that monitor");
                }
                if (System.nanoTime() > deadline) {
                    fail("the action did not block on the monitor of " + monitor + " within " + PATIENCE_SECONDS
                            + " s; its thread is " + thread.getState());
                }
                Thread.sleep(1);
            }
            meanwhile.run();
        }
        return task.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }

    /** What the test does while the action waits for the monitor. */
    interface Meanwhile {
        void run() throws Exception;
    }

    private static boolean blockedOn(Thread thread, Object monitor) {
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(thread.getId());
        if (info == null || info.getThreadState() != Thread.State.BLOCKED) {
            return false;
        }
        LockInfo lock = info.getLockInfo();
        return lock != null
                && lock.getIdentityHashCode() == System.identityHashCode(monitor)
                && lock.getClassName().equals(monitor.getClass().getName());
    }
}
