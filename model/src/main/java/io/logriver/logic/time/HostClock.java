package io.logriver.logic.time;

/**
 * The clock of the timestamps that tuples carry from one executor to another, possibly in another worker JVM: a
 * record's emit time (the spout) and the benchmark's scheduled send time (the generator), compared where the record
 * is applied to its window. Java promises only that {@link System#nanoTime()} values compare within one JVM; HotSpot
 * on Linux reads {@code CLOCK_MONOTONIC}, which counts from the host's boot and is the same in every process of the
 * host, so the values of two workers on one host compare (HostClockIT checks it on the machine that runs it). The
 * values of two hosts do not: each counts from its own boot.
 */
public final class HostClock {
    private HostClock() {
    }

    /** Nanoseconds on the host's monotonic clock. */
    public static long nanos() {
        return System.nanoTime();
    }
}
