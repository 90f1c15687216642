package io.offsetkit.server.rocketmq;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per key, held only while someone uses it: a key's lock is dropped when its last user
 * releases it, so the table holds the keys in use, not every key ever asked for (request paths name
 * groups and topics freely, unknown ones included).
 */
final class KeyedLocks {

    private final Map<String, Entry> entries = new HashMap<>();

    /** A held lock; {@link #close()} releases it, once, on the thread that took it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits for the key's lock and returns it held. */
    Held lock(String key) {
        Entry entry;
        synchronized (entries) {
            entry = entries.computeIfAbsent(key, k -> new Entry());
            entry.users++;
        }
        entry.lock.lock();
        return new Held() {
            private boolean released;

            @Override
            public void close() {
                if (released) {
                    return; // a second close is harmless
                }
                released = true;
                entry.lock.unlock();
                synchronized (entries) {
                    if (--entry.users == 0) {
                        entries.remove(key);
                    }
                }
            }
        };
    }

    /** How many keys have a lock now (held or waited for). */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }
}
