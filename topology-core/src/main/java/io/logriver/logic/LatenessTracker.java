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

    public long watermark() {
        return maxEventTime == Long.MIN_VALUE ? NO_WATERMARK : maxEventTime - allowedLatenessMillis;
    }
}
