package io.offsetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The default mode: a plan, read from the service, that changes nothing. */
class PlanTest extends EmulatorCliTest {

    @Test
    void aPlanShowsEachQueuesCommittedOffsetLagAndConsumersAndChangesNothing() {
        // GIVEN billing and audit (online) committed at offset 5 of 10 on both queues of orders, and
        // archive (offline) with no offset
        int resetsBefore = resetsReceived();

        // WHEN a plan to 10:03 Beijing time is asked for, as JSON
        CliRun run = reset(
                "--group",
                "billing",
                "--group",
                "audit",
                "--group",
                "archive",
                "--topic",
                "orders",
                "--to-datetime",
                "2026-03-01T10:03:00+08:00",
                "--output",
                "json");

        // THEN it exits 0 and lists each queue's committed offset and lag now
        assertThat(run.exit()).as(run.both()).isZero();
        JsonNode plan = Json.MAPPER.readTree(run.out());
        assertThat(plan.path("format").asString()).isEqualTo(Plan.FORMAT);
        assertThat(plan.path("instance_id").asString()).isEqualTo(emulator.instanceId());
        assertThat(java.time.Instant.parse(plan.path("made_at").asString())).isAfter(STARTED);
        assertThat(plan.path("strategy").path("timestamp").asLong())
                .isEqualTo(T0.plusSeconds(180).toEpochMilli());
        JsonNode billing = plan.path("entries").get(0);
        assertThat(billing.path("group").asString()).isEqualTo("billing");
        assertThat(billing.path("online").asBoolean()).isTrue();
        assertThat(billing.path("consumers").asInt()).isEqualTo(1);
        assertThat(billing.path("queues").get(0).path("broker_name").asString()).isEqualTo("broker-1");
        assertThat(billing.path("queues").get(0).path("committed").asLong()).isEqualTo(5);
        assertThat(billing.path("queues").get(0).path("lag").asLong()).isEqualTo(5);
        assertThat(billing.path("queues").get(1).path("broker_name").asString()).isEqualTo("broker-2");
        assertThat(billing.path("warnings")).isEmpty();
        assertThat(plan.path("entries").get(1).path("group").asString()).isEqualTo("audit");
        // AND the offline group is warned about (the service refuses to reset it), and its missing offsets
        JsonNode archive = plan.path("entries").get(2);
        assertThat(archive.path("online").asBoolean()).isFalse();
        assertThat(archive.path("queues").get(0).path("committed").isNull()).isTrue();
        assertThat(archive.path("warnings").valueStream().map(JsonNode::asString))
                .containsExactly(Planner.OFFLINE, Planner.NO_OFFSETS);
        // AND nothing changed: no reset was sent, the offsets are where they were
        assertThat(resetsReceived()).isEqualTo(resetsBefore);
        assertThat(committed("billing", "orders")).containsExactly(5L, 5L);
    }

    @Test
    void aPlanThatWouldChangeNothingSaysSo() {
        // GIVEN billing committed at the latest offsets of recent
        // WHEN a plan to the latest is asked for
        CliRun run = reset("--group", "billing", "--topic", "recent", "--to-latest");

        // THEN the table shows every queue at its target, and the warning
        assertThat(run.exit()).as(run.both()).isZero();
        assertThat(run.out())
                .contains("GROUP    TOPIC   QUEUE       COMMITTED  LAG  TARGET  CONSUMERS")
                .contains("billing  recent  broker-1/0  4          0    4       online (1)")
                .contains("billing/recent: " + Planner.NOTHING_TO_CHANGE)
                .contains("Nothing was changed.");
    }

    @Test
    void aTimeWithinTheMessagesHasItsTargetFoundByTheServiceAndAfterThemTheEnd() {
        // GIVEN orders' messages stored from T0 to T0 + 9 min
        // WHEN one plan asks for T0 + 3 min and another for a time after the last message
        CliRun within = reset(
                "--group",
                "billing",
                "--topic",
                "orders",
                "--to-timestamp",
                String.valueOf(T0.plusSeconds(180).toEpochMilli()),
                "--output",
                "csv");
        CliRun after = reset(
                "--group",
                "billing",
                "--topic",
                "orders",
                "--to-timestamp",
                String.valueOf(T0.plusSeconds(3600).toEpochMilli()),
                "--output",
                "csv");

        // THEN the first's target is left to the service, the second's is each queue's end
        assertThat(within.out().lines().toList())
                .containsExactly(
                        "group,topic,broker_name,queue_id,committed,broker_offset,lag,target,online,consumers,warnings",
                        "billing,orders,broker-1,0,5,10,5,,true,1,",
                        "billing,orders,broker-2,0,5,10,5,,true,1,");
        assertThat(after.out().lines().toList())
                .contains("billing,orders,broker-1,0,5,10,5,10,true,1,", "billing,orders,broker-2,0,5,10,5,10,true,1,");
    }

    @Test
    void allTopicsReadsTheGroupsTopicsFromTheService() {
        // GIVEN billing has offsets on orders and recent
        // WHEN a plan covers all its topics
        CliRun run = reset("--group", "billing", "--all-topics", "--to-earliest", "--output", "json");

        // THEN both topics are in it, targets at each queue's first offset
        assertThat(run.exit()).as(run.both()).isZero();
        JsonNode plan = Json.MAPPER.readTree(run.out());
        List<String> topics = plan.path("entries")
                .valueStream()
                .map(e -> e.path("topic").asString())
                .toList();
        assertThat(topics).containsExactlyInAnyOrder("orders", "recent");
        assertThat(plan.path("entries")
                        .get(0)
                        .path("queues")
                        .get(0)
                        .path("target")
                        .asLong())
                .isZero();
    }

    @Test
    void moreThanAFewGroupsShowAProgressLineOnTheErrorStreamOnly() {
        // GIVEN seven more groups, none of which has consumed orders yet
        List<String> args = new java.util.ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            emulator.instance().groups("team_" + i);
            args.add("--group");
            args.add("team_" + i);
        }
        args.addAll(List.of("--topic", "orders", "--to-latest", "--output", "json"));

        // WHEN a plan covers them
        CliRun run = reset(args.toArray(String[]::new));

        // THEN the error stream has the progress, the output the plan alone, warning of no offsets yet
        assertThat(run.exit()).as(run.both()).isZero();
        assertThat(run.err()).contains("reading offsets: 7/7");
        JsonNode plan = Json.MAPPER.readTree(run.out());
        assertThat(plan.path("entries")).hasSize(7);
        assertThat(plan.path("entries").get(0).path("warnings").valueStream().map(JsonNode::asString))
                .contains(Planner.NO_OFFSETS);
        assertThat(plan.path("entries")
                        .get(0)
                        .path("queues")
                        .get(0)
                        .path("committed")
                        .isNull())
                .isTrue();
    }
}
