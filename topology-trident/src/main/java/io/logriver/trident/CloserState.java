package io.logriver.trident;

import io.logriver.logic.WindowCloser;
import io.logriver.logic.Windows;
import java.util.Map;
import org.apache.storm.task.IMetricsContext;
import org.apache.storm.trident.state.State;
import org.apache.storm.trident.state.StateFactory;

/** The window closer as Trident state (one partition: it sees every window key and every watermark). */
final class CloserState implements State {
    final WindowCloser closer;
    long txid;

    CloserState(WindowCloser closer) {
        this.closer = closer;
    }

    @Override
    public void beginCommit(Long txid) {
        this.txid = txid == null ? Long.MIN_VALUE + 1 : txid;
    }

    @Override
    public void commit(Long txid) {
        // kept in memory
    }

    static final class Factory implements StateFactory {
        private static final long serialVersionUID = 1L;
        private final long windowSizeMs;
        private final int partitions;

        Factory(long windowSizeMs, int partitions) {
            this.windowSizeMs = windowSizeMs;
            this.partitions = partitions;
        }

        @Override
        public State makeState(Map<String, Object> conf, IMetricsContext metrics, int partitionIndex, int numPartitions) {
            return new CloserState(new WindowCloser(new Windows(windowSizeMs), partitions));
        }
    }
}
