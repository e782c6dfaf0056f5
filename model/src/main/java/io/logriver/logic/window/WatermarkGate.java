package io.logriver.logic.window;

import java.util.HashMap;
import java.util.Map;

/**
 * Decides when the join passes a partition's watermark downstream: the upstream watermark, capped by the join's
 * ceiling (just below the earliest window a waiting request belongs to), forwarded only when it makes another
 * window final, so watermark tuples flow once per window, not per record. {@link Long#MAX_VALUE} is the end of input.
 */
public final class WatermarkGate {
    /** Returned when nothing is to be forwarded. */
    public static final long NONE = Long.MIN_VALUE;

    private final long windowSizeMillis;
    private final Map<Integer, long[]> upstreamAndForwarded = new HashMap<>();

    public WatermarkGate(long windowSizeMillis) {
        this.windowSizeMillis = windowSizeMillis;
    }

    /** Records the partition's upstream watermark (it never goes back) and returns what to forward, or {@link #NONE}. */
    public long update(int partition, long upstreamWatermark, long ceiling) {
        long[] s = upstreamAndForwarded.computeIfAbsent(partition, p -> new long[] {NONE, NONE});
        s[0] = Math.max(s[0], upstreamWatermark);
        return recheck(s, ceiling);
    }

    /** Re-evaluates a partition after its ceiling rose (a waiting request left); {@link #NONE} when unchanged. */
    public long recheck(int partition, long ceiling) {
        long[] s = upstreamAndForwarded.get(partition);
        return s == null ? NONE : recheck(s, ceiling);
    }

    /** The partition's upstream watermark and the watermark last forwarded ({@link #NONE} when none yet). */
    public long[] state(int partition) {
        long[] s = upstreamAndForwarded.get(partition);
        return s == null ? new long[] {NONE, NONE} : s.clone();
    }

    /** Continues from a checkpoint: what {@link #state(int)} returned. */
    public void restore(int partition, long upstream, long forwarded) {
        upstreamAndForwarded.put(partition, new long[] {upstream, forwarded});
    }

    /** Forgets every partition (the caller restores its state from a checkpoint). */
    public void clear() {
        upstreamAndForwarded.clear();
    }

    public Iterable<Integer> partitions() {
        return upstreamAndForwarded.keySet();
    }

    private long recheck(long[] s, long ceiling) {
        long candidate = Math.min(s[0], ceiling);
        if (candidate == NONE || (s[1] != NONE && windowIndex(candidate) <= windowIndex(s[1]))) {
            return NONE;
        }
        s[1] = candidate;
        return candidate;
    }

    private long windowIndex(long watermark) {
        return watermark == Long.MAX_VALUE ? Long.MAX_VALUE : Math.floorDiv(watermark, windowSizeMillis);
    }
}
