package io.logriver.trident;

import static io.logriver.trident.TridentHarness.tuple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logriver.logic.DurationStats;
import org.apache.storm.tuple.Fields;
import org.junit.jupiter.api.Test;

class StatsCombinerTest {
    private static final Fields INPUT = new Fields("durationMillis", "error");

    private final StatsCombiner combiner = new StatsCombiner();

    @Test
    void initHoldsTheOneRequest() {
        DurationStats s = combiner.init(tuple(INPUT, 250L, true));

        assertEquals(1, s.count());
        assertEquals(1, s.errors());
        assertEquals(new DurationStats.Summary(1, 1, 250, 250, 250, 250), s.summarize());
    }

    @Test
    void combineHoldsBothAndChangesNeither() {
        DurationStats a = combiner.init(tuple(INPUT, 100L, false));
        DurationStats b = combiner.combine(combiner.init(tuple(INPUT, 300L, true)),
                combiner.init(tuple(INPUT, 200L, false)));

        DurationStats c = combiner.combine(a, b);

        assertEquals(new DurationStats.Summary(3, 1, 200, 300, 300, 300), c.summarize());
        assertEquals(1, a.count());
        assertEquals(0, a.errors());
        assertEquals(2, b.count());
        assertEquals(1, b.errors());
    }

    @Test
    void zeroIsEmptyAndTheIdentityOfCombine() {
        DurationStats zero = combiner.zero();
        assertEquals(0, zero.count());
        assertEquals(0, zero.errors());

        DurationStats one = combiner.init(tuple(INPUT, 40L, true));
        assertEquals(one.summarize(), combiner.combine(zero, one).summarize());
        assertEquals(one.summarize(), combiner.combine(one, combiner.zero()).summarize());
        assertEquals(0, zero.count());
    }
}
