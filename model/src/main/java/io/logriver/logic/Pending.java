package io.logriver.logic;

import io.logriver.logic.parse.Request;

/**
 * A request on its way through the partition stage: where it was read, what it says, and the times the latency
 * figures start from ({@link System#nanoTime()} of the spout's emit, of the benchmark's schedule, and of the moment
 * the stage took it: -1 when unknown, as after a restore). A request that waits for its session is processing until
 * it was taken, then waiting, until its session comes or its wait ends.
 */
public record Pending(int partition, long offset, Request request, long emitNanos, long schedNanos, long takenNanos) {
}
