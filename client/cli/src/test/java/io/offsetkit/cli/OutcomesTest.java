package io.offsetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.emulator.ReceivedReset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Outcomes per group and topic when a run applies some resets and not others: the service's
 * refusal shown with its code and message, and both sides listed. The refusal here is one main's
 * server gives: the group was deleted (admin API) between the plan and its execution.
 */
class OutcomesTest extends EmulatorCliTest {

    @Test
    void aRefusedResetIsShownWithItsCodeAndMessageBesideTheAppliedOnes() throws Exception {
        // GIVEN a plan for billing and audit on orders, read from the service
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (Parallel parallel = new Parallel(4, quiet)) {
            Planner planner =
                    new Planner(client, emulator.projectId(), emulator.instanceId(), parallel, Clock.systemUTC());
            Strategy earliest = new Strategy(Strategy.Kind.TO_EARLIEST, Strategy.EARLIEST, "--to-earliest");
            Plan plan = planner.plan(new Scope(List.of("billing", "audit"), List.of("orders"), false), earliest);
            // AND audit deleted since, so the service refuses its reset
            deleteGroup("audit");

            // WHEN the plan is executed
            List<Outcome> outcomes =
                    new Executor(client, emulator.instanceId(), parallel).execute(plan.entries(), earliest);

            // THEN billing applied, audit was refused with the service's code and message
            assertThat(outcomes)
                    .extracting(Outcome::name, Outcome::status)
                    .containsExactly(
                            org.assertj.core.api.Assertions.tuple("billing/orders", Outcome.Status.APPLIED),
                            org.assertj.core.api.Assertions.tuple("audit/orders", Outcome.Status.REFUSED));
            Outcome refused = outcomes.get(1);
            assertThat(refused.errorCode()).isEqualTo("DMS.10240405");
            assertThat(refused.message()).isNotBlank().doesNotContain("Exception");
            assertThat(refused.queues()).extracting(Outcome.Change::before).containsExactly(5L, 5L);
            assertThat(refused.reconsumed()).isZero();
            assertThat(committed("billing", "orders")).containsExactly(0L, 0L);
            // AND the exit code is 3, and the report names both sides, the refusal with its code
            assertThat(ExitCode.of(outcomes)).isEqualTo(ExitCode.SOME_APPLIED);
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            new Report(Output.table, new PrintStream(text, true, StandardCharsets.UTF_8)).outcomes(plan, outcomes);
            assertThat(text.toString(StandardCharsets.UTF_8))
                    .contains("  billing/orders: applied")
                    .contains("  audit/orders: refused, DMS.10240405: " + refused.message())
                    .contains("Applied 1 of 2: billing/orders. Not applied: audit/orders (refused).")
                    .contains("In all: 10 message(s) to consume again, 0 skipped.");
            // AND a run where every reset is refused exits 1
            assertThat(ExitCode.of(List.of(refused))).isEqualTo(ExitCode.NOTHING_APPLIED);
        }
    }

    @Test
    void anOfflineGroupsOutcomeIsWhatTheServiceAnsweredAndTheWarningIsRepeated() {
        // GIVEN billing (online) and archive (no consumer online)
        // WHEN both are reset to the earliest offsets
        CliRun run =
                reset("--group", "billing", "--group", "archive", "--topic", "orders", "--to-earliest", "--execute");

        // THEN the plan's warning is repeated beside the outcomes
        assertThat(run.out()).contains("Warnings, read before the reset:\n  archive/orders: " + Planner.OFFLINE);
        assertThat(committed("billing", "orders")).containsExactly(0L, 0L);
        // AND archive's outcome is what the service answered: a server that refuses offline groups
        // (DMS.50050004) gives a refusal with its code and message and exit 3, one that does not, exit 0
        ReceivedReset answer = emulator.journal().resets("archive", "orders").get(0);
        if (answer.applied()) {
            assertThat(run.exit()).as(run.both()).isZero();
            assertThat(run.out())
                    .contains("  archive/orders: applied", "Applied 2 of 2: billing/orders, archive/orders.");
        } else {
            assertThat(run.exit()).as(run.both()).isEqualTo(ExitCode.SOME_APPLIED);
            assertThat(run.out())
                    .contains("  archive/orders: refused, " + answer.errorCode() + ": " + answer.errorMsg())
                    .contains("Applied 1 of 2: billing/orders. Not applied: archive/orders (refused).");
        }
    }

    private static void deleteGroup(String group) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/admin/instances/"
                                        + emulator.instanceId() + "/groups/" + group))
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 204);
    }
}
