package io.logriver.logic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BatchLatenessTest {
    private final BatchLateness lateness = new BatchLateness(new Windows(10_000), 5_000);

    @Test
    void followsTheRecordAtATimeRulePerPartition() {
        lateness.begin(1);
        assertFalse(lateness.observeIsLate(0, 52_000));   // watermark of partition 0 becomes 47,000
        assertTrue(lateness.observeIsLate(0, 39_999));    // window [30,40) ends at 40,000 <= 47,000
        assertFalse(lateness.observeIsLate(0, 40_000));   // window [40,50) still open
        assertFalse(lateness.observeIsLate(1, 1_000));    // partition 1 has its own watermark
        assertEquals(47_000, lateness.watermark(0));
        assertEquals(-4_000, lateness.watermark(1));
        assertEquals(LatenessTracker.NO_WATERMARK, lateness.watermark(2));
    }

    @Test
    void aReplayedBatchStartsFromTheStateBeforeItsFirstAttempt() {
        lateness.begin(1);
        lateness.observeIsLate(0, 20_000);
        lateness.begin(2);
        lateness.observeIsLate(0, 90_000);
        assertEquals(85_000, lateness.watermark(0));
        lateness.begin(2); // replay of 2
        assertEquals(15_000, lateness.watermark(0));
        assertFalse(lateness.observeIsLate(0, 30_000));
        lateness.begin(3);
        assertEquals(25_000, lateness.watermark(0));
    }

    @Test
    void aRecordAheadOfTheWallClockMovesItsPartitionsWatermarkOnlyToTheClock() {
        AtomicLong now = new AtomicLong(100_000);
        BatchLateness b = new BatchLateness(new Windows(10_000), 5_000, new FutureTimeRule(300_000, now::get));
        b.begin(1);
        assertFalse(b.observeIsLate(0, 350_000));
        assertFalse(b.observeIsLate(1, 99_000));
        assertEquals(95_000, b.watermark(0));
        assertFalse(b.observeIsLate(0, 99_000)); // the present is not late
        now.set(360_000);
        b.begin(1); // a replay, later: the clock has moved on
        assertFalse(b.observeIsLate(0, 350_000));
        assertEquals(345_000, b.watermark(0));
        assertTrue(b.observeIsLate(0, 99_000));
        b.end(0);
        assertEquals(Long.MAX_VALUE, b.watermark(0)); // the end of the input is not held back by the clock
    }

    @Test
    void endOfInputMakesEveryWindowFinal() {
        lateness.begin(1);
        lateness.end(0);
        assertEquals(Long.MAX_VALUE, lateness.watermark(0));
        assertTrue(lateness.observeIsLate(0, 1_000_000));
    }
}
