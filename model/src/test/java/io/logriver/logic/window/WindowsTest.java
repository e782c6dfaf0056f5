package io.logriver.logic.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WindowsTest {

    private static final Windows TEN_S = new Windows(10_000);

    @ParameterizedTest(name = "t={0} -> [{1}, {2})")
    @CsvSource({
        "0, 0, 10000", "1, 0, 10000", "9999, 0, 10000", "10000, 10000, 20000", "10001, 10000, 20000",
        "1496515415000, 1496515410000, 1496515420000", "1496515410000, 1496515410000, 1496515420000",
        "1496515419999, 1496515410000, 1496515420000",
        "-1, -10000, 0", "-9999, -10000, 0", "-10000, -10000, 0", "-10001, -20000, -10000",
        "-1000, -10000, 0"})
    void tumblingWindows(long t, long start, long end) {
        assertEquals(start, TEN_S.startOf(t));
        assertEquals(end, TEN_S.endOf(t));
    }

    @Test
    void otherSizes() {
        Windows w = new Windows(7);
        assertEquals(14, w.startOf(20));
        assertEquals(-7, w.startOf(-1));
        assertEquals(-14, w.startOf(-8));
        Windows one = new Windows(1);
        assertEquals(-5, one.startOf(-5));
        assertEquals(-4, one.endOf(-5));
    }

    @Test
    void finalOnceEndIsAtOrBeforeWatermark() {
        assertFalse(TEN_S.isFinal(0, 9_999));
        assertTrue(TEN_S.isFinal(0, 10_000));
        assertTrue(TEN_S.isFinal(0, 10_001));
        assertFalse(TEN_S.isFinal(10_000, 10_000));
        assertTrue(TEN_S.isFinal(-10_000, 0));
        assertFalse(TEN_S.isFinal(-10_000, -1));
        assertFalse(TEN_S.isFinal(0, LatenessTracker.NO_WATERMARK));
        assertFalse(TEN_S.isFinal(-20_000, LatenessTracker.NO_WATERMARK));
        assertTrue(TEN_S.isFinal(1_496_515_410_000L, Long.MAX_VALUE));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, -10_000, Long.MIN_VALUE})
    void sizeMustBePositive(long size) {
        assertThrows(IllegalArgumentException.class, () -> new Windows(size));
    }
}
