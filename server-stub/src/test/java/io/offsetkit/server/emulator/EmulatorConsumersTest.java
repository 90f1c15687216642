package io.offsetkit.server.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.offsetkit.server.backend.ConsumerConnection;
import io.offsetkit.server.store.GroupConsumer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A group's consumers in the emulator's DSL: declared at the call, kept across a restart, restored by reset(). */
class EmulatorConsumersTest {

    static final String DOCUMENTED_CLIENT = "192.168.0.10@4711#1662652800000";

    @TempDir
    Path dir;

    @Test
    void theBundledFixtureHasEveryGroupOnlineAndGroup02HasAnOfflineConsumerToo() {
        try (OffsetkitEmulator emulator = new OffsetkitEmulator(EmulatorOptions.options()).start()) {
            assertThat(emulator.instance().consumers("group_01"))
                    .containsExactly(new GroupConsumer(
                            DOCUMENTED_CLIENT,
                            "192.168.0.10:53412",
                            "JAVA",
                            "V5_3_1",
                            true,
                            List.of(new ConsumerConnection.Subscription("topic_01", "TAG", "*"))));
            assertThat(emulator.instance().consumers("group_02"))
                    .extracting(GroupConsumer::clientId, GroupConsumer::online)
                    .containsExactly(
                            tuple("192.168.0.11@4712#1662652800000", true),
                            tuple("192.168.0.12@4713#1662652800000", false));
        }
    }

    @Test
    void aConsumerIsDeclaredWithDefaultsAndChangedCallByCall() {
        try (OffsetkitEmulator emulator =
                new OffsetkitEmulator(EmulatorOptions.options().withoutFixture()).start()) {
            EmulatorInstance instance = emulator.putInstance("i", "p", "b").groups("billing");

            // WHEN a consumer is declared, then given an address, a language and two subscriptions
            EmulatorConsumer consumer = instance.consumer("billing", "10.0.0.5@4711#1");
            assertThat(consumer.state())
                    .isEqualTo(new GroupConsumer("10.0.0.5@4711#1", "127.0.0.1:0", "JAVA", "V5_3_1", true, List.of()));
            consumer.address("10.0.0.5:53412")
                    .language("GO")
                    .version("V5_1_0")
                    .subscribe("orders", "*")
                    .subscribeSql92("refunds", "amount > 100");

            // THEN the store declares it so, online
            assertThat(instance.consumers("billing"))
                    .containsExactly(new GroupConsumer(
                            "10.0.0.5@4711#1",
                            "10.0.0.5:53412",
                            "GO",
                            "V5_1_0",
                            true,
                            List.of(
                                    new ConsumerConnection.Subscription("orders", "TAG", "*"),
                                    new ConsumerConnection.Subscription("refunds", "SQL92", "amount > 100"))));

            // WHEN it goes offline, and the same client id is asked for again
            consumer.offline();
            EmulatorConsumer again = instance.consumer("billing", "10.0.0.5@4711#1");

            // THEN it is the same consumer, offline, not a fresh one
            assertThat(again.state().online()).isFalse();
            assertThat(again.state().subscriptions()).hasSize(2);
            again.online();
            assertThat(consumer.state().online()).isTrue();

            // AND the group can be left with no consumer at all
            instance.withoutConsumers("billing");
            assertThat(instance.consumers("billing")).isEmpty();
        }
    }

    @Test
    void aBadConsumerFailsAtTheCallWithTheAdminApisCodeAndWords() {
        try (OffsetkitEmulator emulator = new OffsetkitEmulator(EmulatorOptions.options()).start()) {
            EmulatorFixtureException badId = catchThrowableOfType(
                    EmulatorFixtureException.class, () -> emulator.consumer("group_01", "has space"));
            EmulatorFixtureException badType = catchThrowableOfType(
                    EmulatorFixtureException.class,
                    () -> emulator.consumer("group_01", DOCUMENTED_CLIENT).subscribe("bad topic", "*"));
            EmulatorFixtureException noGroup =
                    catchThrowableOfType(EmulatorFixtureException.class, () -> emulator.consumer("nope", "a@1"));

            assertThat(badId.errorCode()).isEqualTo("DMS.00400800");
            assertThat(badId.getMessage())
                    .contains("consumers[0].client_id 'has space' has a character outside visible ASCII characters");
            assertThat(badType.getMessage()).contains("consumers[0].subscriptions[1].topic 'bad topic'");
            assertThat(noGroup.errorCode()).isEqualTo("DMS.10240405");
            // AND nothing changed
            assertThat(emulator.instance().consumers("group_01"))
                    .singleElement()
                    .satisfies(consumer -> assertThat(consumer.subscriptions()).hasSize(1));
        }
    }

    @Test
    void resetRestoresTheStartingConsumersInMemoryAndInADirectory() {
        for (EmulatorOptions options :
                List.of(EmulatorOptions.options(), EmulatorOptions.options().dataDirectory(dir.resolve("data")))) {
            // GIVEN an emulator whose starting state adds a consumer in withData
            try (OffsetkitEmulator emulator =
                    new OffsetkitEmulator(options.withData(start -> start.consumer("group_02", "extra@1"))).start()) {
                emulator.consumer("group_01", DOCUMENTED_CLIENT).offline();
                emulator.consumer("group_01", "later@2");
                emulator.instance().withoutConsumers("group_02");

                // WHEN it is reset
                emulator.reset();

                // THEN the consumers are those it started with
                assertThat(emulator.instance().consumers("group_01"))
                        .extracting(GroupConsumer::clientId, GroupConsumer::online)
                        .containsExactly(tuple(DOCUMENTED_CLIENT, true));
                assertThat(emulator.instance().consumers("group_02"))
                        .extracting(GroupConsumer::clientId, GroupConsumer::online)
                        .containsExactly(
                                tuple("192.168.0.11@4712#1662652800000", true),
                                tuple("192.168.0.12@4713#1662652800000", false),
                                tuple("extra@1", true));
            }
        }
    }

    @Test
    void consumersDeclaredInADataDirectorySurviveARestart() {
        Path data = dir.resolve("kept");
        // GIVEN a consumer set offline and another declared, in an emulator over a directory, then closed
        try (OffsetkitEmulator emulator =
                new OffsetkitEmulator(EmulatorOptions.options().dataDirectory(data)).start()) {
            emulator.consumer("group_01", DOCUMENTED_CLIENT).offline();
            emulator.consumer("group_01", "later@2").subscribe("topic_02", "a || b");
        }

        // WHEN an emulator starts again on the directory
        try (OffsetkitEmulator emulator =
                new OffsetkitEmulator(EmulatorOptions.options().dataDirectory(data)).start()) {
            // THEN the consumers are as they were left
            assertThat(emulator.instance().consumers("group_01"))
                    .extracting(GroupConsumer::clientId, GroupConsumer::online)
                    .containsExactly(tuple(DOCUMENTED_CLIENT, false), tuple("later@2", true));
            assertThat(emulator.consumer("group_01", "later@2").state().subscriptions())
                    .containsExactly(new ConsumerConnection.Subscription("topic_02", "TAG", "a || b"));
        }
    }
}
