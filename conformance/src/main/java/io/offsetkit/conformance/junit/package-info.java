/**
 * The kit as JUnit 5 tests: {@link io.offsetkit.conformance.junit.ResetConsumeOffsetVerification},
 * the base class a vendor's test extends.
 */
package io.offsetkit.conformance.junit;
