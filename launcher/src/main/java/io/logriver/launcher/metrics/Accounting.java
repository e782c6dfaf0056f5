package io.logriver.launcher.metrics;

import io.logriver.names.Names;
import java.util.function.ToLongFunction;

/** logriver's accounting: every request record read is aggregated, filtered, invalid or late, exactly once. */
public record Accounting(long read, long aggregated, long filtered, long invalid, long late) {

    /** The five counters, each as {@code total} sums it over the topology's tasks. */
    public static Accounting of(ToLongFunction<String> total) {
        return new Accounting(total.applyAsLong(Names.M_READ), total.applyAsLong(Names.M_AGGREGATED),
                total.applyAsLong(Names.M_FILTERED), total.applyAsLong(Names.M_INVALID), total.applyAsLong(Names.M_LATE));
    }

    /** The records the topology is done with: aggregated + filtered + invalid + late. */
    public long done() {
        return aggregated + filtered + invalid + late;
    }

    /** The records read and not done with yet. */
    public long inFlight() {
        return read - done();
    }
}
