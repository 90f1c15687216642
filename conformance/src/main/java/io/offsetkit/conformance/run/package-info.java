/**
 * One run of the kit: {@link io.offsetkit.conformance.run.ConformanceKit} checks every rule of a
 * {@link io.offsetkit.conformance.run.KitConfig} into a {@link io.offsetkit.conformance.run.KitReport}.
 */
package io.offsetkit.conformance.run;
