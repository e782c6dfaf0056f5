package io.logriver.logic.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DurationStatsTest {

    private static DurationStats of(long... values) {
        DurationStats s = new DurationStats();
        for (long v : values) {
            s.add(v, false);
        }
        return s;
    }

    private static void assertSummary(DurationStats.Summary s, long count, long errors, long p50, long p95, long p99,
                                      long max) {
        assertEquals(count, s.count(), "count");
        assertEquals(errors, s.errors(), "errors");
        assertEquals(p50, s.p50(), "p50");
        assertEquals(p95, s.p95(), "p95");
        assertEquals(p99, s.p99(), "p99");
        assertEquals(max, s.max(), "max");
    }

    private static long[] shuffled(long[] values, long seed) {
        List<Long> l = new ArrayList<>();
        for (long v : values) {
            l.add(v);
        }
        Collections.shuffle(l, new Random(seed));
        return l.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void emptyCannotBeSummarized() {
        DurationStats s = new DurationStats();
        assertEquals(0, s.count());
        assertThrows(IllegalStateException.class, s::summarize);
    }

    @Test
    void oneValue() {
        assertSummary(of(86_400_000).summarize(), 1, 0, 86_400_000, 86_400_000, 86_400_000, 86_400_000);
        assertSummary(of(0).summarize(), 1, 0, 0, 0, 0, 0);
    }

    @Test
    void twoValues() {
        // ceil(2*0.5)=1st, ceil(2*0.95)=2nd, ceil(2*0.99)=2nd
        assertSummary(of(700, 300).summarize(), 2, 0, 300, 700, 700, 700);
        assertSummary(of(300, 700).summarize(), 2, 0, 300, 700, 700, 700);
    }

    @Test
    void threeValues() {
        // ceil(1.5)=2nd, ceil(2.85)=3rd, ceil(2.97)=3rd
        assertSummary(of(30, 10, 20).summarize(), 3, 0, 20, 30, 30, 30);
    }

    @Test
    void twentyValuesUnsorted() {
        long[] v = new long[20];
        for (int i = 0; i < 20; i++) {
            v[i] = 1_000L * (i + 1);
        }
        // ceil(10)=10th, ceil(19)=19th, ceil(19.8)=20th
        assertSummary(of(shuffled(v, 1)).summarize(), 20, 0, 10_000, 19_000, 20_000, 20_000);
        // reversed order too
        long[] rev = new long[20];
        for (int i = 0; i < 20; i++) {
            rev[i] = v[19 - i];
        }
        assertSummary(of(rev).summarize(), 20, 0, 10_000, 19_000, 20_000, 20_000);
    }

    @Test
    void hundredLargeValuesAreExact() {
        long[] v = new long[100];
        for (int i = 0; i < 100; i++) {
            v[i] = 864_000L * (i + 1); // 864,000 .. 86,400,000
        }
        // 50th, 95th, 99th
        assertSummary(of(shuffled(v, 7)).summarize(), 100, 0, 43_200_000, 82_080_000, 85_536_000, 86_400_000);
    }

    @Test
    void hundredValuesJustAbove2048() {
        long[] v = new long[100];
        for (int i = 0; i < 100; i++) {
            v[i] = 2_048L + i + 1; // 2049 .. 2148
        }
        assertSummary(of(shuffled(v, 3)).summarize(), 100, 0, 2_098, 2_143, 2_147, 2_148);
    }

    @Test
    void oddValuesThatFloatsWouldRound() {
        // 16,777,217 (2^24 + 1) and 86,399,999 are not representable as float
        DurationStats s = of(86_399_999, 16_777_217, 16_777_217, 86_399_999, 86_399_999);
        // ceil(2.5)=3rd of [16777217,16777217,86399999,86399999,86399999]
        assertSummary(s.summarize(), 5, 0, 86_399_999, 86_399_999, 86_399_999, 86_399_999);
        assertSummary(of(16_777_217, 86_399_999).summarize(), 2, 0, 16_777_217, 86_399_999, 86_399_999,
                86_399_999);
    }

    @Test
    void hundredAndOne() {
        long[] v = new long[101];
        for (int i = 0; i < 101; i++) {
            v[i] = 10_000L + i; // 1st = 10000
        }
        // ceil(50.5)=51st, ceil(95.95)=96th, ceil(99.99)=100th
        assertSummary(of(shuffled(v, 11)).summarize(), 101, 0, 10_050, 10_095, 10_099, 10_100);
    }

    @Test
    void duplicates() {
        assertSummary(of(5, 100, 5, 5, 5).summarize(), 5, 0, 5, 100, 100, 100);
        // 1, 2 x8, 3: ceil(5)=5th=2, ceil(9.5)=10th=3
        assertSummary(of(2, 2, 3, 2, 2, 1, 2, 2, 2, 2).summarize(), 10, 0, 2, 3, 3, 3);
        assertSummary(of(7, 7, 7, 7).summarize(), 4, 0, 7, 7, 7, 7);
        // 99 zeros and one large value: ceil(99)=99th is 0, the 100th is only the max
        long[] v = new long[100];
        v[42] = 86_400_000;
        assertSummary(of(v).summarize(), 100, 0, 0, 0, 0, 86_400_000);
    }

    /** Nearest rank by the definition: the smallest value v with at least ceil(n*p/100) values at most v. */
    private static long byDefinition(long[] values, int pct) {
        int n = values.length;
        int needed = 0;
        while ((long) needed * 100 < (long) n * pct) {
            needed++;
        }
        needed = Math.max(needed, 1);
        long best = Long.MAX_VALUE;
        for (long candidate : values) {
            int atMost = 0;
            for (long x : values) {
                if (x <= candidate) {
                    atMost++;
                }
            }
            if (atMost >= needed && candidate < best) {
                best = candidate;
            }
        }
        return best;
    }

    @Test
    void randomInputsMatchTheDefinition() {
        Random rnd = new Random(2017);
        for (int round = 0; round < 300; round++) {
            int n = 1 + rnd.nextInt(round < 150 ? 30 : 400);
            long[] v = new long[n];
            boolean manyDuplicates = rnd.nextBoolean();
            for (int i = 0; i < n; i++) {
                v[i] = manyDuplicates ? rnd.nextInt(5) * 21_600_000L : rnd.nextInt(86_400_001);
            }
            DurationStats.Summary s = of(v).summarize();
            String ctx = Arrays.toString(v);
            assertEquals(byDefinition(v, 50), s.p50(), ctx);
            assertEquals(byDefinition(v, 95), s.p95(), ctx);
            assertEquals(byDefinition(v, 99), s.p99(), ctx);
            assertEquals(Arrays.stream(v).max().getAsLong(), s.max(), ctx);
            assertEquals(n, s.count());
        }
    }

    @Test
    void errorsAreCounted() {
        DurationStats s = new DurationStats();
        s.add(10, true);
        s.add(20, false);
        s.add(30, true);
        assertEquals(3, s.count());
        assertEquals(2, s.errors());
        assertSummary(s.summarize(), 3, 2, 20, 30, 30, 30);
    }

    @Test
    void mergeHoldsBothAndChangesNeither() {
        DurationStats a = of(1, 2, 3);
        a.add(4, true);
        DurationStats b = new DurationStats();
        for (int i = 5; i <= 20; i++) {
            b.add(i * 1_000_000L, i % 5 == 0);
        }
        DurationStats m = DurationStats.merge(a, b);
        assertEquals(20, m.count());
        assertEquals(1 + 4, m.errors());
        // sorted: 1,2,3,4,5e6..20e6: 10th = 10e6, 19th = 19e6, 20th = 20e6
        assertSummary(m.summarize(), 20, 5, 10_000_000, 19_000_000, 20_000_000, 20_000_000);
        assertSummary(a.summarize(), 4, 1, 2, 4, 4, 4);
        assertEquals(16, b.count());
        // the merged instance grows on its own
        m.add(0, false);
        assertEquals(21, m.count());
        assertEquals(16, b.count());
        assertEquals(4, a.count());
    }

    @Test
    void mergeWithEmpty() {
        DurationStats m = DurationStats.merge(new DurationStats(), new DurationStats());
        assertEquals(0, m.count());
        m.add(5, false);
        assertSummary(m.summarize(), 1, 0, 5, 5, 5, 5);
        assertSummary(DurationStats.merge(of(9), new DurationStats()).summarize(), 1, 0, 9, 9, 9, 9);
    }

    @Test
    void summarizeDoesNotDisturbLaterAdds() {
        DurationStats s = of(50, 10);
        assertSummary(s.summarize(), 2, 0, 10, 50, 50, 50);
        s.add(30, false);
        assertSummary(s.summarize(), 3, 0, 30, 50, 50, 50);
    }
}
