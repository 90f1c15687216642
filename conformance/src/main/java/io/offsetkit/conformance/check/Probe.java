package io.offsetkit.conformance.check;

import java.util.Objects;

/**
 * Something several rules judge that the kit sends once per run and remembers in {@link
 * KitContext}: a request's exchange, a batch of them, or a scenario built through the fixture. The
 * key of the context's cache, typed with what it holds.
 *
 * <p>Two probes are the same only when they are the same object (equality is identity): two checks
 * that happen to choose the same name still get their own answers, and what a probe holds is always
 * of its type, because {@link KitContext#once} is the only way in and takes a value of that type.
 * Declare each probe once, as a constant, where its checks are.
 *
 * @param <T> what the probe remembers
 */
final class Probe<T> {

    private final String name;

    /** @param name what the probe is, for people reading a debugger or a log; need not be unique */
    Probe(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return "Probe[" + name + "]";
    }
}
