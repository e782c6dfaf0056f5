package io.logriver.logic.window;

import java.io.Serializable;

/** Event-time tumbling windows of a fixed size, aligned on the epoch (UTC). */
public record Windows(long sizeMillis) implements Serializable {

    public Windows {
        if (sizeMillis <= 0) {
            throw new IllegalArgumentException("window size must be positive: " + sizeMillis);
        }
    }

    /** floor(t / size) * size. */
    public long startOf(long eventTime) {
        return Math.floorDiv(eventTime, sizeMillis) * sizeMillis;
    }

    public long endOf(long eventTime) {
        return startOf(eventTime) + sizeMillis;
    }

    /** A window is final once its end is at or before the watermark. */
    public boolean isFinal(long windowStart, long watermark) {
        return windowStart + sizeMillis <= watermark;
    }
}
