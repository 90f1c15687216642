package io.offsetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.fault.FaultSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code offsetkit reset --execute} end to end against the emulator when the service applies a
 * reset on some brokers only: the emulator's {@code partial_reset} fault applies the reset on every
 * broker of the topic but the failing one (here broker-2, the topic's last) and answers the
 * contract's partial {@code 500}, as a real instance does when one broker is down. The command must
 * not take the answer, nor a "success" of the others, for the whole story.
 */
class PartialOutcomesTest extends EmulatorCliTest {

    @Test
    void aResetAppliedOnSomeBrokersIsPartlyAppliedBesideTheAppliedOnesAndExitsThree() {
        // GIVEN billing and audit committed at offset 5 on both queues of orders (one per broker)
        // AND the service applies audit's reset on broker-1 only, failing on broker-2
        emulator.faults().set(FaultSpec.on("resetConsumeOffset").group("audit").partialReset("broker-2"));

        // WHEN both are reset to the earliest offsets
        CliRun run = reset("--group", "billing", "--group", "audit", "--topic", "orders", "--to-earliest", "--execute");

        // THEN the exit code says some applied and some did not
        assertThat(run.exit()).as(run.both()).isEqualTo(ExitCode.SOME_APPLIED);
        // AND billing moved on both brokers, audit on broker-1 only
        assertThat(committed("billing", "orders")).containsExactly(0L, 0L);
        assertThat(committed("audit", "orders")).containsExactly(0L, 5L);
        // AND the read back shows, per queue, which moved: audit's broker-1 queue 5 -> 0, broker-2's stays at 5
        assertThat(rows(run.out(), "audit"))
                .containsExactly(
                        List.of("audit", "orders", "broker-1/0", "5", "0", "5", "0"),
                        List.of("audit", "orders", "broker-2/0", "5", "5", "0", "0"));
        assertThat(rows(run.out(), "billing"))
                .containsExactly(
                        List.of("billing", "orders", "broker-1/0", "5", "0", "5", "0"),
                        List.of("billing", "orders", "broker-2/0", "5", "0", "5", "0"));
        // AND the outcome per group and topic: applied for billing, partly applied by broker for audit,
        // with the service's code and the queue that moved anyway
        assertThat(run.out())
                .contains("  billing/orders: applied\n")
                .containsPattern("  audit/orders: partly applied by broker, DMS\\.\\d+: .*"
                        + "\\(moved anyway: broker-1/0\\)\n");
        // AND the summary names both sides, never a bare "done"
        assertThat(run.out())
                .contains("Applied 1 of 2: billing/orders. Not applied: audit/orders (partly applied by broker).")
                .contains("In all: 15 message(s) to consume again, 0 skipped.")
                .doesNotContainIgnoringCase("done");
        // AND the service did get the fault on audit's reset, and on nothing else
        assertThat(emulator.faults().journal())
                .extracting(fault -> fault.operationId() + " " + fault.group() + " " + fault.topic())
                .containsExactly("resetConsumeOffset audit orders");
    }

    @Test
    void aPartialResetIsReportedAsSuchInJsonForAScript() {
        // GIVEN the service applies audit's reset on broker-1 only
        emulator.faults().set(FaultSpec.on("resetConsumeOffset").group("audit").partialReset("broker-2"));

        // WHEN billing and audit are reset to the earliest offsets, the outcome as JSON
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
                "json");

        // THEN exit 3, and audit's outcome is partly applied with each queue's before and after
        assertThat(run.exit()).as(run.both()).isEqualTo(ExitCode.SOME_APPLIED);
        String compact = run.out().replaceAll("\\s+", "");
        assertThat(compact)
                .contains("\"applied\":1,\"refused\":0,\"partly_applied\":1,\"reconsumed\":15,\"skipped\":0")
                .contains("\"group\":\"billing\",\"topic\":\"orders\",\"outcome\":\"applied\"")
                .contains("\"group\":\"audit\",\"topic\":\"orders\",\"outcome\":\"partly_applied\"")
                .containsPattern(
                        "\"broker_name\":\"broker-1\",\"queue_id\":0,\"before\":5,(\"answered\":[^,]*,)?\"after\":0")
                .containsPattern(
                        "\"broker_name\":\"broker-2\",\"queue_id\":0,\"before\":5,(\"answered\":[^,]*,)?\"after\":5");
    }

    @Test
    void everyResetRefusedChangesNothingAndExitsOne() {
        // GIVEN the service refuses every reset of billing and audit (their consumers gone offline)
        emulator.faults().set(FaultSpec.on("resetConsumeOffset").error("DMS.50050004"));

        // WHEN both are reset to the earliest offsets
        CliRun run = reset("--group", "billing", "--group", "audit", "--topic", "orders", "--to-earliest", "--execute");

        // THEN the exit code says nothing applied, and nothing moved
        assertThat(run.exit()).as(run.both()).isEqualTo(ExitCode.NOTHING_APPLIED);
        assertThat(committed("billing", "orders")).containsExactly(5L, 5L);
        assertThat(committed("audit", "orders")).containsExactly(5L, 5L);
        // AND each outcome is a refusal with the service's code and message, listed by name
        assertThat(run.out())
                .contains("  billing/orders: refused, DMS.50050004: The consumer group is offline.")
                .contains("  audit/orders: refused, DMS.50050004: The consumer group is offline.")
                .contains("Applied 0 of 2. Not applied: billing/orders (refused), audit/orders (refused).")
                .contains("In all: 0 message(s) to consume again, 0 skipped.")
                .doesNotContainIgnoringCase("done");
    }

    /** The table rows of the outcome's queues for {@code group}, split on runs of spaces. */
    private static List<List<String>> rows(String out, String group) {
        return out.lines()
                .filter(line -> line.startsWith(group + " "))
                .map(line -> List.of(line.trim().split(" {2,}")))
                .toList();
    }
}
