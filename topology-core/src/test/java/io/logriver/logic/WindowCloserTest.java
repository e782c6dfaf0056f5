package io.logriver.logic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowCloserTest {
    private final WindowCloser closer = new WindowCloser(new Windows(10_000), 2);
    private final WindowKey a = new WindowKey(0, "org-1", "/a");
    private final WindowKey b = new WindowKey(10_000, "org-1", "/b");

    private static DurationStats stats(long... durations) {
        DurationStats s = new DurationStats();
        for (long d : durations) {
            s.add(d, false);
        }
        return s;
    }

    @Test
    void emitsTheLatestAggregateOnceTheLowestWatermarkPassesTheWindow() {
        assertEquals(List.of(), closer.apply(1, Map.of(a, stats(5), b, stats(7)), Map.of(0, 12_000L)).finals());
        assertEquals(List.of(), closer.apply(2, Map.of(a, stats(5, 9)), Map.of(1, 9_999L)).finals());
        List<WindowResult> finals = closer.apply(3, Map.of(), Map.of(1, 10_000L)).finals();
        assertEquals(1, finals.size());
        assertEquals(a, finals.get(0).key());
        assertEquals(2, finals.get(0).stats().count());
        assertEquals(9, finals.get(0).stats().max());
        assertEquals(1, closer.openWindowKeys());
    }

    @Test
    void updatesForClosedWindowsAreReturnedNotApplied() {
        closer.apply(1, Map.of(a, stats(5)), Map.of(0, 10_000L, 1, 10_000L));
        WindowCloser.Result r = closer.apply(2, Map.of(a, stats(5, 6), b, stats(1)), Map.of());
        assertEquals(List.of(a), r.closedWindowUpdates());
        assertEquals(1, closer.openWindowKeys());
    }

    @Test
    void aReplayedBatchGivesTheSameResultAsItsFirstAttempt() {
        closer.apply(1, Map.of(a, stats(5)), Map.of(0, 5_000L, 1, 5_000L));
        WindowCloser.Result first = closer.apply(2, Map.of(a, stats(5, 8), b, stats(3)), Map.of(0, 20_000L, 1, 20_000L));
        WindowCloser.Result again = closer.apply(2, Map.of(a, stats(5, 8), b, stats(3)), Map.of(0, 20_000L, 1, 20_000L));
        assertEquals(first, again);
        assertEquals(2, again.finals().size());
        assertEquals(0, closer.openWindowKeys());
    }

    @Test
    void drainsAtTheEndOfEveryPartition() {
        closer.apply(1, Map.of(a, stats(5), b, stats(6)), Map.of(0, Long.MAX_VALUE));
        assertFalse(closer.isDrained());
        assertEquals(2, closer.apply(2, Map.of(), Map.of(1, Long.MAX_VALUE)).finals().size());
        assertTrue(closer.isDrained());
    }
}
