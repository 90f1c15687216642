package io.offsetkit.server.reset;

import io.offsetkit.server.backend.OffsetBackend;
import io.offsetkit.server.backend.QueueOffset;
import io.offsetkit.server.backend.ResetTarget;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi;
import io.offsetkit.server.generated.model.ResetConsumeOffsetReq;
import io.offsetkit.server.generated.model.ResetConsumeOffsetResp;
import io.offsetkit.server.generated.model.ResetConsumeOffsetRespQueues;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract's operation on both of its routes, over the {@link OffsetBackend}. Thin on purpose:
 * the request path has checked the input against the contract before it gets here (the path
 * parameters by {@link ResetParameters}, the body by {@link ResetRequestReader}) and maps the
 * backend's failures to the documented errors; both engines ({@code rocketmq} and its alias
 * {@code reliability}) and the older route are the same reset.
 */
public final class ResetConsumeOffsetHandler implements ConsumerOffsetsApi {

    private final OffsetBackend backend;

    public ResetConsumeOffsetHandler(OffsetBackend backend) {
        this.backend = backend;
    }

    @Override
    public ResetConsumeOffsetResp resetConsumeOffset(
            String engine, String projectId, String instanceId, String group, ResetConsumeOffsetReq request) {
        return reset(projectId, instanceId, group, request);
    }

    @Override
    public ResetConsumeOffsetResp resetConsumeOffsetForRocketMq(
            String projectId, String instanceId, String group, ResetConsumeOffsetReq request) {
        return reset(projectId, instanceId, group, request);
    }

    // The reads of the offset workflow: implemented by the request-path work that follows this commit.
    @Override
    public io.offsetkit.server.generated.model.ShowConsumerListOrDetailsResp showConsumerListOrDetails(
            String projectId, String instanceId, String group, String topic, Integer limit, Integer offset) {
        throw new UnsupportedOperationException("showConsumerListOrDetails");
    }

    @Override
    public io.offsetkit.server.generated.model.ShowTopicStatusResp showTopicStatus(
            String projectId, String instanceId, String topic) {
        throw new UnsupportedOperationException("showTopicStatus");
    }

    @Override
    public io.offsetkit.server.generated.model.ShowConsumerConnectionsResp showConsumerConnections(
            String projectId, String instanceId, String group, Integer limit, Integer offset, Boolean isDetail) {
        throw new UnsupportedOperationException("showConsumerConnections");
    }

    private ResetConsumeOffsetResp reset(
            String projectId, String instanceId, String group, ResetConsumeOffsetReq request) {
        List<QueueOffset> offsets = backend.resetByTime(
                new ResetTarget(projectId, instanceId, group, request.getTopic()), request.getTimestamp());
        List<ResetConsumeOffsetRespQueues> queues = new ArrayList<>(offsets.size());
        for (QueueOffset offset : offsets) {
            queues.add(new ResetConsumeOffsetRespQueues(offset.brokerName(), offset.queueId(), offset.offset()));
        }
        return new ResetConsumeOffsetResp(queues);
    }
}
