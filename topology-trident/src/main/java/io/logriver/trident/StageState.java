package io.logriver.trident;

import io.logriver.logic.PartitionPipeline;
import io.logriver.logic.Pending;
import io.logriver.logic.SessionTable;
import io.logriver.logic.parse.FutureTimeRule;
import io.logriver.logic.parse.Session;
import io.logriver.logic.window.DurationStats;
import io.logriver.logic.window.WindowKey;
import io.logriver.logic.window.Windows;
import io.logriver.trident.state.EntryStore;
import io.logriver.trident.state.LoggedState;
import io.logriver.trident.state.StoreLocation;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The partition stage's state, one per stage task: for each Kafka partition it holds, the last offset, the lateness
 * watermark and the partition's share of every window not yet final for it ({@link PartitionPipeline}, whose checkpoint
 * entries are this state's entries).
 */
final class StageState extends LoggedState {
    /** Trident joins before the stage: no request ever waits in it, so a restore has none to release. */
    private static final PartitionPipeline.Output NOTHING_WAITS = new PartitionPipeline.Output() {
        @Override
        public void applied(Pending p, Session s, boolean joined, boolean waited) {
            throw new IllegalStateException("a request waited in the Trident partition stage: " + p);
        }

        @Override
        public void partial(int partition, WindowKey key, DurationStats stats) {
            throw new IllegalStateException("a restore released a share of " + key);
        }

        @Override
        public void watermark(int partition, long watermark) {
            throw new IllegalStateException("a restore moved the watermark of partition " + partition);
        }
    };

    final PartitionPipeline pipeline;

    /** @param future keeps a partition's watermark from passing the wall clock */
    StageState(EntryStore store, Windows windows, long latenessMs, FutureTimeRule future) {
        super(store);
        this.pipeline = new PartitionPipeline(windows, latenessMs, future, new SessionTable(), 0);
    }

    @Override
    protected void changes(BiConsumer<String, byte[]> put, Consumer<String> delete) {
        pipeline.checkpoint().changes(put, delete);
    }

    @Override
    protected void restore(Iterable<Map.Entry<String, byte[]>> entries) {
        pipeline.checkpoint().restore(entries, 0, NOTHING_WAITS);
    }

    @Override
    protected int openKeys() {
        return pipeline.openPartials();
    }

    static final class Factory extends LoggedState.Factory {
        private static final long serialVersionUID = 1L;
        private final Windows windows;
        private final long latenessMs;
        private final FutureTimeRule future;

        Factory(StoreLocation location, Windows windows, long latenessMs, FutureTimeRule future) {
            super(location, "stage");
            this.windows = windows;
            this.latenessMs = latenessMs;
            this.future = future;
        }

        @Override
        public LoggedState make(EntryStore store) {
            return new StageState(store, windows, latenessMs, future);
        }
    }
}
