package io.logriver.trident.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BatchTimesTest {

    @Test
    void startsEmpty() {
        BatchTimes b = new BatchTimes();
        assertEquals(0, b.records);
        assertArrayEquals(new long[0], b.emitTimes());
        assertArrayEquals(new long[0], b.schedTimes());
    }

    @Test
    void keepsTheTimesInOrderBeyondItsFirstCapacity() {
        BatchTimes b = new BatchTimes();
        for (long i = 0; i < 40; i++) {
            b.add(1_000 + i, 2_000 + i);
        }

        assertArrayEquals(LongStream.range(1_000, 1_040).toArray(), b.emitTimes());
        assertArrayEquals(LongStream.range(2_000, 2_040).toArray(), b.schedTimes());
    }

    @Test
    void timesAreCopiesTheCallerCannotChange() {
        BatchTimes b = new BatchTimes();
        b.add(1, 2);
        b.emitTimes()[0] = 99;
        b.schedTimes()[0] = 99;

        assertArrayEquals(new long[] {1}, b.emitTimes());
        assertArrayEquals(new long[] {2}, b.schedTimes());
    }
}
