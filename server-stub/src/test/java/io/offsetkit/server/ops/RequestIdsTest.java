package io.offsetkit.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The ids every answer carries in X-Request-Id. */
class RequestIdsTest {

    @Test
    void anIdIs32LowerCaseHexadecimalDigits() {
        RequestIds ids = new RequestIds();

        for (int i = 0; i < 1000; i++) {
            assertThat(ids.next()).matches("[0-9a-f]{32}");
        }
    }

    @Test
    void idsNeverRepeatWithinAServerAcrossManyCallsAndThreads() throws Exception {
        // GIVEN one server's ids, drawn by 8 threads at once, 25,000 each
        RequestIds ids = new RequestIds();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<String> duplicates = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 8; t++) {
            threads.add(new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < 25_000; i++) {
                    String id = ids.next();
                    if (!seen.add(id)) {
                        duplicates.add(id);
                    }
                }
            }));
        }
        threads.forEach(Thread::start);

        // WHEN they all run
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        // THEN every id is new
        assertThat(duplicates).isEmpty();
        assertThat(seen).hasSize(200_000);
    }

    @Test
    void twoServersGiveDifferentIds() {
        Set<String> first = new HashSet<>();
        RequestIds one = new RequestIds();
        for (int i = 0; i < 100; i++) {
            first.add(one.next());
        }
        RequestIds other = new RequestIds();

        for (int i = 0; i < 100; i++) {
            assertThat(first).doesNotContain(other.next());
        }
    }
}
