package io.logriver.peers;

import io.logriver.logic.AppliedHook;
import io.logriver.logic.time.HostClock;

/**
 * What a window aggregate takes from one request (its duration, whether it is an error), where the request was read
 * (for a late record's dead letter), and its two times for the engine's {@link AppliedHook}.
 */
public record Measure(long durationMillis, boolean error, int partition, long offset, long emitNanos,
                      long schedNanos) {

    /** Tells {@code hook} that this request has just been applied to its window. */
    public void applied(AppliedHook hook) {
        hook.applied(HostClock.nanos(), emitNanos, schedNanos);
    }
}
