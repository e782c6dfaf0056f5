package io.logriver.logic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The open windows of one aggregating task. Records are added to their window key; each input partition's
 * watermark arrives on its own, and windows close, oldest first and without scanning the open ones, once
 * they are final under the lowest of those watermarks.
 */
public final class WindowAggregator {

    private final Windows windows;
    private final long[] watermarks;
    private long effectiveWatermark = LatenessTracker.NO_WATERMARK;
    private final TreeMap<Long, Map<WindowKey, DurationStats>> open = new TreeMap<>();

    public WindowAggregator(Windows windows, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        this.windows = windows;
        this.watermarks = new long[partitions];
        Arrays.fill(watermarks, LatenessTracker.NO_WATERMARK);
    }

    /** Adds one record; false (and nothing added) when its window has already been closed here. */
    public boolean add(WindowKey key, long durationMillis, boolean error) {
        if (windows.isFinal(key.windowStart(), effectiveWatermark)) {
            return false;
        }
        open.computeIfAbsent(key.windowStart(), s -> new HashMap<>())
                .computeIfAbsent(key, k -> new DurationStats())
                .add(durationMillis, error);
        return true;
    }

    /**
     * Records a partition's watermark and returns the windows that became final, ordered by window key.
     * {@link Long#MAX_VALUE} marks the end of a partition's input.
     */
    public List<WindowResult> advance(int partition, long watermark) {
        if (partition < 0 || partition >= watermarks.length) {
            throw new IllegalArgumentException("partition " + partition + " outside 0.." + (watermarks.length - 1));
        }
        watermarks[partition] = Math.max(watermarks[partition], watermark);
        long min = Long.MAX_VALUE;
        for (long w : watermarks) {
            min = Math.min(min, w);
        }
        if (min <= effectiveWatermark) {
            return List.of();
        }
        effectiveWatermark = min;
        List<WindowResult> closed = new ArrayList<>();
        while (!open.isEmpty() && windows.isFinal(open.firstKey(), min)) {
            for (Map.Entry<WindowKey, DurationStats> e : open.pollFirstEntry().getValue().entrySet()) {
                closed.add(new WindowResult(e.getKey(), windows.sizeMillis(), e.getValue().summarize(), true));
            }
        }
        closed.sort((a, b) -> a.key().compareTo(b.key()));
        return closed;
    }

    /** True once every partition's input has ended and every window is closed. */
    public boolean isDrained() {
        return effectiveWatermark == Long.MAX_VALUE && open.isEmpty();
    }

    public int openWindowKeys() {
        int n = 0;
        for (Map<WindowKey, DurationStats> keys : open.values()) {
            n += keys.size();
        }
        return n;
    }
}
