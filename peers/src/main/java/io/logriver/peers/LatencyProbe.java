package io.logriver.peers;

import io.logriver.logic.AppliedHook;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The benchmark's probe, plugged into an engine through {@code logriver.latency.hook}: per-record latencies in
 * HdrHistograms (microseconds), in-topology (entering the engine to applied) and end-to-end (scheduled send to
 * applied), and apart from them the time a request waited for its session (core's join): a request that waited counts
 * in the first two until the partition stage took it, as {@code logriver.latency.us} does, and its wait in the third.
 *
 * <p>Each task makes a hook of its own; all of them record into this JVM's recorders, which the engine host, in the
 * same JVM as the engine it runs, reads as interval histograms ({@link #latencies()}). Recording is wait-free (no
 * locks on the hot path). Times are {@link io.logriver.logic.time.HostClock} values, which all processes of one machine
 * share.
 */
public final class LatencyProbe implements AppliedHook {
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);
    private static final Recorder IN_TOPOLOGY = new Recorder(HIGHEST_MICROS, 3);
    private static final Recorder END_TO_END = new Recorder(HIGHEST_MICROS, 3);
    private static final Recorder JOIN_WAITS = new Recorder(HIGHEST_MICROS, 3);
    private static final LongAdder APPLIED = new LongAdder();

    /** What {@code logriver.latency.hook} names to plug the probe in. */
    public static final String HOOK = LatencyProbe.class.getName();

    /** A task's hook (made by the engine, through {@code logriver.latency.hook}). */
    public LatencyProbe() {
    }

    @Override
    public void applied(long nowNanos, long emitNanos, long schedNanos) {
        IN_TOPOLOGY.recordValue(clamp((nowNanos - emitNanos) / 1000));
        if (schedNanos >= 0) {
            END_TO_END.recordValue(clamp((nowNanos - schedNanos) / 1000));
        }
        APPLIED.increment();
    }

    @Override
    public void appliedAfterWait(long nowNanos, long emitNanos, long schedNanos, long takenNanos) {
        applied(takenNanos, emitNanos, schedNanos);
        JOIN_WAITS.recordValue(clamp((nowNanos - takenNanos) / 1000));
    }

    private static long clamp(long micros) {
        return Math.max(0, Math.min(micros, HIGHEST_MICROS));
    }

    /** What the hooks of this JVM recorded: the probe as the engine host reads it. */
    public static Latencies latencies() {
        return new Latencies() {
            @Override
            public Histogram takeInTopology() {
                return IN_TOPOLOGY.getIntervalHistogram();
            }

            @Override
            public Histogram takeEndToEnd() {
                return END_TO_END.getIntervalHistogram();
            }

            @Override
            public Histogram takeJoinWaits() {
                return JOIN_WAITS.getIntervalHistogram();
            }

            @Override
            public long applied() {
                return APPLIED.sum();
            }
        };
    }
}
