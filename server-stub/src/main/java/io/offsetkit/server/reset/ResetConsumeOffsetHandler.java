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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contract's operation on both of its routes, over the {@link OffsetBackend}. Thin on purpose:
 * the input has been checked by {@link ResetPathCheck} and {@link ResetRequestReader} before it gets
 * here, the backend's failures are mapped to documented errors by {@code ErrorResponses}, and both
 * engines ({@code rocketmq} and its alias {@code reliability}) and the older route are the same reset.
 */
@RestController
public class ResetConsumeOffsetHandler implements ConsumerOffsetsApi {

    private final OffsetBackend backend;
    private final ResetParameters parameters;

    public ResetConsumeOffsetHandler(OffsetBackend backend, ResetParameters parameters) {
        this.backend = backend;
        this.parameters = parameters;
    }

    @Override
    public ResponseEntity<ResetConsumeOffsetResp> resetConsumeOffset(
            String engine, String projectId, String instanceId, String group, ResetConsumeOffsetReq request) {
        parameters.checkEngine(engine);
        return reset(projectId, instanceId, group, request);
    }

    @Override
    public ResponseEntity<ResetConsumeOffsetResp> resetConsumeOffsetForRocketMq(
            String projectId, String instanceId, String group, ResetConsumeOffsetReq request) {
        return reset(projectId, instanceId, group, request);
    }

    private ResponseEntity<ResetConsumeOffsetResp> reset(
            String projectId, String instanceId, String group, ResetConsumeOffsetReq request) {
        long timestamp = ResetTimestamps.of(request.getTimestamp());
        List<QueueOffset> offsets =
                backend.resetByTime(new ResetTarget(projectId, instanceId, group, request.getTopic()), timestamp);
        ResetConsumeOffsetResp response = new ResetConsumeOffsetResp(new ArrayList<>());
        for (QueueOffset offset : offsets) {
            response.addQueuesItem(
                    new ResetConsumeOffsetRespQueues(offset.brokerName(), offset.queueId(), offset.offset()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(response);
    }
}
