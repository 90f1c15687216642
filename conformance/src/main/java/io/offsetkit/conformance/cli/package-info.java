/**
 * The command line of the runnable jar: {@link io.offsetkit.conformance.cli.Main}, its arguments, and
 * the reference server it can launch.
 */
package io.offsetkit.conformance.cli;
