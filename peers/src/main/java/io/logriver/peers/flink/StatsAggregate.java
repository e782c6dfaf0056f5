package io.logriver.peers.flink;

import io.logriver.config.LogriverConfig;
import io.logriver.logic.AppliedHook;
import io.logriver.logic.window.DurationStats;
import io.logriver.peers.Hit;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * The window aggregate: logriver's {@link DurationStats}. {@link #add} is where the latency hook is told a request is applied
 * to its window (the accumulator lives in the window operator's heap state).
 */
final class StatsAggregate implements AggregateFunction<Hit, DurationStats, DurationStats> {
    private static final long serialVersionUID = 1L;

    private final String hookClass;
    private transient AppliedHook hook;

    /** @param hookClass {@code logriver.latency.hook}: told of every request applied to its window */
    StatsAggregate(String hookClass) {
        this.hookClass = hookClass;
    }

    @Override
    public DurationStats createAccumulator() {
        return new DurationStats();
    }

    @Override
    public DurationStats add(Hit hit, DurationStats stats) {
        stats.add(hit.measure().durationMillis(), hit.measure().error());
        if (hook == null) { // an aggregate function has no open(): made on the task, where it runs
            hook = LogriverConfig.newLatencyHook(hookClass);
        }
        hit.measure().applied(hook);
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
