package io.offsetkit.server.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.api.ContractSchemas;
import io.offsetkit.server.generated.model.ResetConsumeOffsetResp;
import io.offsetkit.server.generated.model.ResetConsumeOffsetRespQueues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hand-written writer of the operation's answer writes what a data-binding mapper writes for the
 * generated model, so the generated {@code @JsonProperty} names stay the single source of the wire
 * format.
 */
class ResetResponseWriterTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final ContractSchemas SCHEMAS = ContractSchemas.bundled();

    private static ResetConsumeOffsetRespQueues queue(String broker, int queueId, long offset) {
        return new ResetConsumeOffsetRespQueues()
                .brokerName(broker)
                .queueId(queueId)
                .timestampOffset(offset);
    }

    static Stream<List<ResetConsumeOffsetRespQueues>> answers() {
        Random random = new Random(42);
        List<ResetConsumeOffsetRespQueues> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(queue("broker-" + random.nextInt(4), random.nextInt(1024), random.nextLong(Long.MAX_VALUE)));
        }
        return Stream.of(
                List.of(),
                List.of(queue("broker-1", 0, 0)),
                List.of(queue("broker-1", 0, 5000), queue("broker-1", 1, 0), queue("broker-2", 0, 1000)),
                List.of(queue("broker-\"quoted\"\\and\u00e9", 1023, Long.MAX_VALUE)),
                List.of(queue("b", Integer.MAX_VALUE, 0)),
                many);
    }

    @ParameterizedTest
    @MethodSource("answers")
    void writesWhatJacksonWritesForTheGeneratedModel(List<ResetConsumeOffsetRespQueues> queues) {
        // GIVEN the handler's answer as the generated model
        ResetConsumeOffsetResp response = new ResetConsumeOffsetResp().queues(queues);

        // WHEN it is written by the request path's writer, and by a data-binding mapper
        JsonNode written = MAPPER.readTree(ResetResponseWriter.write(response));
        JsonNode bound = MAPPER.readTree(MAPPER.writeValueAsBytes(response));

        // THEN both are the same JSON, with the numbers as numbers
        assertThat(written).isEqualTo(bound);
        assertThat(written.get("queues")).hasSize(queues.size());
        for (JsonNode queue : written.get("queues")) {
            assertThat(queue.get("queue_id").isIntegralNumber()).isTrue();
            assertThat(queue.get("timestamp_offset").isIntegralNumber()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("answers")
    void itsDirectWritingGivesJacksonsGeneratorsBytesExactly(List<ResetConsumeOffsetRespQueues> queues) {
        // GIVEN an answer, and the same with the extremes of each number and names JSON writes as they are
        List<ResetConsumeOffsetRespQueues> extremes = new ArrayList<>(queues);
        extremes.add(queue("broker-~ !#$%&'()*+,-./:;<=>?@[]^_`{|}", Integer.MIN_VALUE, Long.MIN_VALUE));
        extremes.add(queue("", -1, -1));
        extremes.add(queue("b", 9, 10));
        for (List<ResetConsumeOffsetRespQueues> answer : List.of(queues, extremes)) {
            ResetConsumeOffsetResp response = new ResetConsumeOffsetResp().queues(answer);

            // WHEN it is written THEN the bytes are those of the generator, token by token
            assertThat(new String(ResetResponseWriter.write(response), StandardCharsets.UTF_8))
                    .isEqualTo(new String(ResetResponseWriter.withGenerator(response), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @MethodSource("answers")
    void whatItWritesIsValidAgainstTheContractsResponseSchema(List<ResetConsumeOffsetRespQueues> queues) {
        JsonNode written = MAPPER.readTree(ResetResponseWriter.write(new ResetConsumeOffsetResp().queues(queues)));

        assertThat(SCHEMAS.validateComponent("ResetConsumeOffsetResp", written))
                .as("schema violations of %s", written)
                .isEmpty();
    }
}
