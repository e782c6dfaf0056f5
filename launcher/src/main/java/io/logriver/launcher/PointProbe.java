package io.logriver.launcher;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/** What a benchmark point reads of the engine under test, whether a Storm topology or a peer. */
interface PointProbe {

    /** Requests finished: applied to a window, filtered, invalid or (where the engine counts them) late. */
    long finished();

    /** Requests applied to their windows so far. */
    long applied();

    /** The in-topology latencies (µs) recorded since the last call. */
    Histogram takeInTopology();

    /** The end-to-end latencies (µs) recorded since the last call. */
    Histogram takeEndToEnd();

    /** The CPU time of the engine's own JVM so far; null when it runs in this one (the flight recording sees it). */
    default Duration ownJvmCpu() {
        return null;
    }
}
