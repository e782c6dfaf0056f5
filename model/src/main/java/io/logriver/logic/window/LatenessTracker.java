package io.logriver.logic.window;

import io.logriver.logic.parse.FutureTimeRule;

/**
 * The watermark of one input partition: the highest event time among the records that passed the filter (never past
 * the wall clock, see {@link FutureTimeRule#watermarkTime}), minus the allowed lateness. A record is late when its
 * window is already final under that watermark.
 */
public final class LatenessTracker {
    /** Before any record: no window is final. */
    public static final long NO_WATERMARK = Long.MIN_VALUE;

    private final Windows windows;
    private final long allowedLatenessMillis;
    private final FutureTimeRule future;
    private long maxEventTime = Long.MIN_VALUE;

    /** Without the wall clock: the watermark follows the event times alone. */
    public LatenessTracker(Windows windows, long allowedLatenessMillis) {
        this(windows, allowedLatenessMillis, FutureTimeRule.OFF);
    }

    public LatenessTracker(Windows windows, long allowedLatenessMillis, FutureTimeRule future) {
        this.windows = windows;
        this.allowedLatenessMillis = allowedLatenessMillis;
        this.future = future;
    }

    /** Checks one record that passed the filter, then lets it advance the watermark. True when it is late. */
    public boolean observeIsLate(long eventTime) {
        boolean late = windows.isFinal(windows.startOf(eventTime), watermark());
        maxEventTime = Math.max(maxEventTime, future.watermarkTime(eventTime));
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
