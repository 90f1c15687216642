package io.offsetkit.server.emulator;

import io.offsetkit.server.fault.AppliedFault;
import io.offsetkit.server.fault.FaultSpec;
import io.offsetkit.server.fault.Faults;
import io.offsetkit.server.fault.InvalidFaultException;
import io.offsetkit.server.fault.SetFault;
import java.util.List;

/**
 * The faults on demand of one emulator, for an app's error paths: its calls get documented errors,
 * delays, connection resets, empty answers, malformed bodies or partial resets, once, N times or
 * with a probability, then are served healthy again.
 *
 * <pre>{@code
 * emulator.faults().set(FaultSpec.on("resetConsumeOffset").error("DMS.00500000").once());
 * emulator.faults().set(FaultSpec.on("showTopicStatus").topic("orders").delay(Duration.ofSeconds(3)));
 * emulator.faults().journal(); // which call got which fault
 * }</pre>
 *
 * The same faults as the admin API's {@code /admin/faults}, over the same {@link Faults}: a fault set
 * one way is listed and removed the other way. {@link OffsetkitEmulator#reset()} removes them all
 * and empties their journal. Thread-safe; each emulator has its own.
 */
public final class EmulatorFaults {

    private final Faults faults;

    EmulatorFaults(Faults faults) {
        this.faults = faults;
    }

    /**
     * Sets a fault, after those set already (a call gets the first that matches).
     *
     * @return the fault as set, with its id
     * @throws InvalidFaultException naming the field, when the fault is wrong (an unknown operation
     *     or error code, a negative delay, a probability outside 0 to 1, ...): nothing is set then
     */
    public SetFault set(FaultSpec.Builder fault) {
        return set(fault.build());
    }

    /** Sets a fault built already. */
    public SetFault set(FaultSpec fault) {
        return faults.add(fault);
    }

    /** Every fault set, in the order set, with how many calls got it and how many more will. */
    public List<SetFault> list() {
        return faults.list();
    }

    /** Removes one fault by its id; false when there is none of that id. */
    public boolean remove(String id) {
        return faults.remove(id);
    }

    /** Removes every fault and empties the journal, as {@link OffsetkitEmulator#reset()} does. */
    public void clear() {
        faults.clear();
    }

    /** The calls that got a fault, oldest first, with the fault each got. */
    public List<AppliedFault> journal() {
        return faults.journal();
    }
}
