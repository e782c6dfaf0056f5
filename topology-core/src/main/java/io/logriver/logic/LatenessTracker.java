package io.logriver.logic;

/**
 * The watermark of one input partition: the highest event time among the records that passed the filter,
 * minus the allowed lateness. A record is late when its window is already final under that watermark.
 */
public final class LatenessTracker {
    /** Before any record: no window is final. */
    public static final long NO_WATERMARK = Long.MIN_VALUE;

    private final Windows windows;
    private final long allowedLatenessMillis;
    private long maxEventTime = Long.MIN_VALUE;

    public LatenessTracker(Windows windows, long allowedLatenessMillis) {
        this.windows = windows;
        this.allowedLatenessMillis = allowedLatenessMillis;
    }

    /** Checks one record that passed the filter, then lets it advance the watermark. True when it is late. */
    public boolean observeIsLate(long eventTime) {
        boolean late = windows.isFinal(windows.startOf(eventTime), watermark());
        if (eventTime > maxEventTime) {
            maxEventTime = eventTime;
        }
        return late;
    }

    /** The highest event time seen so far ({@link Long#MIN_VALUE} before any): all a checkpoint needs to keep. */
    public long maxEventTime() {
        return maxEventTime;
    }

    /** Continues from a checkpoint: {@code maxEventTime} as {@link #maxEventTime()} returned it. */
    public void restore(long maxEventTime) {
        this.maxEventTime = maxEventTime;
    }

    public long watermark() {
        return maxEventTime == Long.MIN_VALUE ? NO_WATERMARK : maxEventTime - allowedLatenessMillis;
    }
}
