package io.logriver.logic;

/**
 * A request on its way through the partition stage: where it was read, what it says, and the times the latency
 * figures start from ({@link System#nanoTime()} of the spout's emit and of the benchmark's schedule, -1 when unknown).
 */
public record Pending(int partition, long offset, Request request, long emitNanos, long schedNanos) {
}
