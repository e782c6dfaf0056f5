package io.logriver.logic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The open windows of one task and the watermark of every input partition. Windows close, oldest first and
 * without scanning the open ones, once they are final under the lowest of those watermarks; {@link Long#MAX_VALUE}
 * is a partition's end of input.
 */
final class OpenWindows {
    private final Windows windows;
    private final TreeMap<Long, Map<WindowKey, DurationStats>> open = new TreeMap<>();
    private final long[] watermarks;
    private long effective = LatenessTracker.NO_WATERMARK;

    OpenWindows(Windows windows, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        this.windows = windows;
        this.watermarks = new long[partitions];
        Arrays.fill(watermarks, LatenessTracker.NO_WATERMARK);
    }

    private OpenWindows(OpenWindows o) {
        this.windows = o.windows;
        o.open.forEach((start, keys) -> open.put(start, new HashMap<>(keys)));
        this.watermarks = o.watermarks.clone();
        this.effective = o.effective;
    }

    /** A copy that shares the aggregates but none of the structure. */
    OpenWindows copy() {
        return new OpenWindows(this);
    }

    boolean isClosed(long windowStart) {
        return windows.isFinal(windowStart, effective);
    }

    /** The aggregate of an open key, created empty if needed; the caller checked the window is open. */
    DurationStats statsOf(WindowKey key) {
        return open.computeIfAbsent(key.windowStart(), s -> new HashMap<>()).computeIfAbsent(key, k -> new DurationStats());
    }

    void put(WindowKey key, DurationStats stats) {
        open.computeIfAbsent(key.windowStart(), s -> new HashMap<>()).put(key, stats);
    }

    /** Records a partition's watermark; returns the windows that became final, ordered by key. */
    List<WindowResult> advance(int partition, long watermark) {
        if (partition < 0 || partition >= watermarks.length) {
            throw new IllegalArgumentException("partition " + partition + " outside 0.." + (watermarks.length - 1));
        }
        watermarks[partition] = Math.max(watermarks[partition], watermark);
        long min = Arrays.stream(watermarks).min().getAsLong();
        if (min <= effective) {
            return List.of();
        }
        effective = min;
        List<WindowResult> closed = new ArrayList<>();
        while (!open.isEmpty() && windows.isFinal(open.firstKey(), min)) {
            open.pollFirstEntry().getValue().forEach((key, stats) ->
                    closed.add(new WindowResult(key, windows.sizeMillis(), stats.summarize(), true)));
        }
        closed.sort((a, b) -> a.key().compareTo(b.key()));
        return closed;
    }

    boolean isDrained() {
        return effective == Long.MAX_VALUE && open.isEmpty();
    }

    int openKeys() {
        return open.values().stream().mapToInt(Map::size).sum();
    }
}
