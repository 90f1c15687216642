package io.offsetkit.server.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class KeyedLocksTest {

    final KeyedLocks locks = new KeyedLocks();

    @Test
    void aKeysLockIsDroppedWhenItsLastUserReleasesIt() {
        // WHEN many keys are locked and released in turn
        for (int i = 0; i < 10_000; i++) {
            try (KeyedLocks.Held held = locks.lock("group-" + i)) {
                assertThat(locks.size()).isEqualTo(1);
            }
        }

        // THEN no lock is kept for them
        assertThat(locks.size()).isZero();
    }

    @Test
    void theSameKeyWaitsAndAnotherKeyDoesNot() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (KeyedLocks.Held held = locks.lock("g1")) {
            // GIVEN g1 is held here
            CountDownLatch started = new CountDownLatch(1);

            // WHEN another thread asks for g2, then for g1
            Future<?> otherKey = other.submit(() -> {
                try (KeyedLocks.Held h = locks.lock("g2")) {
                    return null;
                }
            });
            otherKey.get(5, TimeUnit.SECONDS); // THEN g2 is granted at once
            Future<?> sameKey = other.submit(() -> {
                started.countDown();
                try (KeyedLocks.Held h = locks.lock("g1")) {
                    return null;
                }
            });
            started.await(5, TimeUnit.SECONDS);
            // AND g1 waits while held
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sameKey.get(300, TimeUnit.MILLISECONDS))
                    .isInstanceOf(TimeoutException.class);
            held.close();
            sameKey.get(5, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
        assertThat(locks.size()).isZero();
    }
}
