package io.logriver.peers;

import org.HdrHistogram.Histogram;

/**
 * Per-record latencies, in microseconds, as {@link LatencyProbe} records them: in-topology (the record entering the
 * engine to the record applied to its window) and end-to-end (the scheduled send time in its header to applied).
 * Where "entering" and "applied" are for each engine: peers/README.md.
 */
public interface Latencies {

    /** The in-topology latencies recorded since the last call. */
    Histogram takeInTopology();

    /** The end-to-end latencies recorded since the last call. */
    Histogram takeEndToEnd();

    /** The times requests waited for their sessions since the last call (core's join; none in other engines). */
    default Histogram takeJoinWaits() {
        return new Histogram(3);
    }

    /** Records applied to their windows since the engine started (the probe on). */
    long applied();
}
