package io.offsetkit.emulatorit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.rocketmq.v2.RocketMQClient;
import com.huaweicloud.sdk.rocketmq.v2.model.Brokers;
import com.huaweicloud.sdk.rocketmq.v2.model.ClientData;
import com.huaweicloud.sdk.rocketmq.v2.model.Queue;
import com.huaweicloud.sdk.rocketmq.v2.model.ResetConsumeOffsetReq;
import com.huaweicloud.sdk.rocketmq.v2.model.ResetConsumeOffsetRequest;
import com.huaweicloud.sdk.rocketmq.v2.model.ResetConsumeOffsetRespQueues;
import com.huaweicloud.sdk.rocketmq.v2.model.ResetConsumeOffsetResponse;
import com.huaweicloud.sdk.rocketmq.v2.model.ShowConsumerConnectionsRequest;
import com.huaweicloud.sdk.rocketmq.v2.model.ShowConsumerConnectionsResponse;
import com.huaweicloud.sdk.rocketmq.v2.model.ShowConsumerListOrDetailsRequest;
import com.huaweicloud.sdk.rocketmq.v2.model.ShowConsumerListOrDetailsResponse;
import com.huaweicloud.sdk.rocketmq.v2.model.ShowTopicStatusRequest;
import com.huaweicloud.sdk.rocketmq.v2.model.ShowTopicStatusRespBrokers;
import com.huaweicloud.sdk.rocketmq.v2.model.ShowTopicStatusRespQueues;
import com.huaweicloud.sdk.rocketmq.v2.model.ShowTopicStatusResponse;
import com.huaweicloud.sdk.rocketmq.v2.model.Subscription;
import io.offsetkit.server.auth.AuthMode;
import io.offsetkit.server.emulator.CommittedOffset;
import io.offsetkit.server.emulator.EmulatorOptions;
import io.offsetkit.server.emulator.junit.OffsetkitEmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official Huawei Cloud SDK 3.1.143's three reads, unmodified and AK/SK-signed (the query in the
 * canonical request, a {@code Content-Type} on each GET), against the extension from the standalone
 * jar, on the data of {@code reads-fixture.yaml}: every value of every answer, then read, reset and
 * read back through the SDK alone.
 */
class OfficialSdkReadsAgainstEmulatorTest {

    static final long T0 = 1767607200000L;

    @RegisterExtension
    static OffsetkitEmulatorExtension emulator = OffsetkitEmulatorExtension.newInstance()
            .options(EmulatorOptions.options()
                    .auth(AuthMode.AKSK)
                    .fixture("classpath:io/offsetkit/emulatorit/reads-fixture.yaml"))
            .build();

    @Test
    void topicStatusIsEveryQueuesOffsetsAndLastMessageTimeWithTheSums() {
        // WHEN the SDK reads the status of orders (3 messages on broker-1, 2 on broker-2)
        ShowTopicStatusResponse status = client().showTopicStatus(new ShowTopicStatusRequest()
                .withInstanceId(emulator.instanceId())
                .withTopic("orders"));

        // THEN each queue's offsets and last message time, brokers sorted, and the sums
        assertThat(status.getHttpStatusCode()).isEqualTo(200);
        assertThat(status.getMinOffset()).isZero();
        assertThat(status.getMaxOffset()).isEqualTo(5);
        assertThat(status.getBrokers())
                .extracting(ShowTopicStatusRespBrokers::getBrokerName)
                .containsExactly("broker-1", "broker-2");
        assertThat(statusQueues(status))
                .containsExactly(tuple("broker-1", 0, 0, 3, T0 + 2000), tuple("broker-2", 0, 0, 2, T0 + 1500));
        // AND they are the emulator's own numbers, from the same store
        assertThat(emulator.instance().committedOffsets("billing", "orders"))
                .extracting(CommittedOffset::brokerName, CommittedOffset::minOffset, CommittedOffset::maxOffset)
                .containsExactly(tuple("broker-1", 0L, 3L), tuple("broker-2", 0L, 2L));
    }

    @Test
    void topicStatusOfAnEmptyQueueIsZeroesAndOfAnUnknownTopicTheDocumented400() {
        // WHEN the SDK reads a topic with one empty queue, then a topic that does not exist
        ShowTopicStatusResponse audit = client().showTopicStatus(new ShowTopicStatusRequest()
                .withInstanceId(emulator.instanceId())
                .withTopic("audit"));
        ClientRequestException unknown = catchThrowableOfType(
                ClientRequestException.class,
                () -> client().showTopicStatus(new ShowTopicStatusRequest()
                        .withInstanceId(emulator.instanceId())
                        .withTopic("nope")));

        // THEN the empty queue has offsets 0 and last message time 0, and the unknown topic is DMS.00400876
        assertThat(statusQueues(audit)).containsExactly(tuple("broker-1", 0, 0, 0, 0L));
        assertThat(unknown.getHttpStatusCode()).isEqualTo(400);
        assertThat(unknown.getErrorCode()).isEqualTo("DMS.00400876");
        assertThat(unknown.getRequestId()).isNotBlank();
    }

    @Test
    void theGroupsTopicsArePagedAndAGroupWithNoneHasNone() {
        // WHEN the SDK lists billing's topics, then group_01's (which never committed), then an unknown group's
        ShowConsumerListOrDetailsResponse billing = client().showConsumerListOrDetails(
                        new ShowConsumerListOrDetailsRequest()
                                .withInstanceId(emulator.instanceId())
                                .withGroup("billing"));
        ShowConsumerListOrDetailsResponse none = client().showConsumerListOrDetails(
                        new ShowConsumerListOrDetailsRequest()
                                .withInstanceId(emulator.instanceId())
                                .withGroup("group_01"));
        ClientRequestException unknown = catchThrowableOfType(
                ClientRequestException.class,
                () -> client().showConsumerListOrDetails(new ShowConsumerListOrDetailsRequest()
                        .withInstanceId(emulator.instanceId())
                        .withGroup("no_such_group")));

        // THEN billing has orders, group_01 nothing, and the unknown group is the documented 404
        assertThat(billing.getTopics()).containsExactly("orders");
        assertThat(billing.getTotal()).isEqualTo(1);
        assertThat(billing.getBrokers()).isNullOrEmpty();
        assertThat(none.getTopics()).isEmpty();
        assertThat(none.getTotal()).isZero();
        assertThat(unknown.getHttpStatusCode()).isEqualTo(404);
        assertThat(unknown.getErrorCode()).isEqualTo("DMS.10240405");
    }

    @Test
    void theGroupsProgressIsEveryQueuesOffsetsAndLag() {
        // WHEN the SDK reads billing's progress on orders (committed 1 on broker-1, 0 on broker-2)
        ShowConsumerListOrDetailsResponse progress = progress("billing", "orders");

        // THEN per queue broker offset, consumer offset, lag and last message time, and the sums
        assertThat(progress.getHttpStatusCode()).isEqualTo(200);
        assertThat(progress.getLag()).isEqualTo(4L);
        assertThat(progress.getMaxOffset()).isEqualTo(5L);
        assertThat(progress.getConsumerOffset()).isEqualTo(1L);
        assertThat(progress.getTopics()).isNullOrEmpty();
        assertThat(progressQueues(progress))
                .containsExactly(
                        tuple("broker-1", 0, 3L, 1L, 2L, T0 + 2000), tuple("broker-2", 0, 2L, 0L, 2L, T0 + 1500));
        // AND they are the emulator's committedOffsets, from the same source
        assertThat(emulator.instance().committedOffsets("billing", "orders"))
                .extracting(
                        CommittedOffset::brokerName,
                        CommittedOffset::queueId,
                        CommittedOffset::maxOffset,
                        CommittedOffset::offset)
                .containsExactly(tuple("broker-1", 0, 3L, 1L), tuple("broker-2", 0, 2L, 0L));
    }

    @Test
    void theProgressOfAGroupThatNeverCommittedOnTheTopicIsTheDocumented404() {
        ClientRequestException never =
                catchThrowableOfType(ClientRequestException.class, () -> progress("group_01", "orders"));

        assertThat(never.getHttpStatusCode()).isEqualTo(404);
        assertThat(never.getErrorCode()).isEqualTo("DMS.10240405");
        assertThat(never.getErrorMsg()).contains("group_01").contains("orders");
    }

    @Test
    void readResetReadBackThroughTheSdkAlone() {
        // GIVEN billing's offsets on orders, read through the SDK: 1 and 0
        assertThat(progressQueues(progress("billing", "orders")))
                .extracting(row -> row.toList().get(3))
                .containsExactly(1L, 0L);

        // WHEN the SDK resets billing on orders to T0 + 1 s
        ResetConsumeOffsetResponse reset = client().resetConsumeOffset(new ResetConsumeOffsetRequest()
                .withEngine(ResetConsumeOffsetRequest.EngineEnum.RELIABILITY)
                .withInstanceId(emulator.instanceId())
                .withGroupId("billing")
                .withBody(new ResetConsumeOffsetReq().withTopic("orders").withTimestamp(String.valueOf(T0 + 1000))));

        // THEN the reset answered the first message at or after T0 + 1 s on each queue
        assertThat(reset.getQueues())
                .extracting(
                        ResetConsumeOffsetRespQueues::getBrokerName,
                        ResetConsumeOffsetRespQueues::getQueueId,
                        ResetConsumeOffsetRespQueues::getTimestampOffset)
                .containsExactly(tuple("broker-1", 0, 1L), tuple("broker-2", 0, 1L));
        // AND the SDK reads back, queue for queue, the offsets the reset answered, and the lag that follows
        ShowConsumerListOrDetailsResponse after = progress("billing", "orders");
        assertThat(progressQueues(after))
                .containsExactly(
                        tuple("broker-1", 0, 3L, 1L, 2L, T0 + 2000), tuple("broker-2", 0, 2L, 1L, 1L, T0 + 1500));
        assertThat(after.getLag()).isEqualTo(3L);
        assertThat(after.getConsumerOffset()).isEqualTo(2L);

        // WHEN it resets to the latest offsets (-1)
        client().resetConsumeOffset(new ResetConsumeOffsetRequest()
                .withEngine(ResetConsumeOffsetRequest.EngineEnum.RELIABILITY)
                .withInstanceId(emulator.instanceId())
                .withGroupId("billing")
                .withBody(new ResetConsumeOffsetReq().withTopic("orders").withTimestamp("-1")));

        // THEN the read back shows no lag, and each consumer offset is the topic status' max offset
        ShowConsumerListOrDetailsResponse latest = progress("billing", "orders");
        ShowTopicStatusResponse status = client().showTopicStatus(new ShowTopicStatusRequest()
                .withInstanceId(emulator.instanceId())
                .withTopic("orders"));
        assertThat(latest.getLag()).isZero();
        assertThat(latest.getConsumerOffset()).isEqualTo(status.getMaxOffset().longValue());
        assertThat(progressQueues(latest))
                .extracting(row -> row.toList().get(3))
                .containsExactlyElementsOf(statusQueues(status).stream()
                        .map(row -> ((Integer) row.toList().get(3)).longValue())
                        .toList());
    }

    @Test
    void aResetOfANewTopicAddsItToTheGroupsTopics() {
        // GIVEN group_01, with no topic, and a consumer of it online (the emulator resets only such a group)
        emulator.emulator().consumer("group_01", "10.0.0.9@4719#9");
        // WHEN the SDK resets it on orders to 0 and lists its topics
        client().resetConsumeOffset(new ResetConsumeOffsetRequest()
                .withEngine(ResetConsumeOffsetRequest.EngineEnum.RELIABILITY)
                .withInstanceId(emulator.instanceId())
                .withGroupId("group_01")
                .withBody(new ResetConsumeOffsetReq().withTopic("orders").withTimestamp("0")));
        ShowConsumerListOrDetailsResponse topics = client().showConsumerListOrDetails(
                        new ShowConsumerListOrDetailsRequest()
                                .withInstanceId(emulator.instanceId())
                                .withGroup("group_01")
                                .withLimit(10)
                                .withOffset(0));

        // THEN orders is its topic, and its progress starts at each queue's minimum offset
        assertThat(topics.getTopics()).containsExactly("orders");
        assertThat(topics.getTotal()).isEqualTo(1);
        assertThat(progress("group_01", "orders").getConsumerOffset()).isZero();
        assertThat(progress("group_01", "orders").getLag()).isEqualTo(5L);
    }

    @Test
    void theGroupsOnlineConsumersWithTheirSubscriptions() {
        // WHEN the SDK reads billing's consumers with details (two online, one offline)
        ShowConsumerConnectionsResponse detailed = connections("billing", 10, 0, true);

        // THEN the two online consumers, their subscriptions, and the group online and consistent
        assertThat(detailed.getHttpStatusCode()).isEqualTo(200);
        assertThat(detailed.getGroupName()).isEqualTo("billing");
        assertThat(detailed.getOnline()).isTrue();
        assertThat(detailed.getSubscriptionConsistency()).isTrue();
        assertThat(detailed.getTotal()).isEqualTo(2);
        assertThat(detailed.getNextOffset()).isEqualTo(-1);
        assertThat(detailed.getPreviousOffset()).isEqualTo(-1);
        assertThat(detailed.getClients())
                .extracting(
                        ClientData::getClientId,
                        ClientData::getClientAddr,
                        ClientData::getLanguage,
                        ClientData::getVersion)
                .containsExactlyInAnyOrder(
                        tuple("10.0.0.1@4711#1", "10.0.0.1:50001", "JAVA", "V5_3_1"),
                        tuple("10.0.0.2@4712#2", "10.0.0.2:50002", "JAVA", "V5_3_1"));
        assertThat(detailed.getClients())
                .allSatisfy(client -> assertThat(client.getSubscriptions())
                        .extracting(Subscription::getTopic, Subscription::getType, Subscription::getExpression)
                        .containsExactly(tuple("orders", "TAG", "*")));
    }

    @Test
    void theConsumersArePagedWithNextAndPreviousOffsets() {
        // WHEN the SDK reads billing's consumers one at a time, without details
        ShowConsumerConnectionsResponse first = connections("billing", 1, 0, false);
        ShowConsumerConnectionsResponse second = connections("billing", 1, 1, false);

        // THEN each page holds one, the offsets chain them, and together they are both consumers
        assertThat(first.getClients()).hasSize(1);
        assertThat(first.getNextOffset()).isEqualTo(1);
        assertThat(first.getPreviousOffset()).isEqualTo(-1);
        assertThat(second.getClients()).hasSize(1);
        assertThat(second.getNextOffset()).isEqualTo(-1);
        assertThat(second.getPreviousOffset()).isZero();
        List<String> ids = new ArrayList<>();
        first.getClients().forEach(client -> ids.add(client.getClientId()));
        second.getClients().forEach(client -> ids.add(client.getClientId()));
        assertThat(ids).containsExactlyInAnyOrder("10.0.0.1@4711#1", "10.0.0.2@4712#2");
        assertThat(first.getTotal()).isEqualTo(2).isEqualTo(second.getTotal());
        assertThat(first.getClients())
                .allSatisfy(client -> assertThat(client.getSubscriptions()).isNullOrEmpty());
    }

    @Test
    void aGroupWithNoConsumerIsOfflineNotAnError() {
        ShowConsumerConnectionsResponse offline = connections("group_01", 10, 0, true);

        assertThat(offline.getHttpStatusCode()).isEqualTo(200);
        assertThat(offline.getGroupName()).isEqualTo("group_01");
        assertThat(offline.getOnline()).isFalse();
        assertThat(offline.getTotal()).isZero();
        assertThat(offline.getClients()).isEmpty();
        assertThat(offline.getNextOffset()).isEqualTo(-1);
        assertThat(offline.getPreviousOffset()).isEqualTo(-1);
    }

    @Test
    void aWrongSecretKeyIsRefusedForAReadToo() {
        ClientRequestException refused = catchThrowableOfType(
                ClientRequestException.class,
                () -> client("not-the-emulators-secret")
                        .showTopicStatus(new ShowTopicStatusRequest()
                                .withInstanceId(emulator.instanceId())
                                .withTopic("orders")));

        assertThat(refused.getHttpStatusCode()).isEqualTo(401);
        assertThat(refused.getErrorCode()).isEqualTo("DMS.10240101");
    }

    private static ShowConsumerListOrDetailsResponse progress(String group, String topic) {
        return client().showConsumerListOrDetails(new ShowConsumerListOrDetailsRequest()
                .withInstanceId(emulator.instanceId())
                .withGroup(group)
                .withTopic(topic));
    }

    private static ShowConsumerConnectionsResponse connections(String group, int limit, int offset, boolean detail) {
        return client().showConsumerConnections(new ShowConsumerConnectionsRequest()
                .withInstanceId(emulator.instanceId())
                .withGroup(group)
                .withLimit(limit)
                .withOffset(offset)
                .withIsDetail(detail));
    }

    /** (broker, queue id, min offset, max offset, last message time) of each queue, in the answer's order. */
    private static List<org.assertj.core.groups.Tuple> statusQueues(ShowTopicStatusResponse status) {
        List<org.assertj.core.groups.Tuple> rows = new ArrayList<>();
        for (ShowTopicStatusRespBrokers broker : status.getBrokers()) {
            for (ShowTopicStatusRespQueues queue : broker.getQueues()) {
                rows.add(tuple(
                        broker.getBrokerName(),
                        queue.getId(),
                        queue.getMinOffset(),
                        queue.getMaxOffset(),
                        queue.getLastMessageTime()));
            }
        }
        return rows;
    }

    /** (broker, queue id, broker offset, consumer offset, lag, last message time) of each queue. */
    private static List<org.assertj.core.groups.Tuple> progressQueues(ShowConsumerListOrDetailsResponse progress) {
        List<org.assertj.core.groups.Tuple> rows = new ArrayList<>();
        for (Brokers broker : progress.getBrokers()) {
            for (Queue queue : broker.getQueues()) {
                rows.add(tuple(
                        broker.getBrokerName(),
                        queue.getId(),
                        queue.getBrokerOffset(),
                        queue.getConsumerOffset(),
                        queue.getLag(),
                        queue.getLastMessageTime()));
            }
        }
        return rows;
    }

    private static RocketMQClient client() {
        return client(emulator.secretKey());
    }

    private static RocketMQClient client(String secretKey) {
        return RocketMQClient.newBuilder()
                .withCredential(new BasicCredentials()
                        .withAk(emulator.accessKey())
                        .withSk(secretKey)
                        .withProjectId(emulator.projectId()))
                .withEndpoint(emulator.baseUrl())
                .build();
    }
}
