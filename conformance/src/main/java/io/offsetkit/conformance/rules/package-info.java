/**
 * The rule catalogue: {@link io.offsetkit.conformance.rules.Rule} names every rule with its id,
 * level, family, source and meaning; {@link io.offsetkit.conformance.rules.Capability} names what a
 * rule may need from the implementer.
 */
package io.offsetkit.conformance.rules;
