package io.offsetkit.server.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsetkit.server.backend.BackendUnavailableException;
import io.offsetkit.server.backend.GroupOfflineException;
import io.offsetkit.server.backend.NoConsumerOffsetsException;
import io.offsetkit.server.backend.OffsetBackendException;
import io.offsetkit.server.backend.PartialResetException;
import io.offsetkit.server.backend.QueueOffset;
import io.offsetkit.server.backend.UnknownGroupException;
import io.offsetkit.server.backend.UnknownInstanceException;
import io.offsetkit.server.backend.UnknownTopicException;
import io.offsetkit.server.store.StoreConflictException;
import io.offsetkit.server.store.UnknownBrokerException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one mapping from the backends' exceptions to the documented DMS errors, each with its words. */
class BackendRefusalsTest {

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(new UnknownInstanceException("i-9"), DmsError.INSTANCE_NOT_FOUND, "'i-9'"),
                Arguments.of(new UnknownGroupException("g-9"), DmsError.GROUP_NOT_FOUND, "'g-9'"),
                Arguments.of(new NoConsumerOffsetsException("g-9", "t-9"), DmsError.GROUP_NOT_FOUND, "g-9"),
                Arguments.of(new UnknownTopicException("t-9"), DmsError.TOPIC_NOT_FOUND, "'t-9'"),
                Arguments.of(
                        new GroupOfflineException("g-9", "no consumer of g-9 is online"),
                        DmsError.GROUP_OFFLINE,
                        "no consumer of g-9 is online"),
                Arguments.of(
                        new UnknownBrokerException("broker-9 is not a broker of i-1"),
                        DmsError.INVALID_PARAMETER,
                        "broker-9 is not a broker of i-1."),
                Arguments.of(
                        new StoreConflictException("min_offset can only be set while the queue is empty"),
                        DmsError.INVALID_PARAMETER,
                        "min_offset can only be set"),
                Arguments.of(
                        new PartialResetException(
                                List.of(new QueueOffset("broker-1", 0, 4)), Map.of("broker-2", "timed out")),
                        DmsError.INTERNAL_ERROR,
                        "some brokers only"),
                Arguments.of(
                        new BackendUnavailableException("the name server did not answer"),
                        DmsError.INTERNAL_ERROR,
                        "the name server did not answer. Retry the request"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void eachBackendExceptionIsItsDocumentedError(OffsetBackendException failure, DmsError error, String words) {
        // WHEN the backend's exception is mapped
        DmsException dms = BackendRefusals.dms(failure);

        // THEN it is the documented code, and the message says what was wrong
        assertThat(dms.error()).isEqualTo(error);
        assertThat(dms).hasMessageStartingWith(error.message()).hasMessageContaining(words);
    }
}
