package io.logriver.storm.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.MetricSet;
import com.codahale.metrics.Snapshot;
import java.util.Set;
import org.apache.storm.task.TopologyContext;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class IntervalReservoirTest {
    private static final long SECOND = 1_000_000_000L;
    private long now = 100 * SECOND + 1; // in the interval [100 s, 105 s)
    private final IntervalReservoir r = new IntervalReservoir(5 * SECOND, () -> now);

    @Test
    void aSnapshotHoldsTheLastCompleteIntervalOnly() {
        r.update(1_000_000); // a start-up backlog of a second
        assertEquals(0, r.getSnapshot().size(), "the interval is not complete yet");
        now = 105 * SECOND;
        for (int i = 1; i <= 100; i++) {
            r.update(i * 10);
        }
        Snapshot first = r.getSnapshot();
        assertEquals(1, first.size());
        assertEquals(1_000_000, first.getMax(), 10_000);
        now = 110 * SECOND + 3;
        Snapshot second = r.getSnapshot();
        assertEquals(100, second.size(), "only the values of [105 s, 110 s): the backlog is gone");
        assertEquals(990, second.get99thPercentile(), 10);
        assertEquals(500, second.getMedian(), 5);
        assertEquals(1_000, second.getMax(), 10);
        assertEquals(10, second.getMin());
        assertEquals(100, second.getValues().length);
        now = 112 * SECOND;
        assertEquals(second.size(), r.getSnapshot().size(), "every reader in the interval sees the same snapshot");
    }

    @Test
    void anIntervalWithoutValuesIsEmptyEvenWhenNobodyLookedForAWhile() {
        r.update(42);
        now = 117 * SECOND; // [105, 110) and [110, 115) passed without a value
        Snapshot s = r.getSnapshot();
        assertEquals(0, s.size());
        assertEquals(0, s.get99thPercentile());
        assertEquals(0, s.getMax());
    }

    @Test
    void valuesBeyondAnHourCountAsAnHourAndNegativeOnesAsZero() {
        r.update(-5);
        r.update(Long.MAX_VALUE);
        now = 105 * SECOND;
        Snapshot s = r.getSnapshot();
        assertEquals(0, s.getMin());
        assertEquals(IntervalReservoir.HIGHEST, s.getMax(), IntervalReservoir.HIGHEST / 50);
    }

    @Test
    void registeredUnderItsNameWithTheGivenInterval() {
        TopologyContext context = mock(TopologyContext.class);
        Histogram h = IntervalReservoir.register(context, 1, "logriver.join.wait.us");
        ArgumentCaptor<MetricSet> set = ArgumentCaptor.forClass(MetricSet.class);
        verify(context).registerMetricSet(eq("logriver.join.wait"), set.capture());
        assertEquals(Set.of("us"), set.getValue().getMetrics().keySet());
        assertEquals(h, set.getValue().getMetrics().get("us"));
        h.update(7);
        assertEquals(1, h.getCount());
    }
}
