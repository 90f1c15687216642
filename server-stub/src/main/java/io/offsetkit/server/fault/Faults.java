package io.offsetkit.server.fault;

import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Operation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * The faults set on one server or emulator, and the journal of the calls that got one. The request
 * path asks {@link #take} once per call of the contract's operations, after the call was routed and
 * read, and records what it applied with {@link #record}; the admin API and the emulator's Java API
 * {@link #add}, {@link #remove} and {@link #clear} them.
 *
 * <p>Which fault a call gets: the first fault, in the order they were set, that matches the call
 * (operation, and group and topic where the fault names them), that is not used up, and whose
 * probability draw says yes; a call that no fault takes is served as usual. A fault with {@code times}
 * counts the calls it was applied to, and matches no more once it reaches them.
 *
 * <p>Cost when no fault is set: {@link #isEmpty()}, one volatile read. Thread-safe; nothing is static,
 * so two emulators never share a fault.
 */
public final class Faults {

    /** The most faults set at once. */
    public static final int MAX_FAULTS = 100;

    /** The most entries the journal keeps: the oldest go first. */
    public static final int MAX_JOURNAL = 1000;

    private static final Entry[] NONE = new Entry[0];

    private final DoubleSupplier random;
    private volatile Entry[] entries = NONE; // replaced whole under this object's monitor
    private long lastId; // guarded by this
    private final ArrayDeque<AppliedFault> journal = new ArrayDeque<>(); // guarded by itself

    /** Faults whose probability is drawn at random. */
    public Faults() {
        this(() -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random the draws, each in {@code [0, 1)}: a seeded one makes the probabilities replayable */
    public Faults(DoubleSupplier random) {
        this.random = random;
    }

    /** Whether no fault is set (used up ones count as set until removed). */
    public boolean isEmpty() {
        return entries.length == 0;
    }

    /**
     * Sets a fault, after those set already (a call gets the first that matches).
     *
     * @return the fault as set, with its id
     * @throws InvalidFaultException when {@value #MAX_FAULTS} faults are set already
     */
    public synchronized SetFault add(FaultSpec spec) {
        if (entries.length >= MAX_FAULTS) {
            throw new InvalidFaultException(
                    "operation", "cannot get another fault: " + MAX_FAULTS + " are set; remove some first");
        }
        Entry entry = new Entry("fault-" + ++lastId, spec);
        Entry[] more = Arrays.copyOf(entries, entries.length + 1);
        more[entries.length] = entry;
        entries = more;
        return entry.view();
    }

    /** Removes one fault; false when no fault has that id. */
    public synchronized boolean remove(String id) {
        List<Entry> kept = new ArrayList<>();
        for (Entry entry : entries) {
            if (!entry.id.equals(id)) {
                kept.add(entry);
            }
        }
        if (kept.size() == entries.length) {
            return false;
        }
        entries = kept.toArray(NONE);
        return true;
    }

    /** Removes every fault; the journal stays. */
    public synchronized void removeAll() {
        entries = NONE;
    }

    /** Removes every fault and empties the journal: a fresh start. The ids start again too. */
    public synchronized void clear() {
        entries = NONE;
        lastId = 0;
        synchronized (journal) {
            journal.clear();
        }
    }

    /** Every fault set, in the order set, as it stands. */
    public List<SetFault> list() {
        Entry[] now = entries;
        List<SetFault> views = new ArrayList<>(now.length);
        for (Entry entry : now) {
            views.add(entry.view());
        }
        return List.copyOf(views);
    }

    /**
     * The fault a call gets, counted as applied; null when it gets none.
     *
     * @param group the call's group, or null
     * @param topic the call's topic, or null
     */
    public SetFault take(Operation operation, String group, String topic) {
        for (Entry entry : entries) {
            if (entry.spec.matches(operation, group, topic) && entry.draw(random) && entry.claim()) {
                return entry.view();
            }
        }
        return null;
    }

    /** A delay drawn for a fault of kind {@link FaultKind#DELAY}: uniform within its bounds. */
    public long delayMillis(FaultSpec spec) {
        if (spec.delayMaxMillis() == spec.delayMillis()) {
            return spec.delayMillis();
        }
        long span = spec.delayMaxMillis() - spec.delayMillis() + 1;
        return spec.delayMillis() + Math.min(span - 1, (long) (random.getAsDouble() * span));
    }

    /** Records a call that got a fault. */
    public void record(AppliedFault applied) {
        synchronized (journal) {
            if (journal.size() == MAX_JOURNAL) {
                journal.removeFirst();
            }
            journal.addLast(applied);
        }
    }

    /** The calls that got a fault, oldest first (the last {@value #MAX_JOURNAL}). */
    public List<AppliedFault> journal() {
        synchronized (journal) {
            return List.copyOf(journal);
        }
    }

    private static final class Entry {

        private final String id;
        private final FaultSpec spec;
        private final AtomicInteger remaining; // null: unlimited
        private final AtomicLong applied = new AtomicLong();

        Entry(String id, FaultSpec spec) {
            this.id = id;
            this.spec = spec;
            this.remaining = spec.times() == null ? null : new AtomicInteger(spec.times());
        }

        boolean draw(DoubleSupplier random) {
            return spec.probability() >= 1 || (spec.probability() > 0 && random.getAsDouble() < spec.probability());
        }

        /** Counts one call against {@code times}; false once it is used up. */
        boolean claim() {
            if (remaining != null) {
                int left;
                do {
                    left = remaining.get();
                    if (left <= 0) {
                        return false;
                    }
                } while (!remaining.compareAndSet(left, left - 1));
            }
            applied.incrementAndGet();
            return true;
        }

        SetFault view() {
            return new SetFault(id, spec, applied.get(), remaining == null ? null : remaining.get());
        }
    }
}
