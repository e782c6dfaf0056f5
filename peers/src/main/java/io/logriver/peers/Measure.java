package io.logriver.peers;

import io.logriver.logic.LatencyProbe;
import io.logriver.logic.time.HostClock;

/**
 * What a window aggregate takes from one request (its duration, whether it is an error), where the request was read
 * (for a late record's dead letter), and its two times for the latency probe.
 */
public record Measure(long durationMillis, boolean error, int partition, long offset, long emitNanos,
                      long schedNanos) {

    /** Records in the {@link LatencyProbe} that this request has just been applied to its window. */
    public void recordApplied() {
        LatencyProbe.record(HostClock.nanos(), emitNanos, schedNanos);
    }
}
