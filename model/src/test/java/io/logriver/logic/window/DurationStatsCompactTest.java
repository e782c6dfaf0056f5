package io.logriver.logic.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compact form: size bounded by distinct durations, merges that sum counts, and the binary form. */
class DurationStatsCompactTest {

    @Test
    void sizeIsBoundedByDistinctDurationsNotRequests() {
        DurationStats s = new DurationStats();
        for (int i = 0; i < 1_000_000; i++) {
            s.add(i % 250, i % 1000 == 0);
        }
        assertEquals(1_000_000, s.count());
        assertEquals(1_000, s.errors());
        assertEquals(250, s.distinctDurations());
        assertTrue(s.toBytes().length < 1_000, "bytes: " + s.toBytes().length);
        // 4,000 of each value 0..249: 500,000th is 124, 950,000th is 237, 990,000th is 247
        assertEquals(new DurationStats.Summary(1_000_000, 1_000, 124, 237, 247, 249), s.summarize());
    }

    @Test
    void mergeSumsTheCountsOfEqualDurations() {
        DurationStats a = new DurationStats();
        DurationStats b = new DurationStats();
        for (int i = 0; i < 10; i++) {
            a.add(5, false);
            b.add(5, true);
            b.add(7, false);
        }
        DurationStats m = DurationStats.merge(a, b);
        assertEquals(2, m.distinctDurations());
        assertEquals(new DurationStats.Summary(30, 10, 5, 7, 7, 7), m.summarize());
    }

    @Test
    void repeatedMergesEqualOneStatsOfEveryValue() {
        Random rnd = new Random(9);
        DurationStats all = new DurationStats();
        DurationStats merged = new DurationStats();
        for (int batch = 0; batch < 200; batch++) {
            DurationStats partial = new DurationStats();
            for (int i = rnd.nextInt(50); i > 0; i--) {
                long d = rnd.nextInt(4) == 0 ? rnd.nextInt(86_400_001) : rnd.nextInt(300);
                boolean error = rnd.nextInt(10) == 0;
                partial.add(d, error);
                all.add(d, error);
            }
            merged = DurationStats.merge(merged, partial);
        }
        assertEquals(all, merged);
        assertEquals(all.summarize(), merged.summarize());
    }

    @Test
    void bytesRoundTrip() {
        Random rnd = new Random(17);
        for (int round = 0; round < 100; round++) {
            DurationStats s = new DurationStats();
            for (int i = rnd.nextInt(500); i > 0; i--) {
                s.add(rnd.nextBoolean() ? rnd.nextInt(86_400_001) : rnd.nextInt(20), rnd.nextBoolean());
            }
            DurationStats back = DurationStats.fromBytes(s.toBytes());
            assertEquals(s, back);
            assertEquals(s.count(), back.count());
            assertEquals(s.errors(), back.errors());
            if (s.count() > 0) {
                assertEquals(s.summarize(), back.summarize());
            }
            // the copy grows on its own
            back.add(3, false);
            assertNotEquals(s, back);
        }
    }

    @Test
    void bytesAreTheDocumentedFormatAtEveryVarintLength() {
        DurationStats s = new DurationStats();
        s.add(127, true);
        for (int i = 0; i < 128; i++) {
            s.add(255, false); // 128 from 127: a distance of one byte, a count of two
        }
        s.add(16_639, false); // a distance of 16,384: three bytes
        // format, errors 1, 3 durations; 127 once; +128 (0x80 0x01) 128 times (0x80 0x01); +16,384 (0x80 0x80 0x01) once
        assertArrayEquals(new byte[] {1, 1, 3, 127, 1, (byte) 0x80, 1, (byte) 0x80, 1, (byte) 0x80, (byte) 0x80, 1, 1},
                s.toBytes());
        DurationStats many = new DurationStats();
        many.add(0, false);
        DurationStats big = DurationStats.fromBytes(new byte[] {1, 0, 1, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F}); // a count of 2^63 - 1
        assertArrayEquals(new byte[] {1, 0, 1, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F}, big.toBytes());
        assertArrayEquals(new byte[] {1, 0, 1, 0, 1}, many.toBytes());
    }

    @Test
    void badBytesAreRefusedWithAReason() {
        DurationStats s = new DurationStats();
        s.add(10, false);
        s.add(20, false);
        byte[] ok = s.toBytes();
        assertThrows(IllegalArgumentException.class, () -> DurationStats.fromBytes(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> DurationStats.fromBytes(new byte[] {9}));
        assertThrows(IllegalArgumentException.class,
                () -> DurationStats.fromBytes(Arrays.copyOf(ok, ok.length - 1)));
        assertThrows(IllegalArgumentException.class,
                () -> DurationStats.fromBytes(Arrays.copyOf(ok, ok.length + 1)));
        byte[] zeroCount = ok.clone();
        zeroCount[zeroCount.length - 1] = 0;
        assertThrows(IllegalArgumentException.class, () -> DurationStats.fromBytes(zeroCount));
    }
}
