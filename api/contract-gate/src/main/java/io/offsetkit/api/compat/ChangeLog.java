package io.offsetkit.api.compat;

import io.offsetkit.api.compat.ContractChange.Severity;
import io.offsetkit.api.compat.ContractChange.Side;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects changes in the order they are found, merging repeats.
 *
 * <p>openapi-diff compares operation by operation, so one change to a shared component (a schema
 * both routes use) is seen once per operation. Here such repeats become one change that lists
 * every operation it reaches.
 */
final class ChangeLog {

    private record Key(Severity severity, String summary, String pointer, Side side) {}

    private static final class Entry {
        private final String foundBy;
        private final Set<String> seenIn = new LinkedHashSet<>();

        private Entry(String foundBy) {
            this.foundBy = foundBy;
        }
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>();
    /** Whether a change the library rated incompatible was added as compatible, with its reason. */
    private boolean overruled;

    void add(Severity severity, String summary, String pointer, Side side, String foundBy, String seenIn) {
        Entry entry = entries.computeIfAbsent(new Key(severity, summary, pointer, side), key -> new Entry(foundBy));
        if (seenIn != null) {
            entry.seenIn.add(seenIn);
        }
    }

    /**
     * Adds a change the library rated incompatible as compatible: an own rule showed that it refuses
     * nothing that was valid (its summary says why).
     */
    void addOverruled(String summary, String pointer, String foundBy, String seenIn) {
        overruled = true;
        add(Severity.COMPATIBLE, summary, pointer, Side.CURRENT, foundBy, seenIn);
    }

    /** Whether some change was added through {@link #addOverruled}: the library's verdict is then explained. */
    boolean hasOverruled() {
        return overruled;
    }

    boolean hasBreaking() {
        return entries.keySet().stream().anyMatch(key -> key.severity() == Severity.BREAKING);
    }

    List<ContractChange> changes() {
        List<ContractChange> changes = new ArrayList<>();
        entries.forEach((key, entry) -> changes.add(new ContractChange(
                key.severity(), key.summary(), key.pointer(), key.side(), entry.foundBy, List.copyOf(entry.seenIn))));
        return changes;
    }
}
