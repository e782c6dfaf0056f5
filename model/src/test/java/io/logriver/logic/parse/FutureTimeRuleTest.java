package io.logriver.logic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.logic.time.WallClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FutureTimeRuleTest {

    /** 2017-06-03T18:43:35Z. */
    private static final long NOW = 1_496_515_415_000L;

    @Test
    void upToTheLimitAheadIsFineOneMillisecondMoreIsNot() {
        FutureTimeRule r = new FutureTimeRule(300_000, () -> NOW);
        assertFalse(r.tooFarAhead(NOW));
        assertFalse(r.tooFarAhead(NOW - 86_400_000L));
        assertFalse(r.tooFarAhead(0));
        assertFalse(r.tooFarAhead(NOW + 300_000));
        assertTrue(r.tooFarAhead(NOW + 300_001));
        assertTrue(r.tooFarAhead(Long.MAX_VALUE));
    }

    @Test
    void theLimitMovesWithTheClock() {
        AtomicLong clock = new AtomicLong(NOW);
        FutureTimeRule r = new FutureTimeRule(1_000, clock::get);
        assertTrue(r.tooFarAhead(NOW + 5_000));
        clock.set(NOW + 4_000);
        assertFalse(r.tooFarAhead(NOW + 5_000));
    }

    @Test
    void aRecordMovesTheWatermarkNoFurtherThanTheClock() {
        FutureTimeRule r = new FutureTimeRule(300_000, () -> NOW);
        assertEquals(NOW - 1, r.watermarkTime(NOW - 1));
        assertEquals(NOW, r.watermarkTime(NOW));
        assertEquals(NOW, r.watermarkTime(NOW + 299_000));
        assertEquals(NOW + 299_000, new FutureTimeRule(0, () -> NOW).watermarkTime(NOW + 299_000));
    }

    @Test
    void zeroSwitchesTheRuleOff() {
        FutureTimeRule r = new FutureTimeRule(0, () -> NOW);
        assertFalse(r.tooFarAhead(Long.MAX_VALUE));
        assertFalse(FutureTimeRule.OFF.tooFarAhead(Long.MAX_VALUE));
    }

    @Test
    void aNegativeLimitIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> new FutureTimeRule(-1, () -> NOW));
    }

    @Test
    void theSystemClockIsTheWallClock() {
        long before = System.currentTimeMillis();
        long now = WallClock.system().millis();
        assertTrue(now >= before && now <= System.currentTimeMillis());
        assertFalse(FutureTimeRule.of(60_000).tooFarAhead(before + 50_000));
        assertTrue(FutureTimeRule.of(60_000).tooFarAhead(before + 3_600_000));
    }

    /** Bolts and Trident functions carry the rule, and Storm serializes them. */
    @Test
    void survivesJavaSerializationWithItsClock() throws Exception {
        FutureTimeRule r = (FutureTimeRule) roundTrip(new FutureTimeRule(1_000, () -> NOW));
        assertEquals(1_000, r.maxFutureMillis());
        assertEquals(NOW, r.clock().millis());
        assertEquals(WallClock.system(), ((FutureTimeRule) roundTrip(FutureTimeRule.of(5))).clock());
    }

    private static Object roundTrip(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
