package io.logriver.logic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyProbeTest {
    private static final long MS = 1_000_000;

    @Test
    void aRequestThatWaitedForItsSessionCountsItsProcessingAndItsWaitApart() {
        LatencyProbe.takeInTopology();
        LatencyProbe.takeEndToEnd();
        LatencyProbe.takeJoinWaits();
        // due at 0, emitted by the spout at 3 ms, taken by the partition stage at 4 ms, its session came at 504 ms
        LatencyProbe.recordWaited(504 * MS, 3 * MS, 0, 4 * MS);
        // one that did not wait: emitted at 10 ms, applied at 12 ms, due at 9 ms
        LatencyProbe.record(12 * MS, 10 * MS, 9 * MS);
        Histogram inTopology = LatencyProbe.takeInTopology();
        Histogram endToEnd = LatencyProbe.takeEndToEnd();
        Histogram waits = LatencyProbe.takeJoinWaits();
        assertEquals(2, inTopology.getTotalCount());
        assertEquals(2_000, inTopology.getMaxValue(), 2, "processing only: 1 ms and 2 ms, not the 500 ms wait");
        assertEquals(4_000, endToEnd.getMaxValue(), 4, "due to taken: 4 ms");
        assertEquals(1, waits.getTotalCount());
        assertEquals(500_000, waits.getMaxValue(), 500);
    }
}
