package io.offsetkit.server.emulator;

import io.offsetkit.server.auth.AuthMode;
import java.io.IOException;
import java.io.InputStream;

/**
 * An emulator in a process of its own, for the conformance kit's run against it (the kit's module
 * starts it on the server's standalone jar, whose third-party packages are relocated, so this class
 * uses the emulator's public API alone). Arguments: the AK and SK it accepts (AK/SK authentication).
 * It prints one line, {@code <base URL> <project id> <instance id>}, once it answers, and stops when
 * its standard input closes. The transport is the one the JVM's system properties choose.
 */
public final class EmulatorProcessMain {

    private EmulatorProcessMain() {}

    public static void main(String[] args) throws IOException {
        try (OffsetkitEmulator emulator = new OffsetkitEmulator(
                        EmulatorOptions.options().auth(AuthMode.AKSK).credentials(args[0], args[1]))
                .start()) {
            System.out.println(emulator.baseUrl() + " " + emulator.projectId() + " " + emulator.instanceId());
            System.out.flush();
            InputStream in = System.in;
            while (in.read() != -1) {
                // the parent holds standard input open while it runs the kit
            }
        }
    }
}
