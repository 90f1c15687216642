package io.offsetkit.conformance.check;

import io.offsetkit.conformance.fixture.CommittedOffset;
import io.offsetkit.conformance.fixture.Fixture;
import io.offsetkit.conformance.fixture.FixtureException;
import io.offsetkit.conformance.http.Exchange;
import io.offsetkit.conformance.http.Target;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reads back the offsets a group has committed on a topic's queues, for the read-back rules: black-box
 * through the contract's own read of the group's progress when the target implements it, else
 * through the implementer's fixture.
 */
abstract class OffsetReader {

    /** Who reads the offsets back, for messages: {@code the fixture}, {@code the progress read}. */
    abstract String name();

    /**
     * The group's committed offsets on the topic, by queue ({@code broker-1/0}); a queue without one is
     * absent or null.
     *
     * @throws FixtureException when the offsets cannot be read back (the message says why)
     */
    abstract Map<String, Long> read(String group, String topic);

    /** The exchanges of the reads so far (none for a fixture), to show beside a failure. */
    List<Exchange> exchanges() {
        return List.of();
    }

    /** Through the contract's read of a group's progress on a topic ({@code showConsumerListOrDetails}). */
    static OffsetReader documentedRead(KitContext context) {
        return new OffsetReader() {
            private final List<Exchange> exchanges = new ArrayList<>();

            @Override
            String name() {
                return "the progress read";
            }

            @Override
            Map<String, Long> read(String group, String topic) {
                Target on = context.target().with(context.target().instanceId(), group, topic);
                Exchange read = context.http().send(Reads.progress(context, on));
                exchanges.add(read);
                if (Reads.implemented(read) && read.status() == 404) {
                    return Collections.emptyMap(); // the documented answer of a group without offsets
                }
                try {
                    return Answers.progress(read).consumerOffsets();
                } catch (Answers.Unreadable e) {
                    throw new FixtureException(read.requestLine() + " could not be read back: " + e.getMessage());
                }
            }

            @Override
            List<Exchange> exchanges() {
                return List.copyOf(exchanges);
            }
        };
    }

    /** Through the implementer's fixture. */
    static OffsetReader fixture(Fixture fixture) {
        return new OffsetReader() {
            @Override
            String name() {
                return "the fixture";
            }

            @Override
            Map<String, Long> read(String group, String topic) {
                return fixture.committedOffsets(group, topic)
                        .map(CommittedOffset::byQueue)
                        .orElseThrow(() -> new FixtureException("The fixture read back no offsets of group " + group));
            }
        };
    }
}
