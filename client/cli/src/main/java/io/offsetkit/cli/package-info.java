/**
 * {@code offsetkit reset}, the operator's command line ({@code offsetkit-cli.jar}), on the Java
 * client and the contract's operations only.
 *
 * <p>The run: {@link io.offsetkit.cli.ResetCommand} reads the options (bad input is a {@link
 * io.offsetkit.cli.BadInputException}, exit 2, before anything is read); {@link
 * io.offsetkit.cli.Planner} reads a {@link io.offsetkit.cli.Plan} with the read operations; with
 * {@code --from-plan}, {@link io.offsetkit.cli.DriftGuard} compares the saved plan with the offsets
 * now; {@link io.offsetkit.cli.Executor} resets and reads back, and {@link
 * io.offsetkit.cli.OutcomeJudge} judges each group and topic; {@link io.offsetkit.cli.Report} writes
 * it all as a table, JSON or CSV. Requests run in parallel within a bound ({@link
 * io.offsetkit.cli.Parallel}).
 */
package io.offsetkit.cli;
