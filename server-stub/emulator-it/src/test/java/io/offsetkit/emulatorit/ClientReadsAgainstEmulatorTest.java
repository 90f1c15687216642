package io.offsetkit.emulatorit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.offsetkit.client.ConsumerInfo;
import io.offsetkit.client.ConsumerProgress;
import io.offsetkit.client.ConsumersPage;
import io.offsetkit.client.GroupTopicsPage;
import io.offsetkit.client.OffsetkitApiException;
import io.offsetkit.client.OffsetkitClient;
import io.offsetkit.client.QueueOffset;
import io.offsetkit.client.QueueProgress;
import io.offsetkit.client.QueueStatus;
import io.offsetkit.client.ResetResult;
import io.offsetkit.client.Subscription;
import io.offsetkit.client.TopicStatus;
import io.offsetkit.client.auth.Credentials;
import io.offsetkit.server.auth.AuthMode;
import io.offsetkit.server.emulator.EmulatorOptions;
import io.offsetkit.server.emulator.junit.OffsetkitEmulatorExtension;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The offsetkit client's typed reads against the real server (the emulator from the standalone jar,
 * AK/SK-signed) on the data of {@code reads-fixture.yaml}: every value, paging, the typed errors, and
 * read, reset, read back.
 */
class ClientReadsAgainstEmulatorTest {

    static final long T0 = OfficialSdkReadsAgainstEmulatorTest.T0;

    @RegisterExtension
    static OffsetkitEmulatorExtension emulator = OffsetkitEmulatorExtension.newInstance()
            .options(EmulatorOptions.options()
                    .auth(AuthMode.AKSK)
                    .fixture("classpath:io/offsetkit/emulatorit/reads-fixture.yaml"))
            .build();

    private static OffsetkitClient client() {
        return OffsetkitClient.builder()
                .endpoint(emulator.baseUrl())
                .projectId(emulator.projectId())
                .credentials(Credentials.akSk(emulator.accessKey(), emulator.secretKey()))
                .build();
    }

    @Test
    void topicStatusIsTyped() {
        TopicStatus status = client().topicStatus(emulator.instanceId(), "orders");

        assertThat(status.queues())
                .containsExactly(
                        new QueueStatus("broker-1", 0, 0, 3, T0 + 2000),
                        new QueueStatus("broker-2", 0, 0, 2, T0 + 1500));
        assertThat(status.minOffset()).isZero();
        assertThat(status.maxOffset()).isEqualTo(5);
        assertThat(status.requestId()).isNotBlank();
    }

    @Test
    void groupTopicsAndProgressAreTyped() {
        GroupTopicsPage topics = client().groupTopics(emulator.instanceId(), "billing", 10, 0);
        ConsumerProgress progress = client().groupProgress(emulator.instanceId(), "billing", "orders");

        assertThat(topics.topics()).containsExactly("orders");
        assertThat(topics.total()).isEqualTo(1);
        assertThat(topics.hasNext()).isFalse();
        assertThat(client().allGroupTopics(emulator.instanceId(), "billing")).containsExactly("orders");
        assertThat(progress.queues())
                .containsExactly(
                        new QueueProgress("broker-1", 0, 3, 1, 2, T0 + 2000),
                        new QueueProgress("broker-2", 0, 2, 0, 2, T0 + 1500));
        assertThat(progress.lag()).isEqualTo(4);
        assertThat(progress.maxOffset()).isEqualTo(5);
        assertThat(progress.consumerOffset()).isEqualTo(1);
    }

    @Test
    void readResetReadBack() {
        // GIVEN where billing stands on orders
        ConsumerProgress before = client().groupProgress(emulator.instanceId(), "billing", "orders");
        assertThat(before.consumerOffsets())
                .containsExactly(new QueueOffset("broker-1", 0, 1), new QueueOffset("broker-2", 0, 0));

        // WHEN it is reset to T0 + 1 s
        ResetResult reset =
                client().resetToTime(emulator.instanceId(), "billing", "orders", Instant.ofEpochMilli(T0 + 1000));

        // THEN the read back gives, queue for queue, the offsets the reset answered
        ConsumerProgress after = client().groupProgress(emulator.instanceId(), "billing", "orders");
        assertThat(reset.queues())
                .containsExactly(new QueueOffset("broker-1", 0, 1), new QueueOffset("broker-2", 0, 1));
        assertThat(after.consumerOffsets()).isEqualTo(reset.queues());
        assertThat(after.lag()).isEqualTo(3);
    }

    @Test
    void consumersArePagedAndTyped() {
        ConsumersPage all = client().consumers(emulator.instanceId(), "billing", 50, 0, true);
        ConsumersPage first = client().consumers(emulator.instanceId(), "billing", 1, 0, false);
        ConsumersPage second = client().consumers(emulator.instanceId(), "billing", 1, first.nextOffset(), false);
        ConsumersPage offline = client().consumers(emulator.instanceId(), "group_01", 10, 0, false);

        assertThat(all.online()).isTrue();
        assertThat(all.total()).isEqualTo(2);
        assertThat(all.consumers())
                .containsExactlyInAnyOrder(
                        new ConsumerInfo(
                                "10.0.0.1@4711#1",
                                "10.0.0.1:50001",
                                "JAVA",
                                "V5_3_1",
                                List.of(new Subscription("orders", "TAG", "*"))),
                        new ConsumerInfo(
                                "10.0.0.2@4712#2",
                                "10.0.0.2:50002",
                                "JAVA",
                                "V5_3_1",
                                List.of(new Subscription("orders", "TAG", "*"))));
        assertThat(first.hasNext()).isTrue();
        assertThat(second.hasNext()).isFalse();
        assertThat(second.previousOffset()).isZero();
        assertThat(List.of(
                        first.consumers().get(0).clientId(),
                        second.consumers().get(0).clientId()))
                .containsExactlyInAnyOrder("10.0.0.1@4711#1", "10.0.0.2@4712#2");
        assertThat(first.consumers().get(0).subscriptions()).isEmpty();
        assertThat(offline.online()).isFalse();
        assertThat(offline.consumers()).isEmpty();
    }

    @Test
    void theReadsErrorsAreTyped() {
        OffsetkitApiException neverCommitted = catchThrowableOfType(
                OffsetkitApiException.class, () -> client().groupProgress(emulator.instanceId(), "group_01", "orders"));
        OffsetkitApiException unknownTopic = catchThrowableOfType(
                OffsetkitApiException.class, () -> client().topicStatus(emulator.instanceId(), "nope"));
        OffsetkitApiException unknownInstance = catchThrowableOfType(
                OffsetkitApiException.class, () -> client().topicStatus("no-such-instance", "orders"));

        assertThat(neverCommitted.httpStatus()).isEqualTo(404);
        assertThat(neverCommitted.hasErrorCode("DMS.10240405")).isTrue();
        assertThat(unknownTopic.httpStatus()).isEqualTo(400);
        assertThat(unknownTopic.errorCode()).contains("DMS.00400876");
        assertThat(unknownInstance.httpStatus()).isEqualTo(404);
        assertThat(unknownInstance.errorCode()).contains("DMS.00404022");
        assertThat(unknownInstance.requestId()).isPresent();
    }
}
