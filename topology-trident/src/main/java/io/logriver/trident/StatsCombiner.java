package io.logriver.trident;

import io.logriver.logic.DurationStats;
import org.apache.storm.trident.operation.CombinerAggregator;
import org.apache.storm.trident.tuple.TridentTuple;

/** The window aggregate as a Trident combiner: (durationMillis, error) into {@link DurationStats}, never mutated. */
final class StatsCombiner implements CombinerAggregator<DurationStats> {
    private static final long serialVersionUID = 1L;

    @Override
    public DurationStats init(TridentTuple t) {
        DurationStats s = new DurationStats();
        s.add(t.getLong(0), t.getBoolean(1));
        return s;
    }

    @Override
    public DurationStats combine(DurationStats a, DurationStats b) {
        return DurationStats.merge(a, b);
    }

    @Override
    public DurationStats zero() {
        return new DurationStats();
    }
}
