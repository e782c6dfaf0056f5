package io.logriver.logic;

import java.util.List;

/**
 * The open windows of one aggregating task of the record-at-a-time topology: records are added to their window
 * key as they come, and windows close once the lowest partition watermark passes their end.
 */
public final class WindowAggregator {
    private final OpenWindows open;

    public WindowAggregator(Windows windows, int partitions) {
        this.open = new OpenWindows(windows, partitions);
    }

    /** Adds one record; false (and nothing added) when its window has already been closed here. */
    public boolean add(WindowKey key, long durationMillis, boolean error) {
        if (open.isClosed(key.windowStart())) {
            return false;
        }
        open.statsOf(key).add(durationMillis, error);
        return true;
    }

    /**
     * Records a partition's watermark and returns the windows that became final, ordered by window key.
     * {@link Long#MAX_VALUE} marks the end of a partition's input.
     */
    public List<WindowResult> advance(int partition, long watermark) {
        return open.advance(partition, watermark);
    }

    /** True once every partition's input has ended and every window is closed. */
    public boolean isDrained() {
        return open.isDrained();
    }

    public int openWindowKeys() {
        return open.openKeys();
    }
}
