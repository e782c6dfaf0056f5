package io.logriver.peers.flink;

import io.logriver.logic.window.DurationStats;
import io.logriver.peers.Hit;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * The window aggregate: logriver's {@link DurationStats}. {@link #add} is where the probe counts a request as applied
 * to its window (the accumulator lives in the window operator's heap state).
 */
final class StatsAggregate implements AggregateFunction<Hit, DurationStats, DurationStats> {
    private static final long serialVersionUID = 1L;

    private final boolean probe;

    StatsAggregate(boolean probe) {
        this.probe = probe;
    }

    @Override
    public DurationStats createAccumulator() {
        return new DurationStats();
    }

    @Override
    public DurationStats add(Hit hit, DurationStats stats) {
        stats.add(hit.measure().durationMillis(), hit.measure().error());
        if (probe) {
            hit.measure().recordApplied();
        }
        return stats;
    }

    @Override
    public DurationStats getResult(DurationStats stats) {
        return stats;
    }

    @Override
    public DurationStats merge(DurationStats a, DurationStats b) {
        return DurationStats.merge(a, b);
    }
}
