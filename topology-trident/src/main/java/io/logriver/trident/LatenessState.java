package io.logriver.trident;

import io.logriver.logic.BatchLateness;
import io.logriver.logic.FutureTimeRule;
import io.logriver.logic.Windows;
import java.util.Map;
import org.apache.storm.task.IMetricsContext;
import org.apache.storm.trident.state.State;
import org.apache.storm.trident.state.StateFactory;

/** Each partition's watermark as Trident state, updated in batch order; a replayed batch is undone first. */
final class LatenessState implements State {
    final BatchLateness lateness;

    LatenessState(BatchLateness lateness) {
        this.lateness = lateness;
    }

    @Override
    public void beginCommit(Long txid) {
        lateness.begin(txid == null ? Long.MIN_VALUE + 1 : txid);
    }

    @Override
    public void commit(Long txid) {
        // kept in memory: lost with the worker, rebuilt from the records that follow
    }

    static final class Factory implements StateFactory {
        private static final long serialVersionUID = 1L;
        private final long windowSizeMs;
        private final long latenessMs;
        private final FutureTimeRule future;

        Factory(long windowSizeMs, long latenessMs, FutureTimeRule future) {
            this.windowSizeMs = windowSizeMs;
            this.latenessMs = latenessMs;
            this.future = future;
        }

        @Override
        public State makeState(Map<String, Object> conf, IMetricsContext metrics, int partitionIndex, int numPartitions) {
            return new LatenessState(new BatchLateness(new Windows(windowSizeMs), latenessMs, future));
        }
    }
}
