package io.logriver.logic.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WindowMergerTest {
    private static final Windows W = new Windows(10_000);

    private static DurationStats stats(long... durations) {
        DurationStats s = new DurationStats();
        for (long d : durations) {
            s.add(d, d >= 100);
        }
        return s;
    }

    private static WindowKey key(long start, String org) {
        return new WindowKey(start, org, "/a");
    }

    @Test
    void aWindowClosesOnceTheLowestWatermarkPassesItsEndWithTheSharesAddedUp() {
        WindowMerger m = new WindowMerger(W, 2);
        assertTrue(m.offer(0, key(0, "b"), stats(1, 2)));
        assertTrue(m.offer(1, key(0, "b"), stats(100)));
        assertTrue(m.offer(1, key(0, "a"), stats(5)));
        assertEquals(List.of(), m.advance(0, 10_000));
        List<WindowResult> closed = m.advance(1, 12_000);
        assertEquals(List.of(key(0, "a"), key(0, "b")), closed.stream().map(WindowResult::key).toList());
        assertEquals(new DurationStats.Summary(3, 1, 2, 100, 100, 100), closed.get(1).stats());
        assertFalse(m.offer(0, key(0, "b"), stats(9)), "the window has been emitted: only a replay brings a share");
        assertEquals(0, m.openKeys());
    }

    @Test
    void aShareSentAgainReplacesItselfAndWatermarksNeverGoBack() {
        WindowMerger m = new WindowMerger(W, 1);
        m.offer(0, key(0, "a"), stats(1));
        m.offer(0, key(0, "a"), stats(1));
        m.advance(0, 9_999);
        assertEquals(List.of(), m.advance(0, 5_000));
        assertEquals(new DurationStats.Summary(1, 0, 1, 1, 1, 1), m.advance(0, 10_000).get(0).stats());
    }

    @Test
    void theEndOfEveryPartitionDrainsIt() {
        WindowMerger m = new WindowMerger(W, 2);
        m.offer(0, key(90_000, "a"), stats(1));
        m.advance(0, Long.MAX_VALUE);
        assertFalse(m.isDrained());
        assertEquals(1, m.advance(1, Long.MAX_VALUE).size());
        assertTrue(m.isDrained());
    }

    @Test
    void onlyWhatChangedGoesToTheCheckpointAndARestoreGoesOnFromIt() {
        WindowMerger m = new WindowMerger(W, 2);
        Map<String, byte[]> store = new TreeMap<>();
        m.offer(0, key(0, "a"), stats(1));
        m.offer(1, key(0, "a"), stats(2));
        m.offer(0, key(10_000, "a"), stats(3));
        m.advance(0, 3_000);
        m.changes(store::put, store::remove);
        assertEquals(3, store.size(), "two keys and the watermarks");
        Map<String, byte[]> written = new TreeMap<>();
        m.changes(written::put, written::remove);
        assertEquals(Map.of(), written, "nothing changed since");
        m.advance(0, 10_000);
        assertEquals(1, m.advance(1, 10_000).size());
        m.changes(store::put, store::remove);
        assertEquals(2, store.size(), "the emitted key is gone");

        WindowMerger restored = new WindowMerger(W, 2);
        restored.restore(store.entrySet());
        assertEquals(1, restored.openKeys());
        assertFalse(restored.offer(0, key(0, "a"), stats(7)), "its window was emitted before the checkpoint");
        assertEquals(List.of(), restored.advance(0, 20_000));
        List<WindowResult> last = restored.advance(1, 20_000);
        assertEquals(List.of(key(10_000, "a")), last.stream().map(WindowResult::key).toList());
        assertEquals(new DurationStats.Summary(1, 0, 3, 3, 3, 3), last.get(0).stats());
    }

    @Test
    void partitionsAreChecked() {
        WindowMerger m = new WindowMerger(W, 2);
        assertThrows(IllegalArgumentException.class, () -> m.advance(2, 0));
        assertThrows(IllegalArgumentException.class, () -> new WindowMerger(W, 0));
        Map<String, byte[]> store = new TreeMap<>();
        m.advance(0, 1);
        m.changes(store::put, store::remove);
        assertThrows(IllegalArgumentException.class, () -> new WindowMerger(W, 3).restore(store.entrySet()));
    }
}
