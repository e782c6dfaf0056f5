package io.logriver.logic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WindowAggregatorTest {

    private final Windows windows = new Windows(10_000);
    private final WindowAggregator agg = new WindowAggregator(windows, 2);

    private static List<String> keys(List<WindowResult> results) {
        return results.stream().map(r -> r.key().windowStart() + "|" + r.key().orgID() + "|" + r.key().webURL())
                .collect(Collectors.toList());
    }

    @Test
    void nothingClosesUntilEveryPartitionHasAWatermark() {
        assertTrue(agg.add(new WindowKey(0, "o", "/a"), 10, false));
        assertTrue(agg.advance(0, 1_000_000).isEmpty());
        assertTrue(agg.advance(0, Long.MAX_VALUE).isEmpty());
        assertEquals(1, agg.openWindowKeys());
        assertFalse(agg.isDrained());
        List<WindowResult> closed = agg.advance(1, 10_000);
        assertEquals(List.of("0|o|/a"), keys(closed));
        assertEquals(0, agg.openWindowKeys());
    }

    @Test
    void closesWhenTheLowestWatermarkReachesTheWindowEnd() {
        agg.add(new WindowKey(0, "o", "/a"), 10, false);
        agg.add(new WindowKey(10_000, "o", "/a"), 20, false);
        assertTrue(agg.advance(0, 50_000).isEmpty());
        assertTrue(agg.advance(1, 9_999).isEmpty()); // min 9,999 < end 10,000
        assertEquals(List.of("0|o|/a"), keys(agg.advance(1, 10_000)));
        assertTrue(agg.advance(1, 19_999).isEmpty());
        assertEquals(List.of("10000|o|/a"), keys(agg.advance(1, 20_000)));
        assertEquals(0, agg.openWindowKeys());
    }

    @Test
    void minimumOverPartitionsGoverns() {
        agg.add(new WindowKey(0, "o", "/a"), 10, false);
        agg.advance(0, 10_000);
        assertTrue(agg.advance(1, 5_000).isEmpty());
        assertEquals(1, agg.openWindowKeys());
        assertEquals(1, agg.advance(1, 12_000).size()); // min(10,000, 12,000) = 10,000
    }

    @Test
    void watermarksNeverGoBack() {
        agg.add(new WindowKey(0, "o", "/a"), 10, false);
        agg.advance(0, 10_000);
        agg.advance(0, 0); // lower: ignored
        assertEquals(1, agg.advance(1, 10_000).size());
    }

    @Test
    void resultsAreOrderedByWindowStartOrgAndUrl() {
        WindowKey[] added = {
            new WindowKey(10_000, "org-a", "/a"), new WindowKey(0, "org-b", "/a"), new WindowKey(0, "org-a", "/z"),
            new WindowKey(20_000, "org-a", "/a"), new WindowKey(0, "org-a", "/b"), new WindowKey(10_000, "org-0", "/z"),
            new WindowKey(-10_000, "org-z", "/z"), new WindowKey(0, "Org-C", "/a"), new WindowKey(0, "org-a", "/B")};
        for (WindowKey k : added) {
            assertTrue(agg.add(k, 5, false));
        }
        agg.advance(0, 20_000);
        List<WindowResult> closed = agg.advance(1, 25_000);
        assertEquals(List.of("-10000|org-z|/z", "0|Org-C|/a", "0|org-a|/B", "0|org-a|/b", "0|org-a|/z",
                "0|org-b|/a", "10000|org-0|/z", "10000|org-a|/a"), keys(closed));
        assertEquals(1, agg.openWindowKeys());
        assertTrue(agg.advance(1, Long.MAX_VALUE).isEmpty()); // partition 0 still at 20,000
        assertEquals(List.of("20000|org-a|/a"), keys(agg.advance(0, Long.MAX_VALUE)));
    }

    @Test
    void resultCarriesTheStatistics() {
        WindowKey k = new WindowKey(1_496_515_410_000L, "org-7", "/app/page/analyze");
        long[] durations = {900, 36, 120, 250, 20, 36, 40};
        for (int i = 0; i < durations.length; i++) {
            agg.add(k, durations[i], i < 2);
        }
        agg.add(new WindowKey(1_496_515_410_000L, "org-8", "/app/page/analyze"), 1, true);
        agg.advance(0, Long.MAX_VALUE);
        List<WindowResult> closed = agg.advance(1, Long.MAX_VALUE);
        assertEquals(2, closed.size());
        WindowResult r = closed.get(0);
        assertEquals(k, r.key());
        assertEquals(10_000, r.windowSizeMillis());
        assertTrue(r.isFinal());
        // sorted: 20,36,36,40,120,250,900 -> 4th, 7th, 7th
        assertEquals(new DurationStats.Summary(7, 2, 40, 900, 900, 900), r.stats());
        assertEquals(new DurationStats.Summary(1, 1, 1, 1, 1, 1), closed.get(1).stats());
    }

    @Test
    void addToAClosedWindowIsRefused() {
        agg.add(new WindowKey(0, "o", "/a"), 10, false);
        agg.advance(0, 10_000);
        assertEquals(1, agg.advance(1, 10_000).size());
        assertFalse(agg.add(new WindowKey(0, "o", "/a"), 10, false));
        assertFalse(agg.add(new WindowKey(0, "other", "/new"), 10, false));
        assertFalse(agg.add(new WindowKey(-10_000, "o", "/a"), 10, false));
        assertEquals(0, agg.openWindowKeys());
        assertTrue(agg.add(new WindowKey(10_000, "o", "/a"), 10, false)); // still open
        assertEquals(1, agg.openWindowKeys());
        assertTrue(agg.advance(0, 15_000).isEmpty());
        assertTrue(agg.advance(1, 15_000).isEmpty()); // nothing reclosed or repeated
    }

    @Test
    void addIsAcceptedWhileSomePartitionLags() {
        agg.advance(0, 100_000);
        assertTrue(agg.add(new WindowKey(0, "o", "/a"), 10, false)); // partition 1 has no watermark yet
        assertEquals(1, agg.advance(1, 10_000).size());
    }

    @Test
    void maxValueOnAllPartitionsDrainsEverything() {
        for (long start = 0; start < 100_000; start += 10_000) {
            agg.add(new WindowKey(start, "o", "/a"), start, false);
            agg.add(new WindowKey(start, "p", "/a"), start, true);
        }
        agg.add(new WindowKey(1_496_515_410_000L, "o", "/a"), 1, false);
        assertEquals(21, agg.openWindowKeys());
        assertTrue(agg.advance(1, Long.MAX_VALUE).isEmpty());
        assertFalse(agg.isDrained());
        List<WindowResult> all = agg.advance(0, Long.MAX_VALUE);
        assertEquals(21, all.size());
        assertEquals(0, agg.openWindowKeys());
        assertTrue(agg.isDrained());
        assertEquals(1_496_515_410_000L, all.get(20).key().windowStart());
        assertFalse(agg.add(new WindowKey(1_496_515_420_000L, "o", "/a"), 1, false));
    }

    @Test
    void notDrainedWhileWindowsOpenOrInputContinues() {
        WindowAggregator one = new WindowAggregator(windows, 1);
        assertFalse(one.isDrained());
        one.add(new WindowKey(0, "o", "/a"), 1, false);
        one.advance(0, 1_000_000);
        assertFalse(one.isDrained()); // watermark is not the end of input
        assertTrue(one.advance(0, Long.MAX_VALUE).isEmpty());
        assertTrue(one.isDrained());
    }

    @Test
    void singlePartition() {
        WindowAggregator one = new WindowAggregator(windows, 1);
        one.add(new WindowKey(0, "o", "/a"), 1, false);
        assertEquals(1, one.advance(0, 10_000).size());
    }

    @Test
    void invalidPartitions() {
        assertThrows(IllegalArgumentException.class, () -> new WindowAggregator(windows, 0));
        assertThrows(IllegalArgumentException.class, () -> agg.advance(2, 0));
        assertThrows(IllegalArgumentException.class, () -> agg.advance(-1, 0));
    }
}
