package io.offsetkit.cli;

import io.offsetkit.client.OffsetkitClient;
import io.offsetkit.client.auth.Credentials;
import io.offsetkit.server.emulator.CommittedOffset;
import io.offsetkit.server.emulator.EmulatorOptions;
import io.offsetkit.server.emulator.OffsetkitEmulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The command against the reference server's emulator, in-process on loopback, over the default
 * fixture (brokers broker-1 and broker-2) plus the data of these tests:
 *
 * <ul>
 *   <li>topic {@code orders}, one queue on each broker, ten messages each, one a minute from {@link
 *       #T0} (offsets 0 to 9; the message at offset {@code n} stored at {@code T0 + n} minutes);
 *   <li>topic {@code recent}, one queue on each broker, messages 50, 40, 20 and 10 minutes before the
 *       emulator started (offsets 0 to 3);
 *   <li>groups {@code billing} and {@code audit}, each with a consumer online; group {@code
 *       archive}, no consumer (offline) and no offset;
 * </ul>
 *
 * and before each test, {@code billing} and {@code audit} committed at offset 5 on both queues of
 * {@code orders} (a reset to {@code T0 + 5 min}), and at the latest on {@code recent}.
 */
abstract class EmulatorCliTest {

    static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");
    static final Instant STARTED = Instant.now();

    static OffsetkitEmulator emulator;
    static OffsetkitClient client;

    @BeforeAll
    static void startEmulator() {
        emulator = new OffsetkitEmulator(EmulatorOptions.options().withData(start -> {
                    start.instance().groups("billing", "audit", "archive");
                    for (String broker : List.of("broker-1", "broker-2")) {
                        long[] times = new long[10];
                        for (int i = 0; i < times.length; i++) {
                            times[i] = T0.plusSeconds(60L * i).toEpochMilli();
                        }
                        start.instance().topic("orders", 1).messages(broker, 0, times);
                        start.instance()
                                .topic("recent", 1)
                                .messages(
                                        broker,
                                        0,
                                        minutesBefore(50),
                                        minutesBefore(40),
                                        minutesBefore(20),
                                        minutesBefore(10));
                    }
                    start.consumer("billing", "10.0.0.5@4711#1").subscribe("orders", "*");
                    start.consumer("audit", "10.0.0.6@4712#1").subscribe("orders", "*");
                }))
                .start();
        client = OffsetkitClient.builder()
                .endpoint(emulator.baseUrl())
                .projectId(emulator.projectId())
                .credentials(Credentials.none())
                .build();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void commitStartingOffsets() {
        emulator.reset();
        for (String group : List.of("billing", "audit")) {
            client.resetToTime(emulator.instanceId(), group, "orders", T0.plusSeconds(300));
            client.resetToLatest(emulator.instanceId(), group, "recent");
        }
    }

    static long minutesBefore(int minutes) {
        return STARTED.minusSeconds(60L * minutes).toEpochMilli();
    }

    /** Runs {@code reset} with the emulator's connection options and {@code args}, no credentials. */
    static CliRun reset(String... args) {
        return run(Map.of(), args);
    }

    static CliRun run(Map<String, String> environment, String... args) {
        List<String> all = new ArrayList<>(List.of(
                "reset",
                "--endpoint",
                emulator.baseUrl(),
                "--project-id",
                emulator.projectId(),
                "--instance-id",
                emulator.instanceId()));
        all.addAll(Arrays.asList(args));
        return CliRun.of(environment, all);
    }

    /** The group's committed offset on each queue of the topic, broker-1's then broker-2's. */
    static List<Long> committed(String group, String topic) {
        return emulator.instance().committedOffsets(group, topic).stream()
                .map(CommittedOffset::offset)
                .toList();
    }

    /** How many resets the emulator received (this class's own setup included). */
    static int resetsReceived() {
        return emulator.journal().size();
    }
}
