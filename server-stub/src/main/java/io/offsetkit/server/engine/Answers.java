package io.offsetkit.server.engine;

import io.offsetkit.server.answer.ConsumerConnectionsWriter;
import io.offsetkit.server.answer.ConsumerListOrDetailsWriter;
import io.offsetkit.server.answer.ResetResponseWriter;
import io.offsetkit.server.answer.TopicStatusWriter;
import io.offsetkit.server.call.Answer;
import io.offsetkit.server.generated.api.ConsumerOffsetsApi;
import io.offsetkit.server.generated.model.ResetConsumeOffsetResp;
import io.offsetkit.server.generated.model.ShowConsumerConnectionsResp;
import io.offsetkit.server.generated.model.ShowConsumerListOrDetailsResp;
import io.offsetkit.server.generated.model.ShowTopicStatusResp;

/**
 * Each operation's typed answer as the HTTP-neutral {@link Answer} (its status and the model written as
 * the contract's JSON by the model's own writer), kept beside the model it was written from ({@link
 * TypedAnswer.Success}). Implements the generated {@link ConsumerOffsetsApi.Responses}, one method per
 * operation: a new operation breaks this compile.
 */
final class Answers implements ConsumerOffsetsApi.Responses<Answered> {

    @Override
    public Answered resetConsumeOffset(int status, ResetConsumeOffsetResp answer) {
        return success(status, answer, ResetResponseWriter.write(answer));
    }

    @Override
    public Answered resetConsumeOffsetForRocketMq(int status, ResetConsumeOffsetResp answer) {
        return success(status, answer, ResetResponseWriter.write(answer));
    }

    @Override
    public Answered showConsumerListOrDetails(int status, ShowConsumerListOrDetailsResp answer) {
        return success(status, answer, ConsumerListOrDetailsWriter.write(answer));
    }

    @Override
    public Answered showTopicStatus(int status, ShowTopicStatusResp answer) {
        return success(status, answer, TopicStatusWriter.write(answer));
    }

    @Override
    public Answered showConsumerConnections(int status, ShowConsumerConnectionsResp answer) {
        return success(status, answer, ConsumerConnectionsWriter.write(answer));
    }

    private static Answered success(int status, Object model, byte[] json) {
        return new Answered(Answer.json(status, json), new TypedAnswer.Success(status, model));
    }
}
