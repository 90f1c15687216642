package io.offsetkit.server.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.auth.AuthMode;
import io.offsetkit.server.engine.OperationObserver;
import io.offsetkit.server.engine.OperationObserver.ServedOperation;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The journal records every call of the operation, with what was asked and what was answered. */
class EmulatorJournalTest {

    @Test
    void anAppliedResetIsRecordedWithItsRouteIdsTimeAnswerAndRequestId() {
        try (OffsetkitEmulator emulator = new OffsetkitEmulator(EmulatorOptions.options()).start()) {
            Instant before = Instant.now();

            // WHEN the documented reset is sent with engine reliability
            String path = "/v2/reliability/" + emulator.projectId() + "/instances/" + emulator.instanceId()
                    + "/groups/group_01/reset-message-offset";
            HttpResponse<String> answer = Http.send(
                    emulator.baseUrl(),
                    "POST",
                    path,
                    "{\"topic\":\"topic_01\",\"timestamp\":\"1662652801000\"}",
                    Map.of());

            // THEN the journal has one entry that says all of it
            assertThat(emulator.journal().size()).isEqualTo(1);
            ReceivedReset reset = emulator.journal().last().orElseThrow();
            assertThat(reset.route()).isEqualTo(ReceivedReset.Route.RESET_CONSUME_OFFSET);
            assertThat(reset.engine()).isEqualTo("reliability");
            assertThat(reset.projectId()).isEqualTo(emulator.projectId());
            assertThat(reset.instanceId()).isEqualTo(emulator.instanceId());
            assertThat(reset.group()).isEqualTo("group_01");
            assertThat(reset.topic()).isEqualTo("topic_01");
            assertThat(reset.timestamp()).isEqualTo(1662652801000L);
            assertThat(reset.time()).contains(Instant.parse("2022-09-08T16:00:01Z"));
            assertThat(reset.status()).isEqualTo(200);
            assertThat(reset.applied()).isTrue();
            assertThat(reset.queues()).containsExactly(new ReceivedReset.AnsweredQueue("broker-1", 0, 1));
            assertThat(reset.errorCode()).isNull();
            assertThat(reset.requestId())
                    .isEqualTo(answer.headers().firstValue("X-Request-Id").orElseThrow());
            assertThat(reset.receivedAt()).isBetween(before, Instant.now());
            assertThat(reset.body()).isEqualTo("{\"topic\":\"topic_01\",\"timestamp\":\"1662652801000\"}");
        }
    }

    @Test
    void aRefusedResetIsRecordedWithItsErrorAndWithoutWhatWasNotRead() {
        try (OffsetkitEmulator emulator =
                new OffsetkitEmulator(EmulatorOptions.options().auth(AuthMode.TOKEN)).start()) {
            // WHEN a reset without a token, then one with it on the older route, are sent
            Http.reset(emulator, "group_01", "topic_01", -1, Map.of());
            Http.send(
                    emulator.baseUrl(),
                    "POST",
                    "/v2/" + emulator.projectId() + "/rocketmq/instances/" + emulator.instanceId()
                            + "/groups/nobody/reset-message-offset",
                    "{\"topic\":\"topic_01\",\"timestamp\":-1}",
                    Map.of("X-Auth-Token", emulator.token()));

            // THEN both are recorded: the first refused before its body was read, the second for its group
            List<ReceivedReset> resets = emulator.journal().resets();
            assertThat(resets).hasSize(2);
            assertThat(resets.get(0).status()).isEqualTo(401);
            assertThat(resets.get(0).errorCode()).isEqualTo("DMS.10240103");
            assertThat(resets.get(0).topic()).isNull();
            assertThat(resets.get(0).timestamp()).isNull();
            assertThat(resets.get(0).queues()).isEmpty();
            assertThat(resets.get(1).route()).isEqualTo(ReceivedReset.Route.RESET_CONSUME_OFFSET_FOR_ROCKETMQ);
            assertThat(resets.get(1).engine()).isEqualTo("rocketmq");
            assertThat(resets.get(1).status()).isEqualTo(404);
            assertThat(resets.get(1).errorCode()).isEqualTo("DMS.10240405");
            assertThat(resets.get(1).errorMsg()).contains("'nobody'");
            assertThat(resets.get(1).timestamp()).isEqualTo(-1L);
            assertThat(resets.get(1).time()).isEmpty();
            assertThat(emulator.journal().resets("nobody", "topic_01")).containsExactly(resets.get(1));
        }
    }

    @Test
    void callsOutsideTheOperationAreNotResets() {
        try (OffsetkitEmulator emulator = new OffsetkitEmulator(EmulatorOptions.options()).start()) {
            Http.send(emulator.baseUrl(), "GET", "/health", null, Map.of());
            Http.send(emulator.baseUrl(), "GET", "/no/such/route", null, Map.of());

            assertThat(emulator.journal().resets()).isEmpty();
        }
    }

    @Test
    void callsRecordedFromManyThreadsAtOnceAreAllKept() throws InterruptedException {
        // GIVEN a journal, and eight threads that record 2,000 calls each, all released at once
        ResetJournal journal = new ResetJournal();
        OperationObserver observer = journal.observer();
        ServedOperation call = new ServedOperation(Instant.EPOCH, "r-1", null, Map.of(), new byte[0], null, null);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            threads.execute(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < 2000; i++) {
                    observer.served(call);
                }
            });
        }

        // WHEN they run
        go.countDown();
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        // THEN every call is in the journal
        assertThat(journal.size()).isEqualTo(16_000);
    }
}
