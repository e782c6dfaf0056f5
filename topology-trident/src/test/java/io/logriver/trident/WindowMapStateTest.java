package io.logriver.trident;

import static io.logriver.trident.TridentHarness.tuple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.logriver.logic.DurationStats;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import org.apache.storm.trident.state.CombinerValueUpdater;
import org.apache.storm.trident.state.OpaqueValue;
import org.apache.storm.trident.state.ValueUpdater;
import org.apache.storm.trident.state.map.MapState;
import org.apache.storm.tuple.Fields;
import org.junit.jupiter.api.Test;

/** The window aggregates as the persistent aggregate uses them: an opaque map over {@link WindowMapState}. */
class WindowMapStateTest {
    private static final List<Object> KEY = List.of(60_000L, "acme", "/a");

    private final StatsCombiner combiner = new StatsCombiner();

    @SuppressWarnings("unchecked") // the factory's state is the opaque map of DurationStats it builds
    private final MapState<DurationStats> map = (MapState<DurationStats>) new WindowMapState.Factory(600_000)
            .makeState(new HashMap<>(), null, 0, 1);

    /** One batch's partial aggregate for KEY, of requests with these durations, as persistentAggregate applies it. */
    @SuppressWarnings("rawtypes") // MapState.multiUpdate takes a list of raw ValueUpdater
    private DurationStats batch(long txid, long... durations) {
        DurationStats partial = combiner.zero();
        for (long d : durations) {
            partial = combiner.combine(partial, combiner.init(tuple(new Fields("durationMillis", "error"), d, false)));
        }
        map.beginCommit(txid);
        List<ValueUpdater> updaters = List.of(new CombinerValueUpdater(combiner, partial));
        DurationStats stored = map.multiUpdate(List.of(KEY), updaters).get(0);
        map.commit(txid);
        return stored;
    }

    private long stored() {
        map.beginCommit(Long.MAX_VALUE);
        DurationStats s = map.multiGet(List.of(KEY)).get(0);
        return s == null ? 0 : s.count();
    }

    @Test
    void batchesAddUp() {
        assertEquals(1, batch(1, 10).count());
        assertEquals(3, batch(2, 20, 30).count());
        assertEquals(3, stored());
    }

    @Test
    void replayOfTheLastTransactionReplacesItsFirstAttempt() {
        batch(1, 10);
        batch(2, 20, 30);

        assertEquals(3, batch(2, 20, 30).count(), "the same batch again counts once");
        assertEquals(4, batch(2, 20, 30, 40).count(), "an opaque replay may bring other records");
        assertEquals(5, batch(3, 50).count());
        assertEquals(5, stored());
    }

    @Test
    void missingKeyIsNull() {
        WindowMapState backing = new WindowMapState(600_000);
        assertEquals(Collections.singletonList(null), backing.multiGet(List.of(KEY)));
        assertNull(map.multiGet(List.of(KEY)).get(0));
    }

    @Test
    void keysOfWindowsOlderThanTheRetentionBeforeTheNewestAreDropped() {
        WindowMapState backing = new WindowMapState(1_000);
        OpaqueValue<String> v = new OpaqueValue<>(1L, "v");
        List<Object> oldest = List.of(3_999L, "acme", "/a");
        List<Object> edge = List.of(4_000L, "acme", "/a");
        List<Object> newest = List.of(5_000L, "acme", "/a");
        backing.multiPut(List.of(oldest, edge), List.of(v, v));
        assertEquals(2, backing.size());

        backing.multiPut(List.of(newest), List.of(v));

        assertEquals(2, backing.size());
        assertNull(backing.multiGet(List.of(oldest)).get(0));
        assertEquals(v, backing.multiGet(List.of(edge)).get(0));
        assertEquals(v, backing.multiGet(List.of(newest)).get(0));
    }

    @Test
    void anOlderWindowWrittenLaterDoesNotPruneNewerOnes() {
        WindowMapState backing = new WindowMapState(1_000);
        OpaqueValue<String> v = new OpaqueValue<>(1L, "v");
        backing.multiPut(List.of(List.of(10_000L, "a", "/a")), List.of(v));
        backing.multiPut(List.of(List.of(9_500L, "a", "/a")), List.of(v));

        assertEquals(2, backing.size());
    }
}
