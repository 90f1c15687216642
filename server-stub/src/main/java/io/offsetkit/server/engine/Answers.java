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
 * Each operation's typed answer as the HTTP-neutral {@link Answer}: its status and the model written as
 * the contract's JSON by the model's own writer. Implements the generated {@link
 * ConsumerOffsetsApi.Responses}, one method per operation: a new operation breaks this compile.
 */
final class Answers implements ConsumerOffsetsApi.Responses<Answer> {

    @Override
    public Answer resetConsumeOffset(int status, ResetConsumeOffsetResp answer) {
        return Answer.json(status, ResetResponseWriter.write(answer));
    }

    @Override
    public Answer resetConsumeOffsetForRocketMq(int status, ResetConsumeOffsetResp answer) {
        return Answer.json(status, ResetResponseWriter.write(answer));
    }

    @Override
    public Answer showConsumerListOrDetails(int status, ShowConsumerListOrDetailsResp answer) {
        return Answer.json(status, ConsumerListOrDetailsWriter.write(answer));
    }

    @Override
    public Answer showTopicStatus(int status, ShowTopicStatusResp answer) {
        return Answer.json(status, TopicStatusWriter.write(answer));
    }

    @Override
    public Answer showConsumerConnections(int status, ShowConsumerConnectionsResp answer) {
        return Answer.json(status, ConsumerConnectionsWriter.write(answer));
    }
}
