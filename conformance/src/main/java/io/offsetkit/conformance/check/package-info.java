/**
 * How each rule is checked against a target: one class per family, {@link
 * io.offsetkit.conformance.check.RuleChecks} mapping every rule to its check, and {@link
 * io.offsetkit.conformance.check.KitContext} holding the probes several rules share. A check either
 * returns (the rule holds), throws {@link io.offsetkit.conformance.check.RuleFailure} (it does not,
 * with the exchanges that show it) or {@link io.offsetkit.conformance.check.RuleSkipped}.
 */
package io.offsetkit.conformance.check;
