package io.offsetkit.server.reset;

import io.offsetkit.server.generated.api.ConsumerOffsetsApi;
import io.offsetkit.server.generated.model.ResetConsumeOffsetReq;
import io.offsetkit.server.generated.model.ResetConsumeOffsetResp;
import io.offsetkit.server.web.DmsError;
import io.offsetkit.server.web.DmsException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contract's operations. This build does not implement the reset yet: both routes answer 501
 * with the contract's error body, so that nothing pretends to be an answer.
 */
@RestController
public class ResetConsumeOffsetHandler implements ConsumerOffsetsApi {

    @Override
    public ResponseEntity<ResetConsumeOffsetResp> resetConsumeOffset(
            String engine, String projectId, String instanceId, String group, ResetConsumeOffsetReq request) {
        throw new DmsException(DmsError.NOT_IMPLEMENTED, "resetConsumeOffset has no backend in this build.");
    }

    @Override
    public ResponseEntity<ResetConsumeOffsetResp> resetConsumeOffsetForRocketMq(
            String projectId, String instanceId, String group, ResetConsumeOffsetReq request) {
        throw new DmsException(DmsError.NOT_IMPLEMENTED, "resetConsumeOffsetForRocketMq has no backend in this build.");
    }
}
