package io.offsetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A saved plan applies only if no committed offset moved since it was read, beyond --max-drift. */
class DriftGuardTest extends EmulatorCliTest {

    @TempDir
    Path dir;

    @Test
    void aSavedPlanAppliesWhenNothingMoved() {
        // GIVEN a plan to the earliest offsets, saved, billing at offset 5
        Path plan = dir.resolve("plan.json");
        CliRun saved = reset("--group", "billing", "--topic", "orders", "--to-earliest", "--export", plan.toString());
        assertThat(saved.exit()).as(saved.both()).isZero();
        assertThat(committed("billing", "orders")).containsExactly(5L, 5L);

        // WHEN it is applied
        CliRun run = reset("--from-plan", plan.toString(), "--execute");

        // THEN billing is at 0
        assertThat(run.exit()).as(run.both()).isZero();
        assertThat(committed("billing", "orders")).containsExactly(0L, 0L);
        assertThat(run.out()).contains("Applied 1 of 1: billing/orders.");
    }

    @Test
    void aSavedPlanStopsBeforeChangingAnythingWhenAnOffsetMovedAndShowsWhat() {
        // GIVEN a saved plan to the earliest offsets, read with billing at 5
        Path plan = dir.resolve("plan.json");
        reset("--group", "billing", "--topic", "orders", "--to-earliest", "--export", plan.toString());
        // AND billing moved to 8 since (a second reset, as a consumer's commits would)
        client.resetToTime(emulator.instanceId(), "billing", "orders", T0.plusSeconds(480));
        int resetsBefore = resetsReceived();

        // WHEN the plan is applied
        CliRun run = reset("--from-plan", plan.toString(), "--execute");

        // THEN it exits 1, shows each queue planned -> now, and changed nothing
        assertThat(run.exit()).as(run.both()).isEqualTo(ExitCode.NOTHING_APPLIED);
        assertThat(run.out())
                .contains("Nothing was changed: the committed offsets moved since the plan was read")
                .contains("GROUP/TOPIC     QUEUE       PLANNED  NOW  DRIFT")
                .contains("billing/orders  broker-1/0  5        8    3")
                .contains("billing/orders  broker-2/0  5        8    3");
        assertThat(resetsReceived()).isEqualTo(resetsBefore);
        assertThat(committed("billing", "orders")).containsExactly(8L, 8L);
    }

    @Test
    void maxDriftAllowsThatManyMessagesAndNoMore() {
        // GIVEN a saved plan read with billing at 5, and billing moved to 8 since
        Path plan = dir.resolve("plan.json");
        reset("--group", "billing", "--topic", "orders", "--to-latest", "--export", plan.toString());
        client.resetToTime(emulator.instanceId(), "billing", "orders", T0.plusSeconds(480));

        // WHEN it is applied allowing 2 messages of drift, then 3
        CliRun tooFar = reset("--from-plan", plan.toString(), "--execute", "--max-drift", "2", "--output", "json");
        assertThat(committed("billing", "orders")).containsExactly(8L, 8L);
        CliRun within = reset("--from-plan", plan.toString(), "--execute", "--max-drift", "3");

        // THEN the first stops (JSON names the moves), the second applies, from where billing stood
        assertThat(tooFar.exit()).as(tooFar.both()).isEqualTo(ExitCode.NOTHING_APPLIED);
        JsonNode moves = Json.MAPPER.readTree(tooFar.out());
        assertThat(moves.path("status").asString()).isEqualTo("moved");
        assertThat(moves.path("moves").get(0).path("drift").asLong()).isEqualTo(3);
        assertThat(within.exit()).as(within.both()).isZero();
        assertThat(committed("billing", "orders")).containsExactly(10L, 10L);
        assertThat(within.out()).contains("billing  orders  broker-1/0  8       10     0            2");
    }

    @Test
    void aGroupThatConsumedATopicSinceThePlanHasMoved() {
        // GIVEN a saved plan for a group with no offsets on orders yet
        emulator.instance().groups("fresh");
        emulator.consumer("fresh", "10.0.0.7@4713#1");
        Path plan = dir.resolve("plan.json");
        reset("--group", "fresh", "--topic", "orders", "--to-earliest", "--export", plan.toString());
        // AND the group got offsets since
        client.resetToLatest(emulator.instanceId(), "fresh", "orders");

        // WHEN the plan is applied
        CliRun run = reset("--from-plan", plan.toString(), "--execute");

        // THEN it stops: none planned, 10 now
        assertThat(run.exit()).as(run.both()).isEqualTo(ExitCode.NOTHING_APPLIED);
        assertThat(run.out()).contains("fresh/orders  broker-1/0  -        10   -");
        assertThat(committed("fresh", "orders")).containsExactly(10L, 10L);
    }
}
