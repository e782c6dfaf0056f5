package io.logriver.logic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Final window records for a micro-batch pipeline: it keeps the latest aggregate of every open window key (computed
 * elsewhere) and each partition's watermark, and emits a key's aggregate once, when the lowest watermark passes the
 * end of its window. A batch applied again under the same transaction id (a replay) first undoes its earlier attempt.
 */
public final class WindowCloser {

    /** What one batch produced: the final records, and updates that came for windows already closed. */
    public record Result(List<WindowResult> finals, List<WindowKey> closedWindowUpdates) {
    }

    private OpenWindows open;
    private OpenWindows beforeLastBatch;
    private long lastTxid = Long.MIN_VALUE;

    public WindowCloser(Windows windows, int partitions) {
        this.open = new OpenWindows(windows, partitions);
        this.beforeLastBatch = open.copy();
    }

    /** Applies one batch: the new aggregates of the keys it updated, then the partitions' watermarks after it. */
    public Result apply(long txid, Map<WindowKey, DurationStats> updates, Map<Integer, Long> partitionWatermarks) {
        if (txid == lastTxid) {
            open = beforeLastBatch.copy();
        } else {
            beforeLastBatch = open.copy();
            lastTxid = txid;
        }
        List<WindowKey> rejected = new ArrayList<>();
        updates.forEach((key, stats) -> {
            if (open.isClosed(key.windowStart())) {
                rejected.add(key);
            } else {
                open.put(key, stats);
            }
        });
        List<WindowResult> finals = new ArrayList<>();
        partitionWatermarks.forEach((p, wm) -> finals.addAll(open.advance(p, wm)));
        finals.sort((a, b) -> a.key().compareTo(b.key()));
        rejected.sort(WindowKey::compareTo);
        return new Result(finals, rejected);
    }

    /** True once every partition's input has ended and every window is closed. */
    public boolean isDrained() {
        return open.isDrained();
    }

    public int openWindowKeys() {
        return open.openKeys();
    }
}
