package io.offsetkit.conformance.fake;

import io.offsetkit.conformance.fixture.CommittedOffset;
import io.offsetkit.conformance.fixture.Fixture;
import io.offsetkit.conformance.fixture.PacedBatch;
import io.offsetkit.conformance.fixture.QueueRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fixture whose "broker" stamps messages itself, as a real RocketMQ broker does, over another
 * fixture's store: {@link #produceMessages} does not sleep but advances a simulated broker clock by
 * each planned gap plus a drift (a real broker's clock runs on while the producer sleeps and sends),
 * and stores the stamps it chose through the underlying fixture. Batches get one stamp, or, to
 * mimic a broker that stamps each message of a batch apart, consecutive milliseconds.
 */
public final class StampingFixture implements Fixture {

    /** A store time that is not on a whole second, as a real clock's would be. */
    static final long CLOCK_START = 1_764_000_000_123L;

    private final Fixture store;
    private final long driftMillis;
    private final boolean batchesShareAStamp;
    private long clock = CLOCK_START;

    /**
     * @param store the fixture that writes the stamps into the implementation's store
     * @param driftMillis how far the simulated clock runs beyond each planned gap
     * @param batchesShareAStamp whether the messages of one batch get the same store time
     */
    public StampingFixture(Fixture store, long driftMillis, boolean batchesShareAStamp) {
        this.store = store;
        this.driftMillis = driftMillis;
        this.batchesShareAStamp = batchesShareAStamp;
    }

    @Override
    public List<String> brokers() {
        return store.brokers();
    }

    @Override
    public void createTopic(String topic, Map<String, Integer> queuesPerBroker) {
        store.createTopic(topic, queuesPerBroker);
    }

    @Override
    public void createGroup(String group) {
        store.createGroup(group);
    }

    @Override
    public boolean choosesStoreTimestamps() {
        return false;
    }

    @Override
    public void appendMessages(QueueRef queue, long firstOffset, List<Long> storeTimestamps) {
        throw new UnsupportedOperationException("this fixture's broker stamps store times itself");
    }

    @Override
    public List<Long> produceMessages(QueueRef queue, List<Long> plannedTimestamps) {
        List<Long> stamps = new ArrayList<>();
        for (PacedBatch batch : PacedBatch.of(plannedTimestamps)) {
            clock += batch.pause().toMillis() + driftMillis;
            for (int i = 0; i < batch.size(); i++) {
                stamps.add(batchesShareAStamp ? clock : clock + i);
            }
            clock += batchesShareAStamp ? 0 : batch.size() - 1;
        }
        store.appendMessages(queue, 0, stamps);
        return stamps;
    }

    /** True when the underlying store could: the kit must still not lay out such a queue here. */
    @Override
    public boolean canSetFirstOffset() {
        return store.canSetFirstOffset();
    }

    @Override
    public Optional<List<CommittedOffset>> committedOffsets(String group, String topic) {
        return store.committedOffsets(group, topic);
    }

    @Override
    public boolean canReadCommittedOffsets() {
        return store.canReadCommittedOffsets();
    }
}
