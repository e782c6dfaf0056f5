package io.logriver.trident;

import io.logriver.logic.parse.DeadLetter;
import io.logriver.logic.window.DurationStats;
import io.logriver.logic.window.WindowKey;
import java.util.ArrayList;
import java.util.List;

/**
 * What partition stages hand on from one batch: each partition's share of the windows that became final for it, the
 * partitions' new watermarks, and the late records' dead letters. The stage emits one per batch and task; the merger's
 * input gathers one per batch and task in the same shape (without dead letters). It never leaves the task that made it:
 * {@link StageRows} turns it into plain rows.
 */
record StageOutput(List<Share> shares, List<Watermark> watermarks, List<DeadLetter> late) {

    /** A partition's share (partial aggregate) of a window key. */
    record Share(int partition, WindowKey key, DurationStats stats) {
    }

    /** A partition's watermark, once it has passed the end of another window. */
    record Watermark(int partition, long watermark) {
    }

    StageOutput() {
        this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }
}
