package io.logriver.launcher.bench;

import io.logriver.peers.Latencies;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * What a benchmark point reads of the engine under test, whether a Storm topology or a peer.
 *
 * @param latencies its latency probe
 * @param done      requests finished: applied to a window, filtered, invalid or (where the engine counts them) late
 * @param cpu       the CPU time of the engine's own JVM so far; null when it runs in this one (the flight recording
 *                  sees it)
 */
record PointProbe(Latencies latencies, LongSupplier done, Supplier<Duration> cpu) {

    long finished() {
        return done.getAsLong();
    }

    /** Requests applied to their windows so far. */
    long applied() {
        return latencies.applied();
    }

    Histogram takeInTopology() {
        return latencies.takeInTopology();
    }

    Histogram takeEndToEnd() {
        return latencies.takeEndToEnd();
    }

    Histogram takeJoinWaits() {
        return latencies.takeJoinWaits();
    }

    Duration ownJvmCpu() {
        return cpu.get();
    }
}
