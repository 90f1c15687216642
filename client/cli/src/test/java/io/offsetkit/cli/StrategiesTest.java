package io.offsetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every strategy executed, each checked against the offsets the server committed. orders' message at
 * offset n was stored at T0 + n minutes (T0 = 2026-03-01T02:00:00Z = 10:00 in Beijing); billing
 * starts each test at offset 5 of 10 on both queues.
 */
class StrategiesTest extends EmulatorCliTest {

    @Test
    void toDatetimeWithAnOffsetGoesToTheFirstMessageAtOrAfterThatInstant() {
        // WHEN billing is reset to 10:02 Beijing time
        CliRun run = reset(
                "--group", "billing", "--topic", "orders", "--to-datetime", "2026-03-01T10:02:00+08:00", "--execute");

        // THEN both queues are at offset 2: 3 messages each to consume again, shown before -> after
        assertThat(run.exit()).as(run.both()).isZero();
        assertThat(committed("billing", "orders")).containsExactly(2L, 2L);
        assertThat(run.out())
                .contains("GROUP    TOPIC   QUEUE       BEFORE  AFTER  RE-CONSUMED  SKIPPED")
                .contains("billing  orders  broker-1/0  5       2      3            0")
                .contains("billing  orders  broker-2/0  5       2      3            0")
                .contains("billing/orders: applied")
                .contains("Applied 1 of 1: billing/orders.")
                .contains("In all: 6 message(s) to consume again, 0 skipped.");
    }

    @Test
    void toDatetimeWithoutAnOffsetIsReadInTheZoneGiven() {
        // WHEN billing is reset to 10:07 with --zone Asia/Shanghai (UTC+8), not the machine's zone
        CliRun run = reset(
                "--group",
                "billing",
                "--topic",
                "orders",
                "--to-datetime",
                "2026-03-01T10:07:00",
                "--zone",
                "Asia/Shanghai",
                "--execute");

        // THEN both queues are at offset 7: 2 messages each skipped
        assertThat(run.exit()).as(run.both()).isZero();
        assertThat(committed("billing", "orders")).containsExactly(7L, 7L);
        assertThat(run.out()).contains("In all: 0 message(s) to consume again, 4 skipped.");
    }

    @Test
    void toDatetimeWithAZoneIdInBracketsIsReadInThatZone() {
        // WHEN billing is reset to 03:01 in Paris (UTC+1 on 1 March), that is T0 + 1 min
        CliRun run = reset(
                "--group",
                "billing",
                "--topic",
                "orders",
                "--to-datetime",
                "2026-03-01T03:01:00[Europe/Paris]",
                "--execute");

        // THEN both queues are at offset 1
        assertThat(run.exit()).as(run.both()).isZero();
        assertThat(committed("billing", "orders")).containsExactly(1L, 1L);
    }

    @Test
    void byDurationGoesThatLongBeforeNow() {
        // GIVEN recent's messages 50, 40, 20 and 10 minutes old (offsets 0 to 3), billing at the end (4)
        // WHEN billing is reset to 30 minutes ago
        CliRun run = reset("--group", "billing", "--topic", "recent", "--by-duration", "PT30M", "--execute");

        // THEN both queues are at offset 2, the first message younger than 30 minutes
        assertThat(run.exit()).as(run.both()).isZero();
        assertThat(committed("billing", "recent")).containsExactly(2L, 2L);
    }

    @Test
    void toTimestampTakesMillisecondsAsTheApiDoes() {
        // WHEN billing is reset to T0 + 4 min, in milliseconds
        CliRun run = reset(
                "--group",
                "billing",
                "--topic",
                "orders",
                "--to-timestamp",
                String.valueOf(T0.plusSeconds(240).toEpochMilli()),
                "--execute");

        // THEN both queues are at offset 4
        assertThat(run.exit()).as(run.both()).isZero();
        assertThat(committed("billing", "orders")).containsExactly(4L, 4L);
    }

    @Test
    void toEarliestGoesToEachQueuesFirstOffset() {
        // WHEN billing is reset to the earliest offsets
        CliRun run = reset("--group", "billing", "--topic", "orders", "--to-earliest", "--execute");

        // THEN both queues are at 0: 5 messages each to consume again
        assertThat(run.exit()).as(run.both()).isZero();
        assertThat(committed("billing", "orders")).containsExactly(0L, 0L);
        assertThat(run.out()).contains("In all: 10 message(s) to consume again, 0 skipped.");
    }

    @Test
    void toLatestSkipsTheBacklogAndJsonGivesEachQueueBeforeAndAfter() {
        // WHEN billing is reset to the latest offsets, with JSON for a script
        CliRun run = reset("--group", "billing", "--topic", "orders", "--to-latest", "--execute", "--output", "json");

        // THEN both queues are at 10, and the JSON has the outcome and each queue's move
        assertThat(run.exit()).as(run.both()).isZero();
        assertThat(committed("billing", "orders")).containsExactly(10L, 10L);
        JsonNode report = Json.MAPPER.readTree(run.out());
        assertThat(report.path("applied").asInt()).isEqualTo(1);
        assertThat(report.path("refused").asInt()).isZero();
        assertThat(report.path("skipped").asLong()).isEqualTo(10);
        JsonNode outcome = report.path("outcomes").get(0);
        assertThat(outcome.path("outcome").asString()).isEqualTo("applied");
        assertThat(outcome.path("queues").get(0).path("before").asLong()).isEqualTo(5);
        assertThat(outcome.path("queues").get(0).path("answered").asLong()).isEqualTo(10);
        assertThat(outcome.path("queues").get(0).path("after").asLong()).isEqualTo(10);
        assertThat(outcome.path("queues").get(0).path("skipped").asLong()).isEqualTo(5);
    }

    @Test
    void csvListsOneLinePerQueueWithItsOutcome() {
        // WHEN billing and audit are reset to the earliest offsets, as CSV
        CliRun run = reset(
                "--group",
                "billing",
                "--group",
                "audit",
                "--topic",
                "orders",
                "--to-earliest",
                "--execute",
                "--output",
                "csv");

        // THEN one line per group and queue (this server does not refuse the offline group)
        assertThat(run.exit()).as(run.both()).isZero();
        assertThat(run.out().lines().toList())
                .containsExactly(
                        "group,topic,outcome,error_code,message,broker_name,queue_id,before,after,reconsumed,skipped",
                        "billing,orders,applied,,,broker-1,0,5,0,5,0",
                        "billing,orders,applied,,,broker-2,0,5,0,5,0",
                        "audit,orders,applied,,,broker-1,0,5,0,5,0",
                        "audit,orders,applied,,,broker-2,0,5,0,5,0");
    }
}
