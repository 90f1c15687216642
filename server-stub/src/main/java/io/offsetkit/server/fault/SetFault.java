package io.offsetkit.server.fault;

/**
 * A fault as set, at one moment: its id, what it is, and how far it got.
 *
 * @param id its id ({@code fault-1}, ...), unique in its {@link Faults}, for removing it
 * @param spec what it matches and does
 * @param applied how many calls got it so far
 * @param remaining how many more calls it applies to, or null when it applies until removed; {@code
 *     0} once it is used up (the operation is healthy again)
 */
public record SetFault(String id, FaultSpec spec, long applied, Integer remaining) {}
