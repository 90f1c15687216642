/**
 * The offsetkit conformance kit: rules derived from the vendor's documentation and the contract,
 * checked against any implementation of the reset-consumer-offset API, given its base URL. The
 * catalogue is {@link io.offsetkit.conformance.rules.Rule}; a run is {@link
 * io.offsetkit.conformance.run.ConformanceKit}; the command line is {@link
 * io.offsetkit.conformance.cli.Main}; the JUnit base class is {@link
 * io.offsetkit.conformance.junit.ResetConsumeOffsetVerification}.
 */
package io.offsetkit.conformance;
