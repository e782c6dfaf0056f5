package io.logriver.logic.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.logic.parse.FutureTimeRule;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LatenessTrackerTest {

    private final LatenessTracker tracker = new LatenessTracker(new Windows(10_000), 5_000);

    @Test
    void noWatermarkBeforeAnyRecord() {
        assertEquals(LatenessTracker.NO_WATERMARK, tracker.watermark());
        assertFalse(tracker.observeIsLate(0));
        assertEquals(-5_000, tracker.watermark());
    }

    @Test
    void firstRecordIsNeverLateEvenFarInThePast() {
        assertFalse(tracker.observeIsLate(-1_000_000));
        assertEquals(-1_005_000, tracker.watermark());
    }

    @Test
    void watermarkIsHighestEventTimeMinusLateness() {
        tracker.observeIsLate(12_000);
        assertEquals(7_000, tracker.watermark());
        tracker.observeIsLate(9_000); // older: watermark stays
        assertEquals(7_000, tracker.watermark());
        tracker.observeIsLate(30_000);
        assertEquals(25_000, tracker.watermark());
        tracker.observeIsLate(29_999);
        assertEquals(25_000, tracker.watermark());
    }

    @Test
    void recordIsLateOnlyOnceItsWindowIsFinal() {
        assertFalse(tracker.observeIsLate(12_000)); // watermark 7,000
        assertFalse(tracker.observeIsLate(0));      // [0,10000) ends 10,000 > 7,000
        assertFalse(tracker.observeIsLate(14_999)); // watermark still 9,999 after this
        assertEquals(9_999, tracker.watermark());
        assertFalse(tracker.observeIsLate(9_999));  // end 10,000 > 9,999
        assertFalse(tracker.observeIsLate(15_000)); // watermark becomes 10,000
        assertEquals(10_000, tracker.watermark());
        assertTrue(tracker.observeIsLate(9_999));   // end 10,000 <= 10,000: late
        assertTrue(tracker.observeIsLate(0));
        assertTrue(tracker.observeIsLate(-1));
        assertFalse(tracker.observeIsLate(10_000)); // next window still open
        assertEquals(10_000, tracker.watermark());  // late records do not move the watermark
    }

    @Test
    void zeroLateness() {
        LatenessTracker t = new LatenessTracker(new Windows(10_000), 0);
        assertFalse(t.observeIsLate(9_999));
        assertEquals(9_999, t.watermark());
        assertFalse(t.observeIsLate(10_000));
        assertTrue(t.observeIsLate(9_999));
        assertFalse(t.observeIsLate(10_000));
    }

    /** One record ahead of the wall clock (but within the limit) must not make the present late. */
    @Test
    void aRecordAheadOfTheWallClockMovesTheWatermarkOnlyToTheClock() {
        AtomicLong now = new AtomicLong(100_000);
        LatenessTracker t = new LatenessTracker(new Windows(10_000), 5_000, new FutureTimeRule(300_000, now::get));
        assertFalse(t.observeIsLate(99_000));
        assertFalse(t.observeIsLate(350_000)); // 250 s ahead of the clock: valid, and in its window
        assertEquals(95_000, t.watermark());   // the clock, less the lateness: not 345,000
        assertFalse(t.observeIsLate(99_500));  // the present is not late
        now.set(400_000);
        assertFalse(t.observeIsLate(360_000));
        assertEquals(355_000, t.watermark());
        assertTrue(t.observeIsLate(340_000));

        LatenessTracker off = new LatenessTracker(new Windows(10_000), 5_000, new FutureTimeRule(0, () -> 100_000L));
        off.observeIsLate(350_000);
        assertEquals(345_000, off.watermark());
        assertTrue(off.observeIsLate(99_500)); // without the rule, the present would be late
    }

    @Test
    void negativeEventTimes() {
        assertFalse(tracker.observeIsLate(-1_000)); // watermark -6,000
        assertFalse(tracker.observeIsLate(-10_000)); // [-10000,0) ends 0 > -6,000
        assertFalse(tracker.observeIsLate(5_000)); // watermark 0
        assertTrue(tracker.observeIsLate(-1));     // [-10000,0) ends 0 <= 0
        assertFalse(tracker.observeIsLate(0));
    }
}
