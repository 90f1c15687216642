package io.offsetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bound on requests at once, the results' order, the progress line and the first failure. */
class ParallelTest {

    @Test
    void noMoreTasksRunAtOnceThanTheBoundAndResultsKeepTheItemsOrder() {
        // GIVEN a bound of 3 and 12 tasks that each wait a little while counting who runs
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch threeStarted = new CountDownLatch(3);
        List<Integer> items = IntStream.range(0, 12).boxed().toList();

        // WHEN they run
        List<Integer> results;
        try (Parallel parallel = new Parallel(3, new PrintStream(err, true, StandardCharsets.UTF_8))) {
            results = parallel.map("working", items, item -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                threeStarted.countDown();
                try {
                    // The first three wait for each other, so the bound is reached, not just allowed (a
                    // generous wait: on a busy machine a thread can take seconds to be scheduled, and a
                    // wait that ran out would let the count stay under 3 and fail the test for nothing).
                    threeStarted.await(60, TimeUnit.SECONDS);
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                return item * 10;
            });
        }

        // THEN three ran at once at most (and did), the results are in the items' order, and the
        // progress line ended at 12/12
        assertThat(most.get()).isEqualTo(3);
        assertThat(results)
                .containsExactlyElementsOf(items.stream().map(i -> i * 10).toList());
        assertThat(err.toString(StandardCharsets.UTF_8)).endsWith("\rworking: 12/12" + System.lineSeparator());
    }

    @Test
    void aFewItemsShowNoProgressAndTheFirstFailureInTheItemsOrderIsThrown() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Parallel parallel = new Parallel(2, new PrintStream(err, true, StandardCharsets.UTF_8))) {
            assertThatThrownBy(() -> parallel.map("working", List.of(1, 2, 3), item -> {
                        if (item > 1) {
                            throw new BadInputException("--group", "item " + item);
                        }
                        return item;
                    }))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("--group: item 2");
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
