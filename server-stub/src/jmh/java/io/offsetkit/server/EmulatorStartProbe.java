package io.offsetkit.server;

import io.offsetkit.server.InProcessStartBenchmark.ExampleClient;
import io.offsetkit.server.emulator.OffsetkitEmulator;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * {@link EmulatorStartBenchmark}'s first start without JMH, with the CPU time it takes: in a fresh
 * JVM, the same warmed socket client, then {@code new OffsetkitEmulator().start()} (or a bare Jetty
 * handler, {@code bare}) up to the documented example's 200; prints the wall time and the process's
 * CPU time (user + system, every thread's, the JIT's and the GC's too) over that window, then the
 * median of 20 later starts after 20. The CPU time is what a loaded machine changes least: on a
 * machine whose cores other processes share, the wall time of a start whose parts run side by side
 * grows with the load, its CPU time much less.
 *
 * <pre>
 * java -Doffsetkit.emulator.transport=jdk -Dsun.net.httpserver.nodelay=true -cp CLASSPATH io.offsetkit.server.EmulatorStartProbe
 * java -Doffsetkit.emulator.transport=jetty -cp CLASSPATH io.offsetkit.server.EmulatorStartProbe
 * java -cp CLASSPATH io.offsetkit.server.EmulatorStartProbe bare
 * </pre>
 */
public final class EmulatorStartProbe {

    private EmulatorStartProbe() {}

    public static void main(String[] args) throws Exception {
        boolean bare = args.length > 0 && args[0].equals("bare");
        // As in a JMH fork, whose harness is loaded from a jar near the class path's end before the
        // benchmark runs: the class path's jars are opened before the measure, not in it.
        Class.forName("org.openjdk.jmh.runner.ForkedMain");
        ExampleClient client = InProcessStartBenchmark.warmedClient();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        AutoCloseable first = startAndAsk(bare, client);
        long firstWall = System.nanoTime() - wall;
        long firstCpu = os.getProcessCpuTime() - cpu;
        first.close();
        List<Double> later = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long started = System.nanoTime();
            AutoCloseable server = startAndAsk(bare, client);
            if (i >= 20) {
                later.add((System.nanoTime() - started) / 1e6);
            }
            server.close();
        }
        Collections.sort(later);
        System.out.printf(
                "%s: first start %.1f ms wall, %.1f ms CPU; later starts median %.2f ms%n",
                bare ? "bare Jetty" : "emulator on " + System.getProperty(OffsetkitEmulator.TRANSPORT_PROPERTY, "default"),
                firstWall / 1e6,
                firstCpu / 1e6,
                later.get(later.size() / 2));
        System.exit(0);
    }

    private static AutoCloseable startAndAsk(boolean bare, ExampleClient client) throws Exception {
        if (bare) {
            Server server = BareJettyHandler.start(0);
            client.post(((ServerConnector) server.getConnectors()[0]).getLocalPort());
            return server::stop;
        }
        OffsetkitEmulator emulator = new OffsetkitEmulator().start();
        client.post(emulator.port());
        return emulator;
    }
}
