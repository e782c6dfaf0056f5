package io.logriver.logic;

import java.util.HashMap;
import java.util.Map;

/**
 * The lateness rule of {@link LatenessTracker}, for every partition, applied batch by batch: a batch applied again
 * under the same transaction id (a replay) first undoes its earlier attempt, so each batch counts once.
 */
public final class BatchLateness {
    private final Windows windows;
    private final long allowedLatenessMillis;
    private final FutureTimeRule future;
    private Map<Integer, Long> maxEventTime = new HashMap<>();
    private Map<Integer, Long> beforeLastBatch = new HashMap<>();
    private long lastTxid = Long.MIN_VALUE;

    /** Without the wall clock: the watermarks follow the event times alone. */
    public BatchLateness(Windows windows, long allowedLatenessMillis) {
        this(windows, allowedLatenessMillis, FutureTimeRule.OFF);
    }

    public BatchLateness(Windows windows, long allowedLatenessMillis, FutureTimeRule future) {
        this.windows = windows;
        this.allowedLatenessMillis = allowedLatenessMillis;
        this.future = future;
    }

    /** Starts a batch; the same txid as the last batch means a replay of it. */
    public void begin(long txid) {
        if (txid == lastTxid) {
            maxEventTime = new HashMap<>(beforeLastBatch);
        } else {
            beforeLastBatch = new HashMap<>(maxEventTime);
            lastTxid = txid;
        }
    }

    /** Checks one record of the partition that passed the filter, then lets it advance the watermark. */
    public boolean observeIsLate(int partition, long eventTime) {
        long wm = watermark(partition);
        boolean late = windows.isFinal(windows.startOf(eventTime), wm);
        maxEventTime.merge(partition, future.watermarkTime(eventTime), Math::max);
        return late;
    }

    /** Marks the end of the partition's input: its watermark becomes {@link Long#MAX_VALUE}. */
    public void end(int partition) {
        maxEventTime.put(partition, Long.MAX_VALUE);
    }

    public long watermark(int partition) {
        Long max = maxEventTime.get(partition);
        if (max == null) {
            return LatenessTracker.NO_WATERMARK;
        }
        return max == Long.MAX_VALUE ? Long.MAX_VALUE : max - allowedLatenessMillis;
    }
}
