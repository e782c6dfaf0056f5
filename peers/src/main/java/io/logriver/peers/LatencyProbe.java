package io.logriver.logic;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Per-record latencies for the benchmark, in HdrHistograms (microseconds): in-topology (spout emit to applied) and
 * end-to-end (scheduled send to applied), and apart from them the time a request waited for its session (core's
 * join): a request that waited counts in the first two until the partition stage took it, as
 * {@code logriver.latency.us} does, and its wait in the third. Recording is wait-free (no locks on the hot path); the
 * benchmark, in the same JVM as the local cluster, takes interval histograms. Times are {@link HostClock} values,
 * which all processes of one machine share.
 */
public final class LatencyProbe {
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);
    private static final Recorder IN_TOPOLOGY = new Recorder(HIGHEST_MICROS, 3);
    private static final Recorder END_TO_END = new Recorder(HIGHEST_MICROS, 3);
    private static final Recorder JOIN_WAITS = new Recorder(HIGHEST_MICROS, 3);
    private static final LongAdder APPLIED = new LongAdder();

    private LatencyProbe() {
    }

    /** One record applied at {@code nowNanos}; {@code schedNanos} -1 when it carries no scheduled send time. */
    public static void record(long nowNanos, long emitNanos, long schedNanos) {
        IN_TOPOLOGY.recordValue(clamp((nowNanos - emitNanos) / 1000));
        if (schedNanos >= 0) {
            END_TO_END.recordValue(clamp((nowNanos - schedNanos) / 1000));
        }
        APPLIED.increment();
    }

    /**
     * A request applied at {@code nowNanos} after it waited for its session since {@code takenNanos}, when the stage
     * took it: processing until then, the wait apart.
     */
    public static void recordWaited(long nowNanos, long emitNanos, long schedNanos, long takenNanos) {
        record(takenNanos, emitNanos, schedNanos);
        JOIN_WAITS.recordValue(clamp((nowNanos - takenNanos) / 1000));
    }

    private static long clamp(long micros) {
        return Math.max(0, Math.min(micros, HIGHEST_MICROS));
    }

    /** The in-topology latencies recorded since the last call. */
    public static Histogram takeInTopology() {
        return IN_TOPOLOGY.getIntervalHistogram();
    }

    /** The end-to-end latencies recorded since the last call. */
    public static Histogram takeEndToEnd() {
        return END_TO_END.getIntervalHistogram();
    }

    /** The waits for sessions recorded since the last call. */
    public static Histogram takeJoinWaits() {
        return JOIN_WAITS.getIntervalHistogram();
    }

    /** Records applied since the JVM started. */
    public static long applied() {
        return APPLIED.sum();
    }
}
