package io.offsetkit.server.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsetkit.server.generated.api.ConsumerOffsetsApi.Operation;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** A fault's fields, checked: what is set, and what is refused with the field named. */
class FaultSpecTest {

    @ParameterizedTest(name = "{0} on {1} answers {2}")
    @CsvSource({
        "DMS.00500000, resetConsumeOffset, 500, Internal service error.",
        "DMS.00403007, resetConsumeOffset, 403, Authorization denied.",
        "DMS.10240102, resetConsumeOffset, 401, Expired token.",
        "DMS.10240104, showTopicStatus, 401, The project ID and token do not match.",
        "DMS.50050004, resetConsumeOffsetForRocketMq, 400, The consumer group is offline.",
        "DMS.10240042, showConsumerConnections, 400, The number of records on each page for pagination query exceeds the upper limit.",
        "DMS.10240405, showConsumerListOrDetails, 404, The consumption group ID is incorrect or not found."
    })
    void aDocumentedErrorTakesItsStatusAndWordsFromTheContract(
            String code, String operation, int status, String message) {
        FaultSpec fault = FaultSpec.on(operation).error(code).build();

        assertThat(fault.kind()).isEqualTo(FaultKind.ERROR);
        assertThat(fault.error().status()).isEqualTo(status);
        assertThat(fault.error().code()).isEqualTo(code);
        assertThat(fault.error().message()).isEqualTo(message);
    }

    @Test
    void everyOperationOfTheContractDocumentsTheInternalError() {
        for (Operation operation : Operation.values()) {
            assertThat(DocumentedErrors.contract().find(operation.operationId(), "DMS.00500000"))
                    .as(operation.operationId())
                    .isEqualTo(new DocumentedErrors.DocumentedError(500, "DMS.00500000", "Internal service error."));
        }
    }

    @Test
    void aFaultWithoutCountOrChanceAppliesToEveryMatchingCall() {
        FaultSpec fault = FaultSpec.on("showTopicStatus")
                .topic("orders")
                .connectionReset()
                .build();

        assertThat(fault.times()).isNull();
        assertThat(fault.probability()).isEqualTo(1.0);
        assertThat(fault.topic()).isEqualTo("orders");
        assertThat(fault.group()).isNull();
        assertThat(fault.describe()).isEqualTo("connection_reset");
    }

    @Test
    void aDelayIsFixedOrWithinBounds() {
        assertThat(FaultSpec.on("resetConsumeOffset")
                        .delay(Duration.ofMillis(250))
                        .build())
                .extracting(FaultSpec::delayMillis, FaultSpec::delayMaxMillis)
                .containsExactly(250L, 250L);
        FaultSpec random = FaultSpec.on("resetConsumeOffset")
                .delay(Duration.ofMillis(100), Duration.ofMillis(300))
                .times(2)
                .build();
        assertThat(random.describe()).isEqualTo("delay 100 to 300 ms");
        assertThat(random.times()).isEqualTo(2);
    }

    @Test
    void aPartialResetNamesItsFailingBrokersOrNone() {
        assertThat(FaultSpec.on("resetConsumeOffset")
                        .partialReset("broker-2")
                        .once()
                        .build()
                        .failedBrokers())
                .containsExactly("broker-2");
        assertThat(FaultSpec.on("resetConsumeOffsetForRocketMq")
                        .partialReset()
                        .build()
                        .failedBrokers())
                .isEmpty();
    }

    static Stream<Arguments> malformedFaults() {
        return Stream.of(
                malformed(
                        "operation",
                        "'resetOffset' is not an operation of the contract; they are [resetConsumeOffset,"
                                + " resetConsumeOffsetForRocketMq, showConsumerConnections, showConsumerListOrDetails,"
                                + " showTopicStatus]",
                        () -> FaultSpec.on("resetOffset").error("DMS.00500000")),
                malformed(
                        "error_code",
                        "'DMS.99999999' is not an error the contract documents for resetConsumeOffset; it documents [",
                        () -> FaultSpec.on("resetConsumeOffset").error("DMS.99999999")),
                malformed(
                        "error_code",
                        "'DMS.50050004' is not an error the contract documents for showTopicStatus",
                        () -> FaultSpec.on("showTopicStatus").error("DMS.50050004")),
                malformed(
                        "delay_ms",
                        "must be between 0 and 600000 (ms), was -1",
                        () -> FaultSpec.on("resetConsumeOffset").delay(Duration.ofMillis(-1))),
                malformed(
                        "delay_max_ms",
                        "must be at least delay_ms (300), was 100",
                        () -> FaultSpec.on("resetConsumeOffset").delay(Duration.ofMillis(300), Duration.ofMillis(100))),
                malformed(
                        "probability",
                        "must be between 0 and 1, was 1.5",
                        () -> FaultSpec.on("resetConsumeOffset").emptyResponse().probability(1.5)),
                malformed(
                        "probability",
                        "must be between 0 and 1, was -0.1",
                        () -> FaultSpec.on("resetConsumeOffset").emptyResponse().probability(-0.1)),
                malformed(
                        "times",
                        "must be between 1 and 1000000, was 0",
                        () -> FaultSpec.on("resetConsumeOffset").emptyResponse().times(0)),
                malformed(
                        "kind",
                        "'explode' is not a kind; the kinds are [error, delay, connection_reset, empty_response,"
                                + " malformed_body, partial_reset]",
                        () -> FaultSpec.on("resetConsumeOffset").kind("explode")),
                malformed("kind", "is required", () -> FaultSpec.on("resetConsumeOffset")),
                malformed(
                        "kind",
                        "partial_reset applies to the reset only",
                        () -> FaultSpec.on("showTopicStatus").partialReset()),
                malformed(
                        "group",
                        "is not a parameter of this operation; leave it out",
                        () -> FaultSpec.on("showTopicStatus").group("billing").malformedBody()),
                malformed(
                        "topic",
                        "is not a parameter of this operation; leave it out",
                        () -> FaultSpec.on("showConsumerConnections")
                                .topic("orders")
                                .malformedBody()),
                malformed(
                        "group",
                        "is not a valid name",
                        () -> FaultSpec.on("resetConsumeOffset")
                                .group("bill ing")
                                .malformedBody()),
                malformed(
                        "failed_brokers[0]",
                        "is not a valid name",
                        () -> FaultSpec.on("resetConsumeOffset").partialReset("broker 2")),
                malformed(
                        "delay_ms",
                        "applies to kind delay only, not error",
                        () -> FaultSpec.on("resetConsumeOffset")
                                .error("DMS.00500000")
                                .delayMillis(100L)),
                malformed(
                        "error_code",
                        "is required for kind error",
                        () -> FaultSpec.on("resetConsumeOffset").kind("error")));
    }

    private static Arguments malformed(String field, String words, Supplier<FaultSpec.Builder> fault) {
        return Arguments.of(field, words, fault);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("malformedFaults")
    void aMalformedFaultIsRefusedNamingTheField(String field, String words, Supplier<FaultSpec.Builder> fault) {
        // GIVEN a fault wrong in one field WHEN it is built
        assertThatThrownBy(() -> fault.get().build())
                // THEN it is refused, the message starting with the field's name
                .isInstanceOf(InvalidFaultException.class)
                .hasMessageStartingWith(field + " ")
                .hasMessageContaining(words)
                .extracting(e -> ((InvalidFaultException) e).field())
                .isEqualTo(field);
    }

    @Test
    void aFaultDoesOneThing() {
        assertThatThrownBy(() ->
                        FaultSpec.on("resetConsumeOffset").error("DMS.00500000").connectionReset())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a fault does one thing");
    }

    @Test
    void theDocumentedCodesOfAnOperationAreListedSorted() {
        List<String> codes = DocumentedErrors.contract().codes("showTopicStatus");

        assertThat(codes)
                .isSorted()
                .contains("DMS.00500000", "DMS.00403007", "DMS.10240102")
                .doesNotContain("DMS.50050004");
    }
}
